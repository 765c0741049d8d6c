"""Profile ``run --workers 1`` per stage on a slice of the real benchmark corpus.

Builds the corpus of ``bench/perf_bench.py`` (real paragraphs of
``evaldata/municipal_comments``; timing only, nothing is tuned on it), loads the models once,
then runs ``Worker.process_batch`` over the slice in the batches ``run`` would make, under
cProfile. Prints the time of each stage (cumulative seconds of the stage functions) and the
functions with the most own time.

Usage: ``python bench/profile_run.py [--words 50000] [--top 40] [--out prof.pstats]``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

STAGES = (
    ("ingest", "ingest_file"),
    ("nlp.pipe (parse)", "parse"),
    ("sentences", "sentences_of"),
    ("readability", "analyse_parsed"),
    ("  flags (sentence)", "detect_sentence"),
    ("  flags (unit)", "detect_unit"),
    ("  LiNT-II", "lint_sentence"),
    ("themes", "ThemesAnalysis.analyse"),
    ("themes roll-up", "ThemesAnalysis.roll_up"),
    ("sentiment", "SentimentAnalysis.analyse"),
    ("rows", "record_rows"),
    ("parts written", "write_part"),
)


def stage_seconds(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds of each stage function (by name; nested calls counted once)."""
    out: dict[str, float] = {}
    table = stats.stats  # type: ignore[attr-defined]
    for label, name in STAGES:
        cls, _, func = name.rpartition(".")
        total = 0.0
        for (path, _line, fname), (_cc, _nc, _tt, ct, _callers) in table.items():
            if fname != func:
                continue
            if cls and cls.lower().removesuffix("analysis") not in Path(path).stem:
                continue
            total = max(total, ct)
        out[label] = total
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--file-words", type=int, default=400)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--out", type=Path, default=None, help="write the pstats here")
    args = parser.parse_args()
    os.environ.setdefault("GEMEENTETAAL_SECRET", "bench")

    from perf_bench import source_paragraphs, warm_worker, write_corpus

    from pipeline.engines import _batch_bytes, _plan

    pool, source = source_paragraphs()
    with tempfile.TemporaryDirectory(prefix="profile-run-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        words = write_corpus(pool, corpus, max(1, args.words // args.file_words),
                             args.file_words, seed=1)  # fmt: skip
        worker = warm_worker(pool, work)
        files = sorted(corpus.iterdir())
        load = os.getloadavg()[0]
        profiler = cProfile.Profile()
        t0 = time.perf_counter()
        profiler.enable()
        for item in _plan(files, worker, True, _batch_bytes(files, worker.settings, 1)):
            if isinstance(item, list):
                worker.process_batch(item)
        profiler.disable()
        seconds = time.perf_counter() - t0
    stats = pstats.Stats(profiler)
    if args.out:
        stats.dump_stats(str(args.out))
    print(f"Text: {source}; {len(files)} files, ~{words:,} words.")
    after = os.getloadavg()[0]
    print(f"Profiled wall time {seconds:.1f} s; load average {load:.2f} -> {after:.2f}")
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    print("\n| stage | seconds | share |\n|---|---:|---:|")
    for label, sec in stage_seconds(stats).items():
        print(f"| {label} | {sec:.2f} | {100 * sec / total:.0f}% |")
    buf = io.StringIO()
    pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(args.top)
    print(buf.getvalue())


if __name__ == "__main__":
    main()
