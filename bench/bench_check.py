"""Benchmark `gemeentetaal check`: cold start and analysis throughput.

Usage: ``.venv/bin/python bench/bench_check.py [--runs 5]``

1. Cold start: the wall and CPU time of ``gemeentetaal check FILE`` on a 500-word text in a
   fresh process (model load included), ``--runs`` times per output format; medians are
   reported. The word-frequency and hyphenation caches (``pipeline/cache.py``) are expected
   to exist, as ``gemeentetaal setup-model`` (run by ``make``) leaves them.
2. Throughput on the same text with the model loaded once: words per second of bare
   ``nlp.pipe``, of the readability analysis alone (``analyse_doc`` + ``measures``), and of
   both together.

The text is built from the synthetic calibration texts in tests/fixtures/levels.
Prints the figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def cold_start(path: Path, runs: int, fmt: str = "json") -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of ``runs`` fresh ``check`` processes."""
    # Bytecode as a regular install has it (`make` compiles the editable install too).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True)
    walls, cpus = [], []
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [*command(), "check", str(path), "--format", fmt],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"check failed: {done.stderr.decode()}")
    return walls, cpus


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
        runs = {fmt: cold_start(path, args.runs, fmt) for fmt in ("json", "text")}
    print(f"text: {len(text.split())} words, {len(text.split(chr(10) * 2))} paragraphs")
    for fmt, (walls, cpus) in runs.items():
        print(
            f"cold start `gemeentetaal check --format {fmt}` ({args.runs} runs): median "
            f"{statistics.median(walls):.2f} s wall (min {min(walls):.2f}, max "
            f"{max(walls):.2f}), {statistics.median(cpus):.2f} s CPU"
        )
    for key, value in throughput(text, args.repeats).items():
        print(f"{key}: {value:,.2f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main()
