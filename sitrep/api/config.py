"""The API's settings: a ``[api]`` table in a TOML file, and environment variables over it.

    [api]
    token = "a long random string"   # POST /articles needs it (Authorization: Bearer TOKEN)
    public_reads = false             # on a non-local address, reads need the token too unless true
    max_page_size = 10000            # most events one request may ask for
    max_body_bytes = 5000000         # largest request body (an article to ingest)
    tiles_url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"   # optional online base map,
    tiles_attribution = "© OpenStreetMap contributors"            # offered only when reachable

``SITREP_API_TOKEN`` overrides the file's token.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import SitrepError

TOKEN_VARIABLE = "SITREP_API_TOKEN"


class ConfigError(SitrepError):
    """The configuration file cannot be read or holds a bad value."""


@dataclass(frozen=True)
class ApiConfig:
    token: str | None = None
    public_reads: bool = False
    max_page_size: int = 10_000
    max_body_bytes: int = 5_000_000
    tiles_url: str | None = None          # none by default: the dashboard never goes online unasked
    tiles_attribution: str | None = None


def load_config(path: str | Path | None = None, environ: dict[str, str] | None = None) -> ApiConfig:
    """Settings from ``path`` (when given) with the token from the environment over them."""
    config = ApiConfig()
    if path is not None:
        config = _from_file(Path(path))
    env = os.environ if environ is None else environ
    if env.get(TOKEN_VARIABLE):
        config = replace(config, token=env[TOKEN_VARIABLE])
    return config


def _from_file(path: Path) -> ApiConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a TOML file ({exc})") from None
    table = data.get("api", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [api] must be a table")
    known = {f.name: f.type for f in fields(ApiConfig)}
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [api]: {', '.join(unknown)} "
                          f"(known: {', '.join(known)})")
    for name, value in table.items():
        _check(path, name, value)
    return ApiConfig(**table)


def _check(path: Path, name: str, value: object) -> None:
    wanted = {"token": str, "public_reads": bool, "max_page_size": int, "max_body_bytes": int,
              "tiles_url": str, "tiles_attribution": str}[name]
    if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
        kind = {str: "a string", bool: "true or false", int: "an integer"}[wanted]
        raise ConfigError(f"{path}: [api] {name} must be {kind}, not {value!r}")
    if wanted is int and value < 1:
        raise ConfigError(f"{path}: [api] {name} must be at least 1, not {value}")
    if name == "tiles_url" and not (value.startswith(("http://", "https://")) and "{z}" in value):
        raise ConfigError(f"{path}: [api] tiles_url must be an http(s) URL with {{z}}, {{x}} and {{y}}")
    if name == "token" and len(value) < 16:
        raise ConfigError(f"{path}: [api] token is too short (use at least 16 characters)")
