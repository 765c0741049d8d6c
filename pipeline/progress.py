"""Progress display and summary for ``gemeentetaal run`` (files and words, rate, time left)."""

from __future__ import annotations

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

from pipeline.numbers import nl_int
from pipeline.run import FileResult, RunSummary


@contextmanager
def file_progress(total_files: int, enabled: bool = True) -> Iterator[Callable[[FileResult], None]]:
    """Yield a callback that advances a progress bar by one processed file."""
    console = Console(file=sys.stderr)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("bestanden · {task.fields[words]} woorden · {task.fields[rate]} w/s"),
        TimeElapsedColumn(),
        TextColumn("nog"),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
        transient=False,
    )
    state = {"words": 0}
    with progress:
        task = progress.add_task("Verwerken", total=total_files, words="0", rate="0")

        def on_file(result: FileResult) -> None:
            state["words"] += result.n_words
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = state["words"] / elapsed if elapsed else 0.0
            # Dutch digit grouping, like the rest of the bar ("1.234 woorden")
            progress.update(task, advance=1, words=nl_int(state["words"]), rate=nl_int(rate))

        yield on_file


def format_summary(summary: RunSummary) -> str:
    """A short plain-text summary of a run (English, like the rest of the CLI's own output)."""
    lines = [
        f"Run {summary.run_id}: {summary.n_inputs} inputs, {summary.n_processed} processed, "
        f"{summary.n_skipped} unchanged (skipped), {len(summary.errors)} failed.",
        f"Words: {summary.n_words:,} in {summary.seconds:.1f} s "
        f"({summary.words_per_second:,.0f} words/s). Model: {summary.model}.",
        "Tables in " + str(summary.out_dir) + ": "
        + ", ".join(f"{k} {v}" for k, v in summary.table_rows.items()),
    ]  # fmt: skip
    for error in summary.errors:
        lines.append(f"  failed: {error.path} [{error.stage}]: {error.message}")
    return "\n".join(lines)
