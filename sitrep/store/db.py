"""The two databases behind one small interface: ``execute``, ``transaction``, ``close``.

SQL is written once, with ``?`` placeholders and types both databases read the same way
(TEXT, BIGINT, DOUBLE PRECISION); the PostgreSQL connection turns ``?`` into ``%s``.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError

WRITER_LOCK = 7_310_644  # PostgreSQL advisory lock: one writer fuses at a time


class SQLiteDB:
    """One SQLite file; every write in an explicit ``BEGIN IMMEDIATE`` transaction."""

    kind = "sqlite"

    def __init__(self, path: str):
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL: a killed process loses nothing committed; a machine crash may lose the last
        # commits (the ingest is idempotent: rerun it), never consistency.
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 30000")

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, tuple(args))

    def executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}

    def close(self) -> None:
        self.conn.close()


class PostgresDB:
    """A PostgreSQL database reached by URL (psycopg 3); writers take one advisory lock."""

    kind = "postgresql"

    def __init__(self, url: str):
        import psycopg

        self.path = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{_safe(url)}: cannot connect to PostgreSQL ({str(exc).strip()})") from exc
        # As SQLite's synchronous=NORMAL: a crash of the server may lose the last commits, whole.
        self.conn.execute("SET synchronous_commit = off")

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), tuple(args))

    def executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield

    def tables(self) -> set[str]:
        rows = self.conn.execute("SELECT table_name FROM information_schema.tables "
                                 "WHERE table_schema = current_schema()")
        return {r[0] for r in rows}

    def columns(self, table: str) -> set[str]:
        rows = self.conn.execute("SELECT column_name FROM information_schema.columns "
                                 "WHERE table_schema = current_schema() AND table_name = %s", (table,))
        return {r[0] for r in rows}

    def close(self) -> None:
        self.conn.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
