"""The store: articles, claims and fused events, in SQLite (default) or PostgreSQL.

``open_store(target)`` gives a ``Store`` (see ``base.py``): a file path opens SQLite, a
``postgresql://`` URL opens PostgreSQL; both share one schema and one implementation (``sql.py``).
"""
from __future__ import annotations

from pathlib import Path

from .base import EventQuery, FeedState, SaveOutcome, Store
from .sql import SQLStore
from .sqlite import SQLiteStore

__all__ = ["EventQuery", "FeedState", "SQLStore", "SQLiteStore", "SaveOutcome", "Store", "is_postgres", "open_store"]


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(("postgres://", "postgresql://"))


def open_store(target: str | Path) -> SQLStore:
    """The store at ``target``: a SQLite file path, or a ``postgresql://`` URL."""
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target))
    return SQLiteStore(target)
