"""Bounded load test of the web app on loopback: concurrent clients posting ~500-word texts.

Starts ``gemeentetaal serve`` as a subprocess on a free port, waits for ``/api/health``, then
runs N asynchronous clients (httpx) for a fixed time, each posting a different synthetic
500-word text to ``POST /api/check`` in a loop. Stops by itself, stops the server, and prints
requests per second, p50/p95/p99 latency and the error count as a Markdown table (also written
to ``bench/results_web.md``). Not a test.

Usage: ``python bench/bench_web.py [--clients 20] [--duration 30] [--words 500]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# Synthetic municipal sentences, mixed plain and officialese, long and short.
SENTENCES = (
    "De gemeente wil dat iedereen prettig kan wonen in de wijk.",
    "Het college faciliteert initiatieven van inwoners in het kader van de Omgevingswet.",
    "Aanvragen voor een vergunning worden door de afdeling Vergunningen beoordeeld.",
    "Heeft u vragen? Bel ons gerust.",
    "In 2025 investeren wij extra in het onderhoud van fietspaden en stoepen.",
    "Ter realisatie van de doelstellingen wordt ingezet op een integrale benadering van "
    "het sociaal domein, waarbij de samenwerking met maatschappelijke partners centraal staat.",
    "Wij helpen ouderen die langer thuis willen blijven wonen.",
    "De uitvoering van het beleid vindt plaats conform de kaders die door de raad zijn "
    "vastgesteld, zodat de voortgang periodiek kan worden gemonitord.",
    "Jongeren kunnen terecht bij het jongerenwerk in het buurthuis.",
    "Middels een subsidieregeling stimuleren wij de verduurzaming van woningen.",
    "Het afval wordt elke week op dinsdag opgehaald.",
    "Teneinde de dienstverlening te optimaliseren, wordt de digitale balie doorontwikkeld.",
)


def make_text(n_words: int, seed: int) -> str:
    """A synthetic text of about ``n_words`` words in paragraphs of four sentences."""
    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < n_words:
        sentences.append(rng.choice(SENTENCES))
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "pipeline", "serve", "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 120.0) -> float:
    """Seconds until ``/api/health`` answers 200."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with code {server.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not become ready")


async def client_loop(
    client: httpx.AsyncClient, texts: list[str], stop_at: float, latencies: list[float]
) -> int:
    errors = 0
    i = 0
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        try:
            response = await client.post("/api/check", json={"text": texts[i % len(texts)]})
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        if ok:
            latencies.append(time.perf_counter() - started)
        else:
            errors += 1
        i += 1
    return errors


async def load(base: str, clients: int, duration: float, words: int) -> dict[str, float]:
    texts = [make_text(words, seed) for seed in range(clients * 4)]
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients)
    timeout = httpx.Timeout(120.0)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        started = time.perf_counter()
        stop_at = started + duration
        errors = await asyncio.gather(
            *(client_loop(client, texts[c::clients], stop_at, latencies) for c in range(clients))
        )
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0

    n_words = statistics.mean(len(t.split()) for t in texts)
    return {
        "requests": len(latencies),
        "errors": sum(errors),
        "elapsed_s": elapsed,
        "rps": len(latencies) / elapsed,
        "words_per_s": len(latencies) * n_words / elapsed,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "words": n_words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    try:
        ready_s = wait_ready(base, server)
        model = httpx.get(f"{base}/api/health").json()["model"]
        httpx.post(f"{base}/api/check", json={"text": make_text(args.words, -1)}, timeout=60)
        figures = asyncio.run(load(base, args.clients, args.duration, args.words))
    finally:
        server.terminate()
        server.wait(timeout=30)

    load_1m = os.getloadavg()[0]
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load_1m:.1f} at the end (other processes share the cores)"
    )
    lines = [
        f"Machine: {machine}; model {model['name']} {model['version']} ({model['source']}).",
        f"Load: {args.clients} concurrent clients for {args.duration:g} s, "
        f"~{figures['words']:.0f}-word texts, POST /api/check on loopback, one server process.",
        "",
        "| start-up to ready | requests | req/s | words/s | p50 | p95 | p99 | errors |",
        "|---|---|---|---|---|---|---|---|",
        f"| {ready_s:.1f} s | {figures['requests']:.0f} | {figures['rps']:.2f} "
        f"| {figures['words_per_s']:.0f} | {figures['p50_ms']:.0f} ms "
        f"| {figures['p95_ms']:.0f} ms | {figures['p99_ms']:.0f} ms | {figures['errors']:.0f} |",
    ]
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench" / "results_web.md").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
