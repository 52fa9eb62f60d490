"""The embedded store: one SQLite file, nothing to start."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .db import SQLiteDB
from .schema import SCHEMA_VERSION
from .sql import SQLStore


class SQLiteStore(SQLStore):
    """The store in one SQLite file (created when missing; an older schema is migrated)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            super().__init__(SQLiteDB(self.path))
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a sitrep store ({exc})") from exc
