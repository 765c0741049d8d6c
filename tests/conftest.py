"""Shared fixtures: settings, the seed inputs in ../shared/seeds, and one loaded spaCy model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(os.environ.get("GEMEENTETAAL_SEEDS", ROOT.parent / "shared" / "seeds"))
SEED_PROGRAMMES = sorted(SEEDS.glob("00[0-3]_*.txt"))
SEED_THREAD = next(iter(sorted(SEEDS.glob("004_*.txt"))), None)


def require_seeds() -> None:
    if not SEED_PROGRAMMES or SEED_THREAD is None:
        pytest.fail(f"seed inputs not found in {SEEDS} (set GEMEENTETAAL_SEEDS)")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with a fixed privacy secret and a temporary output folder."""
    return load_settings(
        None,
        {
            "privacy": {"secret": "test-secret"},
            "paths": {
                "raw_dir": str(ROOT / "data" / "raw"),
                "processed_dir": str(tmp_path / "out"),
            },
        },
        environ={},
    )


@pytest.fixture(scope="session")
def nlp_model():
    """The installed trained Dutch pipeline (nl_core_news_md or the wheelhouse model), once."""
    from pipeline.nlp import load_pipeline, resolve_installed

    base = load_settings(None, {}, environ={})
    if resolve_installed(base.nlp) is None:
        pytest.fail("no trained Dutch spaCy pipeline installed; run `make setup`")
    return load_pipeline(base.nlp)


@pytest.fixture(scope="session")
def resources():
    """The readability word lists, loaded once."""
    from pipeline.config import ReadabilitySettings
    from pipeline.readability import ReadabilityResources

    return ReadabilityResources.load(ReadabilitySettings())


@pytest.fixture(scope="session")
def fallback():
    """The rule-based fallback pipeline (no model needed)."""
    from pipeline.nlp import make_fallback_pipeline

    return make_fallback_pipeline()


@pytest.fixture(scope="session")
def flags_on(nlp_model, resources):
    """``flags_on(text, kind)``: the flags of one kind that the trained pipeline's analysis of
    ``text`` gives (default readability settings); for the rule tests of each round."""
    from pipeline.config import ReadabilitySettings
    from pipeline.readability import analyse_doc

    nlp = nlp_model[0]

    def flags(text: str, kind: str) -> list:
        analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
        return [f for f in analysis.flags if f.kind == kind]

    return flags
