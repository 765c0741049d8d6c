"""The ``gemeentetaal`` command line: thin commands that parse options and call one function.

Exit codes: 0 success, 1 some inputs failed (or a text is above ``--max-level``, or an
output could not be written), 2 usage errors (typer/click's own code for bad options, also
used for configuration errors) and nothing to analyse (``run`` and ``check`` found no input
of a supported type), 130 interrupted (Ctrl-C). A duplicate input (same bytes as an earlier
one) is reported and left out, not a failure. Every failure is one line on
stderr; a full disk or an unwritable output folder too (``reported``).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from pipeline.config import ConfigError, Settings, load_settings


def _option_type_or_nothing_for_a_flag(self: Any, ctx: Any) -> str | None:
    """The type column of ``--help`` for an option: none for a flag (``--verbose``,
    ``--help``, ``--progress/--no-progress``), which takes no value."""
    if self.is_flag or self.count or _option_type is None:
        return None
    shown: str | None = _option_type(self, ctx)
    return shown


# typer 0.29's Rich help shows "<bool>" in the type column of every flag; the plain (non-Rich)
# help already leaves it out. Older typer versions have no display_type_rich and show none.
_option_type: Any = getattr(typer.core.TyperOption, "display_type_rich", None)
if _option_type is not None:
    typer.core.TyperOption.display_type_rich = _option_type_or_nothing_for_a_flag  # type: ignore[method-assign]


class DefaultGroup(typer.core.TyperGroup):
    """A group whose unknown first argument is passed to its default command.

    Lets ``gemeentetaal themes FILE`` sit beside ``gemeentetaal themes train LABELS.csv``.
    """

    default_command = "tag"

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:  # click types, as typer has them
        if args and args[0] not in self.commands and self.default_command in self.commands:
            args = [self.default_command, *args]
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="gemeentetaal",
    help="Text analysis for Dutch municipalities: B1 readability, programme texts, comments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="TOML configuration file.", exists=True)
]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline name or path.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show details and logs.")]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear error line and return the exit to raise."""
    typer.echo(f"gemeentetaal: error: {message}", err=True)
    return typer.Exit(code)


# errno values of a failed write: full disk, no permission, read-only, not a folder, ...
WRITE_ERRORS = frozenset(
    (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR,
     errno.EISDIR, errno.ENOENT)
)  # fmt: skip


