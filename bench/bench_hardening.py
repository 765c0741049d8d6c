"""Wall time and peak memory of every command on every hostile input shape (issue #14).

Makes each shape of ``bench/adversarial.py`` in a temporary folder, runs ``check``, ``ingest``
and ``run`` on it in a subprocess (peak RSS of the whole process tree, sampled every 50 ms;
killed at ``--timeout`` seconds or ``--max-rss`` MB), and uploads it to a fresh
``gemeentetaal serve`` while polling ``/api/health``, recording the slowest health answer.
Prints a Markdown table and writes it to ``bench/results_hardening.md``. Not a test.

Usage: ``python bench/bench_hardening.py [--only SHAPE ...] [--commands check,ingest,run,web]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import adversarial as adv  # noqa: E402

CLI = [str(Path(sys.executable).with_name("gemeentetaal"))]
ALL_COMMANDS = ("check", "ingest", "run", "web")


@dataclass(frozen=True)
class Shape:
    name: str
    filename: str
    make: Callable[[Path], Path]
    commands: tuple[str, ...]
    owner: str = "h-hardening"


def _text(content: str | bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return make


SHAPES = (
    Shape("docx_bomb_1gb", "bom.docx", lambda p: adv.docx_bomb(p, 1024), ALL_COMMANDS),
    Shape(
        "docx_lying_directory",
        "leugen.docx",
        lambda p: adv.docx_bomb(p, 1024, declared_mb=1),
        ("check", "ingest", "web"),
    ),
    Shape("docx_60k_entries", "veel.docx", adv.docx_many_entries, ("check", "ingest", "web")),
    Shape("docx_20k_paragraphs", "alineas.docx", adv.docx_paragraphs, ALL_COMMANDS),
    Shape("html_20k_blocks", "blokken.html", lambda p: _text(adv.html_blocks())(p), ALL_COMMANDS),
    Shape("html_page_1_6mb", "pagina.html", lambda p: _text(adv.html_page())(p), ALL_COMMANDS),
    Shape(
        "html_element_flood",
        "vloed.html",
        lambda p: _text(adv.html_elements())(p),
        ("check", "ingest"),
    ),
    Shape(
        "html_100k_nested", "diep.html", lambda p: _text(adv.html_deep())(p), ("check", "ingest")
    ),
    Shape("pdf_5000_pages", "paginas.pdf", adv.pdf_pages, ("check", "ingest", "web")),
    Shape("pdf_content_bomb", "inhoud.pdf", adv.pdf_content_bomb, ("check", "ingest", "web")),
    Shape(
        "csv_headerless_pii",
        "export.csv",
        lambda p: _text(adv.headerless_csv())(p),
        ("ingest", "run"),
    ),
    Shape(
        "long_token_150k",
        "woord.txt",
        lambda p: _text(adv.long_token())(p),
        ("check", "web"),
        owner="lead (#14 item 2)",
    ),
    Shape(
        "paragraph_200k",
        "alinea.txt",
        lambda p: _text(adv.long_paragraph())(p),
        ("check", "web"),
        owner="lead (#14 item 7)",
    ),
    Shape(
        "paragraph_2_1m",
        "lang.txt",
        lambda p: _text(adv.overlong_paragraph())(p),
        ("check",),
        owner="lead (#14 item 5)",
    ),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measure_cli(command: str, path: Path, work: Path, timeout: float, max_rss: float) -> str:
    argv = {
        "check": [*CLI, "check", str(path), "--format", "json"],
        "ingest": [*CLI, "ingest", str(path), "--format", "json"],
        "run": [*CLI, "run", str(path.parent), "--out", str(work / "out"), "--no-progress"],
    }[command]
    env = {**os.environ, "GEMEENTETAAL_SECRET": "bench-secret"}
    m = adv.run_bounded(argv, timeout=timeout, max_rss_mb=max_rss, cwd=work, env=env)
    return _cell(m.seconds, m.peak_rss_mb, m.returncode, m.killed, m.stderr)


def _cell(seconds: float, rss: float, code: int | None, killed: str | None, err: str) -> str:
    if killed:
        return f"killed ({killed}) at {seconds:.1f} s, {rss:,.0f} MB"
    lines = [line for line in err.splitlines() if line.strip()]
    last = lines[-1][:90].replace("|", "/") if lines else ""
    return f"{seconds:.1f} s, {rss:,.0f} MB, exit {code}" + (f": `{last}`" if last else "")


def measure_web(path: Path, work: Path, timeout: float, max_rss: float) -> str:
    port = free_port()
    env = {**os.environ, "GEMEENTETAAL_SECRET": "bench-secret"}
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.perf_counter() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.perf_counter() > deadline:
                return "server did not start"
            time.sleep(0.2)
        result: dict[str, object] = {}

        def upload() -> None:
            started = time.perf_counter()
            try:
                if path.suffix == ".txt":
                    response = httpx.post(
                        f"{base}/api/check", json={"text": path.read_text()}, timeout=timeout
                    )
                else:
                    with path.open("rb") as f:
                        response = httpx.post(
                            f"{base}/api/check", files={"file": (path.name, f)}, timeout=timeout
                        )
                result["status"] = response.status_code
                try:
                    result["detail"] = response.json().get("detail", "")
                except (json.JSONDecodeError, AttributeError):
                    result["detail"] = ""
            except httpx.HTTPError as exc:
                result["status"] = exc.__class__.__name__
            result["seconds"] = time.perf_counter() - started

        thread = threading.Thread(target=upload, daemon=True)
        process = psutil.Process(server.pid)
        peak, slowest, failures = 0.0, 0.0, 0
        thread.start()
        started = time.perf_counter()
        while thread.is_alive() and time.perf_counter() - started < timeout + 5:
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree) / 1024 / 1024)
            except psutil.Error:
                pass
            if peak > max_rss:
                result["status"] = "killed (memory)"
                break
            t0 = time.perf_counter()
            try:
                ok = httpx.get(f"{base}/api/health", timeout=5).status_code == 200
            except httpx.HTTPError:
                ok = False
            took = time.perf_counter() - t0
            slowest = max(slowest, took)
            failures += 0 if ok and took <= 1 else 1
            time.sleep(0.1)
        seconds = result.get("seconds", time.perf_counter() - started)
        detail = str(result.get("detail", ""))[:70]
        return (
            f"HTTP {result.get('status', 'timeout')} in {float(seconds):.1f} s, {peak:,.0f} MB; "
            f"health max {slowest:.2f} s, {failures} over 1 s" + (f": `{detail}`" if detail else "")
        )
    finally:
        os.killpg(server.pid, 9)
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="shape names")
    parser.add_argument("--commands", default=",".join(ALL_COMMANDS))
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--max-rss", type=float, default=4096.0, help="MB")
    parser.add_argument("--label", default="", help="a note for the table header")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results_hardening.md")
    args = parser.parse_args()
    commands = [c for c in args.commands.split(",") if c]
    rows = []
    for shape in SHAPES:
        if args.only and shape.name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / "in").mkdir()
            path = shape.make(work / "in" / shape.filename)
            size = path.stat().st_size / 1024 / 1024
            for command in commands:
                if command not in shape.commands:
                    continue
                if command == "web":
                    cell = measure_web(path, work, args.timeout, args.max_rss)
                else:
                    cell = measure_cli(command, path, work, args.timeout, args.max_rss)
                row = f"| {shape.name} ({size:.2f} MB) | {shape.owner} | {command} | {cell} |"
                print(row, flush=True)
                rows.append(row)
    load = os.getloadavg()[0]
    header = (
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {load:.1f} at the end (shared cores). "
        f"{args.label}\nLimits of the harness: killed after {args.timeout:g} s or "
        f"{args.max_rss:,.0f} MB (process tree RSS, sampled every 50 ms).\n\n"
        "| shape (size) | owner | command | wall time, peak RSS, outcome |\n|---|---|---|---|"
    )
    table = header + "\n" + "\n".join(rows) + "\n"
    args.out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
