"""The spaCy CLI stand-in: spaCy works as before, and its CLI loads on first use."""

import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT

from pipeline.startup import defer_spacy_cli


def run_python(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_startup_spacy_works_and_cli_loads_on_first_use():
    out = run_python(
        """
        import sys
        from pipeline.startup import defer_spacy_cli
        print(defer_spacy_cli())
        import spacy
        print("weasel" in sys.modules, "requests" in sys.modules)
        print("|".join(t.text for t in spacy.blank("nl")("Dat is m.b.t. de OZB.")))
        print(type(spacy.info(markdown=False)).__name__, "weasel" in sys.modules)
        from spacy.cli import download
        print(callable(download), spacy.cli is sys.modules["spacy.cli"])
        print(type(spacy.cli).__name__, hasattr(spacy.cli, "app"))
        """
    )
    assert out == [
        "True", "False", "False", "Dat|is|m.b.t.|de|OZB|.", "dict", "True", "True", "True",
        "module", "True",
    ]  # fmt: skip


def test_startup_cli_submodules_import_before_the_package():
    out = run_python(
        """
        from pipeline.startup import defer_spacy_cli
        defer_spacy_cli()
        import spacy
        import spacy.cli.download as download
        print(callable(download.download), callable(spacy.cli.init_config))
        """
    )
    assert out == ["True", "True"]


def test_startup_does_nothing_once_spacy_is_imported():
    import spacy

    assert spacy is not None and defer_spacy_cli() is False


# simplemma is not on the list: check reads through ingest, whose municipality matcher asks
# simplemma whether a one-word place name is a common word (it costs ~30 ms when it happens).
SLOW_IMPORTS = ("weasel", "requests", "wordfreq", "deduce", "textblob", "nltk", "scipy", "sklearn")


@pytest.mark.slow
def test_startup_check_command_leaves_slow_imports_out():
    """A cold check must not import what costs start-up time (bench/bench_check.py)."""
    out = run_python(
        f"""
        import atexit, io, sys
        atexit.register(
            lambda: sys.__stdout__.write(
                "LOADED=" + ",".join(m for m in {SLOW_IMPORTS!r} if m in sys.modules) + "\\n"
            )
        )
        sys.stdin = io.StringIO(
            "De brief wordt door de gemeente verstuurd. De oude containers zijn versleten. "
            "Het is een raadsel, circa 2024, m.b.t. de OZB-aanslag van mevrouw De Vries."
        )
        sys.argv = ["gemeentetaal", "check", "-", "--format", "json"]
        from pipeline.cli import main
        main()
        """
    )
    assert out[-1] == "LOADED=" and '"b1_pass":' in " ".join(out)
