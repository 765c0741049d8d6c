"""``--help`` of every command: one-line summaries, no type shown for flags."""

from __future__ import annotations

import inspect

import click
import pytest
import typer.main
from typer.testing import CliRunner

from pipeline.cli import app


def _commands() -> list[tuple[list[str], click.Command]]:
    """Every command and group of the CLI with the arguments that reach it."""
    found: list[tuple[list[str], click.Command]] = []

    def walk(args: list[str], command: click.Command) -> None:
        found.append((args, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk([*args, name], sub)

    walk([], typer.main.get_command(app))
    return found


COMMANDS = _commands()


def test_every_command_summary_is_one_line():
    """The first paragraph is the summary in `gemeentetaal --help`: a line break there shows
    as a break in the middle of the command list."""
    for args, command in COMMANDS:
        summary = inspect.cleandoc(command.help or "").split("\n\n")[0]
        assert summary and "\n" not in summary, args


@pytest.mark.parametrize("args", [a for a, _ in COMMANDS], ids=lambda a: " ".join(a) or "-")
def test_help_shows_no_type_for_flags(args):
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output
    assert "Show this message and exit." in result.output


def test_command_list_has_one_row_per_command():
    output = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    rows = [line for line in output.splitlines() if line.startswith("│ ")]
    doctor = next(i for i, row in enumerate(rows) if row.startswith("│ doctor "))
    assert rows[doctor + 1].split()[1] == "schema", rows[doctor : doctor + 2]
    assert "<path>" in CliRunner().invoke(app, ["doctor", "--help"]).output  # types stay
