"""The on-disk cache of the built gazetteer.

The database is built once per data version into ``$SITREP_CACHE`` (default
``~/.cache/sitrep``) and opened read-only afterwards, which takes
milliseconds.  The file name carries a hash of the data package versions, the
schema version and the source of everything that shapes the index (build
code, normalisation, aliases, supplement), so any change rebuilds it.  When
the directory cannot be written the database stays in memory.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from . import build, sources
from .harvest import harvest_disabled

log = logging.getLogger(__name__)

STALE_AFTER_S = 7 * 24 * 3600

_SHAPING_FILES = ("build.py", "normalize.py", "aliases.py", "sources.py", "grid.py", "places.yaml",
                  "admin1_names.yaml", "admin1_codes.yaml", "acled_places.csv", "geonames_points.csv", "harvest.py",
                  "territory.py", "regions.yaml", "districts.py")


def cache_dir() -> Path:
    env = os.environ.get("SITREP_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "sitrep"


def cache_key() -> str:
    digest = hashlib.sha256(f"schema={build.SCHEMA_VERSION}".encode())
    if harvest_disabled():
        digest.update(b"without acled_places.csv")
    for name, version in sorted(sources.data_versions().items()):
        digest.update(f"{name}={version}".encode())
    here = Path(__file__).parent
    for name in _SHAPING_FILES:
        if (here / name).exists():  # acled_places.csv is optional
            digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"gazetteer-{cache_key()}.sqlite"


def _open_readonly(path: Path) -> sqlite3.Connection:
    # immutable: the file is only ever replaced whole (os.replace), never edited.
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _valid(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == str(build.SCHEMA_VERSION)


def open_database(directory: Path | None = None) -> tuple[sqlite3.Connection, Path | None]:
    """A connection to the gazetteer database, building it first if needed.

    Returns the connection and the file it reads (None when in memory).
    """
    path = cache_path(directory)
    if path.exists():
        conn = _open_readonly(path)
        if _valid(conn):
            return conn, path
        conn.close()
    log.info("building gazetteer index (once per data version) at %s", path)
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    build.build_into(memory)
    try:
        _save(memory, path)
    except (OSError, sqlite3.Error) as exc:
        log.warning("gazetteer cache not writable (%s); keeping the index in memory", exc)
        return memory, None
    memory.close()
    return _open_readonly(path), path


def _save(memory: sqlite3.Connection, path: Path) -> None:
    """Write atomically: a temporary file, then rename; drop stale versions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        disk = sqlite3.connect(tmp)
        try:
            memory.backup(disk)
        finally:
            disk.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # Other versions may belong to another checkout sharing the cache (a second worktree,
    # an older install): only versions untouched for a week are dropped.
    cutoff = time.time() - STALE_AFTER_S
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        try:
            old = stale != path and stale.stat().st_mtime < cutoff
        except OSError:
            continue
        if old:
            stale.unlink(missing_ok=True)
