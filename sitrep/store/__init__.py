"""The store: articles and their events, kept in one SQLite file by default."""
from .sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "open_store"]
