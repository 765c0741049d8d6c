"""Progress display and summary for ``gemeentetaal run`` (files and words, rate, time left)."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline.run import FileResult, RunSummary

LOG_WIDTH = 120  # columns of the final bar written to a file or pipe


@contextmanager
def file_progress(total_files: int, enabled: bool = True) -> Iterator[Callable[[FileResult], None]]:
    """Yield a callback that advances a progress bar by one file (English, like the rest of
    the CLI's own output). Words and words/s count analysed inputs only: an input unchanged
    since the last run is counted as a file, not as words analysed."""
    console = Console(file=sys.stderr)
    if not console.is_terminal:
        console.width = LOG_WIDTH  # a log's one line, not cut at 80 columns ("16/…")
    # A terminal shows the bar redrawn 4 times a second (the clock columns tick by seconds);
    # elsewhere only the final bar is written, so no thread redraws it meanwhile.
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[words]} words analysed · {task.fields[rate]} words/s"),
        TextColumn("· elapsed"),
        TimeElapsedColumn(),
        TextColumn("· left"),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
        transient=False,
        auto_refresh=console.is_terminal,
        refresh_per_second=4,
    )
    state = {"words": 0}
    with progress:
        task = progress.add_task("Processing", total=total_files, words="0", rate="0")

        def on_file(result: FileResult) -> None:
            if not result.skipped and not result.error:
                state["words"] += result.n_words
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = state["words"] / elapsed if elapsed else 0.0
            progress.update(task, advance=1, words=f"{state['words']:,}", rate=f"{rate:,.0f}")

        yield on_file


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def format_summary(summary: RunSummary) -> str:
    """A short plain-text summary of a run (English, like the rest of the CLI's own output):
    what happened to every file, the words analysed, the tables, and one line per file that
    failed, was a duplicate or was passed over as unsupported."""
    counts = [
        f"{summary.n_processed:,} analysed",
        f"{summary.n_skipped:,} unchanged since the last run",
        _count(len(summary.duplicates), "duplicate"),
        f"{len(summary.errors):,} failed",
    ]
    head = f"Run {summary.run_id}: {_count(summary.n_files, 'file')}: " + ", ".join(counts)
    if summary.unsupported:
        head += f"; unsupported: {len(summary.unsupported):,} (listed below)"
    if summary.n_words:
        words = (
            f"Words analysed: {summary.n_words:,} in {summary.seconds:.1f} s "
            f"({summary.words_per_second:,.0f} words/s)."
        )
    else:
        words = f"No words analysed ({summary.seconds:.1f} s)."
    lines = [head + ".", f"{words} Model: {summary.model}." if summary.model else words]
    if summary.table_rows:
        lines.append(
            f"Tables in {summary.out_dir}: "
            + ", ".join(f"{k} {v}" for k, v in summary.table_rows.items())
        )
    elif not summary.tables_kept:  # nothing to read: nothing was written
        lines.append(f"No tables were written to {summary.out_dir}.")
    for error in summary.errors:
        lines.append(f"  failed: {error.path} [{error.stage}]: {error.message}")
    for copy in summary.duplicates:
        lines.append(f"  duplicate: {copy.path}: {copy.message}")
    for skipped in summary.unsupported:
        lines.append(f"  unsupported: {skipped.path}: {skipped.message}")
    if summary.nothing_supported:
        lines.append(
            "Nothing was analysed: no input of a supported type was found "
            "(see `ingest.extensions` in the configuration)."
        )
    if summary.tables_kept:
        lines.append(f"The tables in {summary.out_dir} were left as they were.")
    elif not summary.nothing_supported:  # `run` writes no dashboard; say how to make one
        out = shlex.quote(str(summary.out_dir))
        lines.append(
            f"Dashboard: gemeentetaal dashboard --processed {out} "
            f"(writes {summary.out_dir / 'dashboard.html'})"
        )
    return "\n".join(lines)