@contextlib.contextmanager
def reported(interrupted: str = "") -> Iterator[None]:
    """Turn a failed write, rows that break their declaration and Ctrl-C into one line on
    stderr (exit 1 and 130).

    Args:
        interrupted: what the user should know after Ctrl-C, e.g. what was kept.
    """
    from pipeline.outputs import OutputError, output_error
    from pipeline.schemas import SchemaError

    try:
        yield
    except OutputError as exc:
        raise fail(str(exc), 1) from exc
    except SchemaError as exc:  # rows break their declaration: nothing was written
        raise fail(f"tables not written: {exc}", 1) from exc
    except KeyboardInterrupt:
        note = f"; {interrupted}" if interrupted else ""
        typer.echo(f"gemeentetaal: interrupted (Ctrl-C){note}", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
        raise typer.Exit(1) from None
    except OSError as exc:  # a write outside pipeline.outputs (a report, a model file)
        if exc.filename is None or exc.errno not in WRITE_ERRORS:
            raise
        raise fail(str(output_error(exc, exc.filename or "the output")), 1) from exc


def check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    """Fail with a usage error (exit 2) when an option's value is not one of ``choices``.

    ``None`` means the option was not given and is accepted.
    """
    if value is not None and value not in choices:
        quoted = [f"'{c}'" for c in choices]
        allowed = f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        raise fail(f"{option} must be {allowed}, not {value!r}")


def make_settings(
    config: Path | None, model: str | None = None, verbose: bool = False, **sections: Any
) -> Settings:
    """Load settings once at the CLI, with CLI flags as the highest layer."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    overrides: dict[str, Any] = {k: v for k, v in sections.items() if v}
    if model:
        overrides.setdefault("nlp", {})["model"] = model
    try:
        return load_settings(config, overrides)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


def emit_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, default=str))


@app.command("setup-model")
def setup_model_cmd(
    config: ConfigOpt = None,
    model: ModelOpt = None,
    stamp: Annotated[
        Path | None,
        typer.Option(
            "--stamp",
            help="Touch this file once a trained pipeline is available (not on the fallback), "
            "so `make` tries again next time.",
        ),
    ] = None,
) -> None:
    """Make a Dutch spaCy pipeline available (installed > download > wheelhouse > fallback)."""
    from pipeline.nlp import setup_model
    from pipeline.privacy import deduce_lookup_dir
    from pipeline.readability.resources import fill_user_cache

    settings = make_settings(config, model, verbose=True)
    info = setup_model(settings.nlp)
    typer.echo(f"spaCy pipeline: {info.describe()}")
    fill_user_cache(settings.readability)  # so that a first `check` starts fast
    deduce_lookup_dir()  # Deduce's name lists, for scrubbing names in comments
    if info.is_fallback:
        typer.echo("WARNING: using the rule-based fallback; results are approximate.", err=True)
    elif stamp is not None:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()


@app.command()
def doctor(config: ConfigOpt = None, model: ModelOpt = None) -> None:
    """Show versions, the model and data files in use, and the settings with their source.

    Each setting in force is shown with the file or environment variable that set it.
    """
    from pipeline.config import settings_origins
    from pipeline.doctor import collect

    settings = make_settings(config, model)
    origins = settings_origins(config, {"nlp": {"model": model}} if model else None)
    typer.echo(collect(settings, origins))


@app.command()
def schema() -> None:
    """Print the declared output tables as Markdown (the source of docs/tables.md)."""
    from pipeline.schemas import tables_markdown

    typer.echo(tables_markdown())


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
    out: Annotated[Path | None, typer.Option("--out", help="Output folder for tables.")] = None,
    format: Annotated[
        str, typer.Option("--format", help="tables (write Parquet/DuckDB) or json (print).")
    ] = "tables",
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Read programme texts and comment threads into tables (no NLP)."""
    from pipeline.batch import ingest_command

    check_choice("--format", format, ("tables", "json"))
    settings = make_settings(config, verbose=verbose)
    with reported("nothing was written"):
        n_errors = ingest_command(paths, settings, out=out, as_json=format == "json")
    raise typer.Exit(1 if n_errors else 0)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="text (terminal), json (JSON Lines), html, or docx (a copy of each .docx "
            "input with the advice as Word comments).",
        ),
    ] = "text",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write the report to a file (docx: the copy's file for one input, else a "
            "folder; default: <name>.advies.docx next to each input).",
        ),
    ] = None,
    max_level: Annotated[
        str | None,
        typer.Option(
            "--max-level",
            help="Exit 1 when a text is above this level (A2-C1); an input that cannot be "
            "read exits 2.",
        ),
    ] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Check texts for taalniveau B1: verdict, scores and advice per sentence."""
    from pipeline.startup import defer_spacy_cli

    defer_spacy_cli()  # a cold start budget of 2 s; see pipeline/startup.py
    from pipeline.check import LEVELS, check_command

    check_choice("--format", format, ("text", "json", "html", "docx"))
    if max_level is not None and max_level.upper() not in LEVELS:
        raise fail(f"--max-level must be one of {', '.join(LEVELS)}, not {max_level!r}")
    settings = make_settings(config, model, verbose)
    with reported():
        code = check_command(
            paths, settings, fmt=format, out=out, max_level=max_level and max_level.upper()
        )
    raise typer.Exit(code)


@app.command()
def run(
    raw_dir: Annotated[
        list[Path] | None, typer.Argument(help="Input folders or files (default data/raw).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo files already processed.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Processes.")] = None,
    engine: Annotated[str | None, typer.Option("--engine", help="local or dask.")] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address.")
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")
    ] = True,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Ingest, score readability, tag themes and sentiment, and write every table."""
    from pipeline.startup import defer_spacy_cli, frozen_imports

    defer_spacy_cli()  # spaCy's CLI is not needed to parse; see pipeline/startup.py
    with frozen_imports():
        from pipeline.ingest import iter_input_files
        from pipeline.progress import file_progress, format_summary
        from pipeline.run import own_outputs
        from pipeline.run import run as run_pipeline

    check_choice("--engine", engine, ("local", "dask"))
    settings = make_settings(config, model, verbose)
    paths = raw_dir or [settings.paths.raw_dir]
    out_dir = out or settings.paths.processed_dir
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:  # a mistyped input must not empty the tables of the last run
        names = ", ".join(missing)
        raise fail(f"input not found: {names}; nothing was run, {out_dir} is unchanged")
    skip = own_outputs(out_dir)
    n_files = sum(1 for _ in iter_input_files(paths, settings.ingest.extensions, skip))
    kept = f"the tables were not updated; finished inputs are kept in {out_dir / 'parts'}"
    interrupted = f"{kept} and skipped by the next run"
    with reported(interrupted), file_progress(n_files, enabled=progress) as on_file:
        summary = run_pipeline(
            paths, settings, out_dir, force=force, workers=workers, engine=engine,
            scheduler=scheduler, on_file=on_file,
        )  # fmt: skip
    typer.echo(format_summary(summary))
    # nothing checked must not look like success: no supported input at all is exit 2
    raise typer.Exit(2 if summary.nothing_supported else 1 if summary.errors else 0)


