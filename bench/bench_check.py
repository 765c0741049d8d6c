"""Benchmark `gemeentetaal check`: cold start and analysis throughput.

Usage: ``.venv/bin/python bench/bench_check.py [--runs 5]``

1. Cold start: the wall time of ``gemeentetaal check FILE`` on a 500-word text in a fresh
   process (model load included), ``--runs`` times; the median is reported.
2. Throughput on the same text with the model loaded once: words per second of bare
   ``nlp.pipe``, of the readability analysis alone (``analyse_doc`` + ``measures``), and of
   both together.

The text is built from the synthetic calibration texts in tests/fixtures/levels.
Prints the figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ROOT / "tests" / "fixtures" / "levels"


def make_text(n_words: int = 500) -> str:
    """Paragraphs from the B1 and C1 calibration texts until ``n_words`` words."""
    paragraphs: list[str] = []
    total = 0
    for path in sorted(LEVELS.glob("*_b1.txt")) + sorted(LEVELS.glob("*_c1.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            words = para.split()
            if not words:
                continue
            if total + len(words) > n_words:
                words = words[: n_words - total]
            paragraphs.append(" ".join(words))
            total += len(words)
            if total >= n_words:
                return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def command() -> list[str]:
    script = Path(sys.executable).with_name("gemeentetaal")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "pipeline"]


def cold_start(path: Path, runs: int) -> list[float]:
    # Bytecode as a regular install has it (`make` compiles the editable install too).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True)
    times = []
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [*command(), "check", str(path), "--format", "json"],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"check failed: {done.stderr.decode()}")
    return times


def throughput(text: str, repeats: int) -> dict[str, float]:
    from pipeline.config import load_settings
    from pipeline.nlp import load_pipeline
    from pipeline.readability import ReadabilityResources, analyse_doc, measures

    settings = load_settings(None, {}, environ={})
    nlp, _info = load_pipeline(settings.nlp)
    resources = ReadabilityResources.load(settings.readability)
    paragraphs = [p for p in text.split("\n\n") if p.strip()] * repeats
    n_words = len(text.split()) * repeats
    list(nlp.pipe(paragraphs[:2]))  # warm up
    for doc in nlp.pipe(paragraphs[:4]):
        analyse_doc(doc, settings.readability, resources)  # first use loads word lists

    start = time.perf_counter()
    docs = list(nlp.pipe(paragraphs, batch_size=settings.nlp.batch_size))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        measures(analyse_doc(doc, settings.readability, resources).counts, settings.readability)
    analyse = time.perf_counter() - start
    return {
        "words": n_words,
        "nlp.pipe words/s": n_words / parse,
        "analysis words/s": n_words / analyse,
        "nlp.pipe + analysis words/s": n_words / (parse + analyse),
        "analysis share of time": analyse / (parse + analyse),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=10, help="text copies for throughput")
    args = parser.parse_args()
    text = make_text(500)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_500.txt"
        path.write_text(text, encoding="utf-8")
        times = cold_start(path, args.runs)
    print(f"text: {len(text.split())} words, {len(text.split(chr(10) * 2))} paragraphs")
    print(
        f"cold start `gemeentetaal check` ({args.runs} runs): median "
        f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})"
    )
    for key, value in throughput(text, args.repeats).items():
        print(f"{key}: {value:,.2f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main()
