"""Start-up shortcuts (``gemeentetaal check``, ``gemeentetaal run``).

``import spacy`` also imports spaCy's command-line package (``spacy/__init__.py`` re-exports
``spacy.cli.info.info``), which pulls in requests, httpx, weasel and jinja2: about 0.2 s of a
2 s budget, and none of it is needed to load a pipeline and parse. ``defer_spacy_cli`` imports
spaCy with a stand-in for ``spacy.cli``; the first use of anything in it
(``spacy.info()``, ``from spacy.cli import download``, ``spacy.cli.<name>``) imports the real
package, so behaviour is unchanged (tests/test_startup.py checks this).
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class _DeferredModule(types.ModuleType):
    """Stands in for ``spacy.cli`` (and ``spacy.cli.info``) until an attribute is used."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real_cli(self.__name__), name)


def _real_cli(module_name: str = "spacy.cli") -> Any:
    """Replace the stand-ins by the real ``spacy.cli`` and return ``module_name``."""
    for name in ("spacy.cli.info", "spacy.cli"):
        if isinstance(sys.modules.get(name), _DeferredModule):
            del sys.modules[name]
    real = importlib.import_module("spacy.cli")
    spacy = sys.modules["spacy"]
    spacy.cli = real  # type: ignore[attr-defined]
    return importlib.import_module(module_name)


def _info(*args: Any, **kwargs: Any) -> Any:
    return _real_cli("spacy.cli.info").info(*args, **kwargs)


def defer_spacy_cli() -> bool:
    """Import spaCy with a stand-in for ``spacy.cli``.

    Returns:
        False (and does nothing) when spaCy is already imported or not installed.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return False
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return False
    cli = _DeferredModule("spacy.cli", "stand-in for spaCy's CLI, loaded on first use")
    cli.__path__ = [str(Path(next(iter(spec.submodule_search_locations))) / "cli")]
    info = _DeferredModule("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    try:
        import spacy
    except BaseException:
        for name in ("spacy.cli", "spacy.cli.info"):
            sys.modules.pop(name, None)
        raise
    spacy.cli = cli  # type: ignore[attr-defined]  # what the import system sets for a real load
    return True


@contextmanager
def frozen_imports() -> Iterator[None]:
    """Run a block of large imports (spaCy, scikit-learn, SciPy) with the cyclic garbage
    collector paused, then move what they made into the permanent generation (``gc.freeze``):
    otherwise full collections walk the growing heap of modules again and again during
    start-up, and every later one walks it once more."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
