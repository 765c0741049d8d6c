"""The layers of the configuration, as pydantic-settings sources, and where a key came from.

``pipeline.config.Settings`` is built from these sources, highest first: its keyword
arguments, which are the CLI overrides (pydantic-settings' ``InitSettingsSource``) >
environment ``GEMEENTETAAL_<SECTION>__<KEY>`` (``EnvSource``) > the short environment names
of ``ENV_ALIASES`` (``AliasEnvSource``) > the TOML file (``TomlSource``) > defaults.
pydantic-settings merges them (nested sections key by key). When a value is invalid,
``where_set`` names the file or variable that supplied it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic.fields import FieldInfo
from pydantic_settings import (
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsError,
    TomlConfigSettingsSource,
)

if TYPE_CHECKING:
    from pydantic_settings import BaseSettings

ENV_PREFIX = "GEMEENTETAAL_"
ENV_DELIMITER = "__"
DEFAULT_CONFIG_FILE = "gemeentetaal.toml"
# Short environment names documented in the README, mapped onto nested settings; the full
# name (GEMEENTETAAL_NLP__MODEL) wins when both are set.
ENV_ALIASES = {
    "GEMEENTETAAL_WHEELHOUSE": ("nlp", "wheelhouse"),
    "GEMEENTETAAL_MODEL": ("nlp", "model"),
    "GEMEENTETAAL_SECRET": ("privacy", "secret"),
}
CLI_LABEL = "command line"


class ConfigError(ValueError):
    """Raised when a configuration file or variable is invalid."""


class TomlSource(TomlConfigSettingsSource):
    """The TOML file (``gemeentetaal.toml`` or ``--config``); unreadable is a ``ConfigError``.

    Args:
        settings_cls: the settings class.
        path: the file; None or a missing file that is not ``required`` adds nothing.
        required: the user named the file, so it must exist.
    """

    def __init__(
        self, settings_cls: type[BaseSettings], path: Path | None, required: bool = False
    ) -> None:
        self.label = str(path)
        if path is not None and required and not path.is_file():
            problem = "not a file" if path.exists() else "no such file"
            raise ConfigError(f"{path}: cannot read configuration: {problem}")
        try:
            super().__init__(settings_cls, toml_file=path)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc

    def origins(self) -> dict[tuple[str, ...], str]:
        """Every key path this file sets, labelled with the file."""
        return {path: self.label for path in _leaf_paths(self())}


class EnvSource(EnvSettingsSource):
    """``GEMEENTETAAL_<SECTION>__<KEY>`` variables (JSON for lists and tables).

    Names are case-insensitive. A variable for a section that does not exist, or whose value
    a list or table setting cannot decode, is a ``ConfigError`` naming the variable.

    Args:
        settings_cls: the settings class.
        environ: the environment to read (default ``os.environ``).
    """

    def __init__(
        self, settings_cls: type[BaseSettings], environ: Mapping[str, str] | None = None
    ) -> None:
        environ = os.environ if environ is None else environ
        self._names = {name.lower(): name for name in environ}
        self._environ = environ
        super().__init__(settings_cls)  # prefix and delimiter from Settings.model_config

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {name.lower(): value for name, value in self._environ.items()}

    def _own_variables(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """``(variable as written, key path)`` of every prefixed variable."""
        prefix, delimiter = self.env_prefix.lower(), self.env_nested_delimiter or ENV_DELIMITER
        for name in self.env_vars:
            if name.startswith(prefix) and (name.upper() not in ENV_ALIASES):
                path = tuple(name[len(prefix) :].split(delimiter))
                yield self._names[name], path

    def __call__(self) -> dict[str, Any]:
        sections = self.settings_cls.model_fields
        for name, path in self._own_variables():
            if len(path) > 1 and path[0] not in sections:
                raise ConfigError(
                    f"invalid configuration: {name}: no settings section {path[0]!r}; "
                    f"sections: {', '.join(sections)}"
                )
        try:
            return super().__call__()
        except SettingsError as exc:  # a value that must be JSON is not
            if isinstance(exc.__cause__, ConfigError):
                raise exc.__cause__ from None
            raise

    def decode_complex_value(self, field_name: str, field: FieldInfo, value: Any) -> Any:
        """JSON-decode a list or table value; on failure name the variable."""
        try:
            return super().decode_complex_value(field_name, field, value)
        except ValueError:
            names = [
                name
                for name, path in self._own_variables()
                if path[-1] == field_name.lower() and self.env_vars[name.lower()] == value
            ]
            shown = names[0] if names else field_name
            raise ConfigError(
                f'invalid configuration: {shown}: not valid JSON (a list: ["a", "b"])'
            ) from None

    def origins(self) -> dict[tuple[str, ...], str]:
        """Key path -> the variable that sets it (a whole section for ``GEMEENTETAAL_NLP``);
        variables that are no settings (``GEMEENTETAAL_PROCESSED``) are left out."""
        sections = self.settings_cls.model_fields
        return {path: name for name, path in self._own_variables() if path[0] in sections}


class AliasEnvSource(PydanticBaseSettingsSource):
    """The short names of ``ENV_ALIASES`` (``GEMEENTETAAL_MODEL`` for ``nlp.model``)."""

    def __init__(
        self, settings_cls: type[BaseSettings], environ: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(settings_cls)
        environ = os.environ if environ is None else environ
        self._set = {name: environ[name] for name in ENV_ALIASES if name in environ}

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # everything happens in __call__

    def __call__(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in self._set.items():
            section, key = ENV_ALIASES[name]
            out.setdefault(section, {})[key] = value
        return out

    def origins(self) -> dict[tuple[str, ...], str]:
        """Key path -> the short variable that sets it."""
        return {ENV_ALIASES[name]: name for name in self._set}


@dataclass
class LoadRequest:
    """What ``load_settings`` asks of ``Settings.settings_customise_sources``.

    Attributes:
        config_file: TOML file named by the user (must exist); None: ``gemeentetaal.toml``
            in the working directory when there is one.
        environ: environment to read (None: ``os.environ``).
        sources: the sources built for this request, highest first (for ``where_set``).
    """

    config_file: Path | None = None
    environ: Mapping[str, str] | None = None
    sources: tuple[PydanticBaseSettingsSource, ...] = ()


def layers(
    settings_cls: type[BaseSettings],
    init_settings: PydanticBaseSettingsSource,
    request: LoadRequest,
) -> tuple[PydanticBaseSettingsSource, ...]:
    """The sources of ``settings_cls``, highest first; also kept in ``request.sources``.

    Args:
        settings_cls: the settings class.
        init_settings: keyword arguments of the settings class (the CLI overrides).
        request: the file and environment to read.

    Raises:
        ConfigError: the file cannot be read.
    """
    path = request.config_file
    request.sources = (
        init_settings,
        EnvSource(settings_cls, request.environ),
        AliasEnvSource(settings_cls, request.environ),
        TomlSource(
            settings_cls,
            path if path is not None else Path(DEFAULT_CONFIG_FILE),
            required=path is not None,
        ),
    )
    return request.sources


def _origins(source: PydanticBaseSettingsSource) -> dict[tuple[str, ...], str]:
    if isinstance(source, TomlSource | EnvSource | AliasEnvSource):
        return source.origins()
    return {path: CLI_LABEL for path in _leaf_paths(source())}  # keyword arguments


def where_set(
    loc: tuple[str | int, ...], sources: tuple[PydanticBaseSettingsSource, ...]
) -> list[str]:
    """The file, variables or ``command line`` that set the value at ``loc``.

    For a key, the highest layer that sets it (or a section it is in); for a whole section
    (a check across its keys), every layer that sets something in it.
    """
    path = tuple(str(p) for p in loc)
    for source in sources:
        for key, label in _origins(source).items():
            if key == path[: len(key)]:  # the key itself, or a whole section set as one value
                return [label]
    inside = (
        label
        for source in sources
        for key, label in _origins(source).items()
        if key[: len(path)] == path
    )
    return list(dict.fromkeys(inside))


def set_by(sources: tuple[PydanticBaseSettingsSource, ...]) -> dict[str, str]:
    """Every key a layer sets (``"nlp.model"``) -> the layer whose value is used."""
    out: dict[str, str] = {}
    for source in reversed(sources):  # lowest first: a higher layer overwrites
        out.update({".".join(key): label for key, label in _origins(source).items()})
    return dict(sorted(out.items()))


def _leaf_paths(data: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for key, value in data.items():
        if isinstance(value, Mapping) and value:
            yield from _leaf_paths(value, (*prefix, key))
        else:
            yield (*prefix, key)