themes_app = typer.Typer(
    cls=DefaultGroup,
    help="Tag texts with BBV task fields and cross-cutting themes; train; discover topics.",
    no_args_is_help=True,
)
app.add_typer(themes_app, name="themes")


@themes_app.command("tag")
def themes_tag(
    paths: Annotated[list[str], typer.Argument(help="Files or folders, or - for stdin.")],
    format: Annotated[str, typer.Option("--format", help="json or text.")] = "json",
    method: Annotated[str | None, typer.Option("--method", help="model or lexicon.")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Tag each paragraph or comment (and each input as a whole) with themes."""
    from pipeline.nlp import load_pipeline
    from pipeline.themes import ThemeTagger
    from pipeline.themes.commands import format_text, read_units, tag_units

    check_choice("--format", format, ("json", "text"))
    check_choice("--method", method, ("model", "lexicon"))
    settings = make_settings(config, model, verbose, themes={"method": method} if method else {})
    units, errors = read_units(paths, settings)
    for error in errors:
        typer.echo(f"gemeentetaal: error: {error}", err=True)
    if errors and not units:  # nothing read: the errors only, no empty result on stdout
        raise typer.Exit(1)
    nlp, _ = load_pipeline(settings.nlp)
    try:
        tagger = ThemeTagger.load(settings.themes, nlp)
    except ValueError as exc:  # TaxonomyError, LexiconError, ThemeModelError
        raise fail(str(exc), 1) from exc
    result = tag_units(units, settings, nlp, tagger)
    if format == "json":
        emit_json(result)
    else:
        typer.echo(format_text(result))
    raise typer.Exit(1 if errors else 0)


@themes_app.command("train")
def themes_train(
    labels: Annotated[Path, typer.Argument(help="CSV with columns text,labels (slugs; ';').")],
    out: Annotated[Path | None, typer.Option("--out", help="Model file (.joblib).")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Train a theme model on your own labelled texts."""
    from pipeline.themes.commands import format_train_report, train_command

    settings = make_settings(config, model, verbose)
    try:
        path, report = train_command(labels, settings, out)
    except ValueError as exc:  # LabelsError, ThemeModelError, TaxonomyError, LexiconError
        raise fail(str(exc), 1) from exc
    typer.echo(format_train_report(path, report))


@themes_app.command("discover")
def themes_discover(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
    topics: Annotated[int, typer.Option("--topics", min=1, help="Number of topics.")] = 8,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder.")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Find topics in the paragraphs and comments of the inputs (NMF, no labels needed)."""
    from pipeline.themes.commands import discover_command, format_topics
    from pipeline.themes.discover import DiscoveryError

    settings = make_settings(config, model, verbose)
    try:
        target, found, n_units, errors = discover_command(paths, settings, topics, out)
    except DiscoveryError as exc:
        raise fail(str(exc), 1) from exc
    for error in errors:
        typer.echo(f"gemeentetaal: error: {error}", err=True)
    typer.echo(format_topics(target, found, n_units))
    raise typer.Exit(1 if errors else 0)


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option("--host", help="Address to bind (default 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", min=1, max=65535, help="Port (default 8000).")
    ] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Start the local web app: a B1 check page and a JSON API (model loads once)."""
    from pipeline.web import serve as serve_web

    web = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = make_settings(config, model, verbose, web=web)
    typer.echo(f"gemeentetaal: serving on http://{settings.web.host}:{settings.web.port}/")
    serve_web(settings)


@app.command()
def dashboard(
    processed: Annotated[
        Path | None, typer.Option("--processed", help="Folder with the tables (data/processed).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="HTML file (<processed>/dashboard.html).")
    ] = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Write the communication-quality dashboard: one HTML file that opens offline."""
    from pipeline.outputs import DASHBOARD_FILE
    from pipeline.report.dashboard import DashboardError, write_dashboard

    settings = make_settings(config, verbose=verbose)
    processed_dir = processed or settings.paths.processed_dir
    try:
        with reported():
            result = write_dashboard(
                processed_dir, out or processed_dir / DASHBOARD_FILE, settings.dashboard
            )
    except DashboardError as exc:
        raise fail(str(exc), 1) from exc
    typer.echo(
        f"Dashboard written to {result.path} ({result.n_bytes / 1024:,.0f} KB, "
        f"{result.n_charts} charts, {result.n_empty} without data)."
    )


class SentimentGroup(DefaultGroup):
    """``sentiment FILE`` scores, ``sentiment train LABELS.csv`` trains.

    Also routes options given before the file (``sentiment --format json FILE``).
    """

    default_command = "score"

    def parse_args(self, ctx: Any, args: list[str]) -> Any:  # click types, as typer has them
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


sentiment_app = typer.Typer(
    cls=SentimentGroup,
    help="Sentiment (negatief/neutraal/positief) and incivility of texts; train your own model.",
    no_args_is_help=True,
)
app.add_typer(sentiment_app, name="sentiment")


@sentiment_app.command("score")
def sentiment_score(
    source: Annotated[str, typer.Argument(help="File (txt, md, docx, pdf, html), or - for stdin.")],
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    per_line: Annotated[
        bool, typer.Option("--per-line", help="Score each line (default: the whole input).")
    ] = False,
    model_path: Annotated[
        Path | None, typer.Option("--model", help="Model from `sentiment train` (.joblib).")
    ] = None,
    method: Annotated[str | None, typer.Option("--method", help="model or lexicon.")] = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Score the sentiment and incivility of a text, or of each of its lines."""
    from pipeline.ingest.readers import InputError
    from pipeline.sentiment.commands import format_text, score_command

    check_choice("--format", format, ("text", "json"))
    check_choice("--method", method, ("model", "lexicon"))
    options = {"method": method, "model_path": str(model_path) if model_path else None}
    sentiment = {k: v for k, v in options.items() if v is not None}
    settings = make_settings(config, verbose=verbose, sentiment=sentiment)
    try:
        result = score_command(source, settings, per_line=per_line)
    except (InputError, ValueError) as exc:  # InputError, SentimentModelError, LexiconError
        raise fail(str(exc), 1) from exc
    if "notice" in result:
        typer.echo(result["notice"], err=True)
    if format == "json":
        emit_json(result)
    else:
        typer.echo(format_text(result))


@sentiment_app.command("train")
def sentiment_train(
    labels: Annotated[Path, typer.Argument(help="CSV with columns text,label.")],
    out: Annotated[Path | None, typer.Option("--out", help="Model file (.joblib).")] = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Train a sentiment model on your own labelled comments; prints cross-validated scores."""
    from pipeline.sentiment.commands import format_train_report, train_command

    settings = make_settings(config, verbose=verbose)
    try:
        model = train_command(labels, settings, out)
    except ValueError as exc:  # SentimentModelError
        raise fail(str(exc), 1) from exc
    typer.echo(format_train_report(model))


def main() -> None:
    """Console-script entry point."""
    app()
