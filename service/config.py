"""`.orbitcheck.toml`: per-project settings, found by walking up from the checked file (as Vale finds
`.vale.ini`); for standard input the walk starts at the working directory; `--config PATH` overrides.

Precedence, key by key: command-line flag > config file > built-in default.
"""
from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import FailLevel, Profile

FILE_NAME = ".orbitcheck.toml"
FAIL_LEVELS = tuple(level.value for level in FailLevel)
TOLERANCES = tuple(profile.value for profile in Profile)


class ConfigError(InputError):
    """An unreadable or invalid config file: the message names the file, the key and the reason."""


@dataclass(frozen=True)
class Config:
    """What one config file says; None means "not set here"."""

    path: Path | None = None
    fail_on: str | None = None
    tolerance: str | None = None
    default_zone: str | None = None
    published_field: str | None = None
    enable: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # globs relative to the file's folder (path.parent)


@dataclass(frozen=True)
class Settings:
    """The effective settings for one draft, after flags, config and defaults are combined."""

    fail_on: str = "error"
    checks: tuple[str, ...] | None = None  # None: every registered check
    profile: str = "news"
    default_zone: str | None = None
    published_field: str = "date"
    published: date | None = None


@dataclass(frozen=True)
class Overrides:
    """The command-line flags that can override the config file (None: flag not given)."""

    fail_on: str | None = None
    checks: tuple[str, ...] | None = None
    tolerance: str | None = None
    default_zone: str | None = None
    published: date | None = None


def find(start: Path) -> Path | None:
    """The nearest `.orbitcheck.toml` in `start` or its ancestors."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def load(path: Path) -> Config:
    """Read and validate one config file; ConfigError (exit 2) with file, key and reason."""
    from marshmallow import ValidationError

    from orbitcheck.schemas.config import ConfigSchema

    shown = _display(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None
    try:
        data = ConfigSchema().load(raw)
    except ValidationError as exc:
        key, reason = _first_error(exc.messages)
        raise ConfigError(f"{shown}: {key}: {reason}") from None
    checks = data.get("checks", {})
    return Config(
        path=path,
        fail_on=data.get("fail_on"),
        tolerance=data.get("tolerance"),
        default_zone=data.get("default_zone"),
        published_field=data.get("published_field"),
        enable=tuple(checks["enable"]) if "enable" in checks else None,
        disable=tuple(checks.get("disable", ())),
        exclude=tuple(data.get("exclude_globs", ())),
    )


def resolve(config: Config, flags: Overrides) -> Settings:
    """Combine flag > config > default, key by key."""
    if flags.checks is not None:
        checks = flags.checks
    elif config.enable is not None or config.disable:
        from .checks import all_checks

        base = config.enable if config.enable is not None else tuple(c.ID for c in all_checks())
        checks = tuple(c for c in base if c not in config.disable)
    else:
        checks = None
    default = Settings()
    return Settings(
        fail_on=_first(flags.fail_on, config.fail_on, default.fail_on),
        checks=checks,
        profile=_first(flags.tolerance, config.tolerance, default.profile),
        default_zone=_first(flags.default_zone, config.default_zone, default.default_zone),
        # text.py lowercases front-matter keys (they are case-insensitive), so "pubDate" means "pubdate".
        published_field=_first(config.published_field, default.published_field).lower(),
        published=flags.published,
    )


class ConfigFinder:
    """Finds, loads and caches the config for each draft; one instance per command run."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load(explicit) if explicit is not None else None
        self._by_dir: dict[Path, Config] = {}

    def for_draft(self, label: str) -> Config:
        return self.for_folder(Path.cwd() if label == "-" else Path(label).resolve().parent)

    def for_folder(self, directory: Path) -> Config:
        """The config that governs files in `directory` (also what a walk of it excludes)."""
        if self._explicit is not None:
            return self._explicit
        directory = directory.resolve()
        if directory not in self._by_dir:
            found = find(directory)
            self._by_dir[directory] = load(found) if found else Config()
        return self._by_dir[directory]


def _display(path: Path) -> str:
    """The path as the user would write it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _first(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _first_error(messages: Any, prefix: str = "") -> tuple[str, str]:
    """marshmallow's nested {key: [reasons]} -> ("checks.enable[0]", "reason")."""
    if isinstance(messages, Mapping):
        key, value = next(iter(messages.items()))
        if isinstance(key, int):
            name = f"{prefix}[{key}]"
        elif prefix:
            name = f"{prefix}.{key}"
        else:
            name = str(key)
        return _first_error(value, name)
    if isinstance(messages, list) and messages:
        if all(isinstance(m, str) for m in messages):
            return prefix or "config", " ".join(messages)
        return _first_error(messages[0], prefix)
    return prefix or "config", str(messages)
