"""Per-stage shares of a run from a py-spy sampling profile (``py-spy record -f raw``).

A sampling profile does not inflate Python calls as cProfile does, so its shares are the
run's own. py-spy is not a dependency of the project: install it where you like
(``pip install py-spy``), then::

    py-spy record -r 200 -f raw -o spy.txt -- python -m pipeline run CORPUS --out OUT --workers 1
    python bench/spy_stages.py spy.txt [more.txt ...]

Each stage counts the samples whose stack contains one of its frames (nested stages are
counted in each); ``Worker.process_batch`` is the analysis of the batches (the models, loaded
on the first batch, are counted as start-up, not there), the rest of the run is start-up
(imports, models) and the final tables.
"""

from __future__ import annotations

import sys
from pathlib import Path

WHOLE = ("",)
MODELS = ("Worker.analysers", "Worker.__init__")
STAGES = (
    ("whole run", WHOLE),
    ("start-up: imports", ("<module> (pipeline/run.py", "<module> (pipeline/cli.py")),
    ("start-up: models and resources", MODELS),
    ("batches (Worker.process_batch, models aside)", ("Worker.process_batch",)),
    ("  ingest", ("ingest_file (pipeline/ingest",)),
    ("  nlp.pipe (parse)", ("_pipe (pipeline/nlp.py",)),
    ("  sentences", ("sentences_of (pipeline/analyse.py",)),
    ("  readability", ("analyse_doc (pipeline/readability/analysis.py",)),
    ("    flags (sentence)", ("detect_sentence (pipeline/readability/flags",)),
    ("      officialese", ("detect (pipeline/readability/flags/officialese.py",)),
    ("      hard_word", ("detect (pipeline/readability/flags/hard_word.py",)),
    ("      nominalisation", ("detect (pipeline/readability/flags/nominalisation.py",)),
    ("      abbreviation", ("detect (pipeline/readability/flags/abbreviation.py",)),
    ("      passive", ("detect (pipeline/readability/flags/passive.py",)),
    ("    LiNT-II", ("lint_sentence (pipeline/readability/lint.py",)),
    ("    syllables", ("ReadabilityResources.syllables",)),
    ("  readability rows (verdicts)", ("ReadabilityAnalysis.rows",)),
    ("  themes, units", ("ThemesAnalysis.analyse",)),
    ("  themes, roll-ups", ("ThemesAnalysis.roll_up",)),
    ("  sentiment", ("SentimentAnalysis.analyse", "SentimentAnalysis.roll_up")),
    ("  parts written", ("write_part (pipeline/outputs.py",)),
    ("final tables (write_tables)", ("write_tables (pipeline/outputs.py",)),
    ("  DuckDB", ("write_duckdb (pipeline/outputs.py",)),
)


def stage_samples(path: Path) -> dict[str, int]:
    """Samples per stage of one raw py-spy file."""
    out = dict.fromkeys((label for label, _ in STAGES), 0)
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        loading = any(f in stack for f in MODELS)  # model loading is start-up only
        for label, frames in STAGES:
            if loading and frames not in (MODELS, WHOLE):
                continue
            if any(f in stack for f in frames):
                out[label] += int(count)
    return out


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]]
    if not paths:
        raise SystemExit(__doc__)
    counts = [stage_samples(p) for p in paths]
    print("| stage | " + " | ".join(p.stem for p in paths) + " |")
    print("|---|" + "---:|" * len(paths))
    for label, _ in STAGES:
        cells = []
        for c in counts:
            total = max(c["whole run"], 1)
            cells.append(f"{c[label]} ({100 * c[label] / total:.0f}%)")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
