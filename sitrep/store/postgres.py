"""The team store: PostgreSQL, the same tables and results as the SQLite file."""
from __future__ import annotations

from .db import PostgresDB
from .sql import SQLStore


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database given by URL (``postgresql://user@host/db``)."""

    def __init__(self, url: str):
        self.path = url
        super().__init__(PostgresDB(url))
