"""Article records in JSON Lines (one object a line), JSON (a list of objects) and CSV
(a header row naming the columns).

Fields: ``text`` (required), ``id``, ``title``, ``published`` (YYYY-MM-DD or ISO datetime),
``url``, ``outlet``; others are ignored. A bad record is reported and the rest still read.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import EmptyInput, InputError, MalformedRecord
from sitrep.ingest.decode import decode_text, normalize_newlines
from sitrep.ingest.fields import Overrides, article_id, parse_date
from sitrep.ingest.limits import too_large
from sitrep.model import Article

_SKIP_CHUNK = 1 << 16


def jsonl_articles(
    path: Path, overrides: Overrides, max_bytes: int
) -> Iterator[Article | InputError]:
    """One Article or InputError per non-blank line; origins are "path:line"."""
    seen = False
    with path.open("rb") as stream:
        for line_no, (line, size) in enumerate(_bounded_lines(stream, max_bytes), start=1):
            origin = f"{path}:{line_no}"
            if line is None:
                seen = True
                advice = "split the article, or raise the limit with --max-size"
                yield too_large(origin, "record", size, max_bytes, advice)
            elif line.strip():
                seen = True
                yield _jsonl_line(line, origin, overrides)
    if not seen:
        yield EmptyInput(str(path), "empty file")


def json_articles(text: str, origin: str, overrides: Overrides) -> Iterator[Article | InputError]:
    """Articles in a decoded .json file: one record, or a list whose items are "path[i]"."""
    data = _loads(text, origin)
    if isinstance(data, dict):
        yield _record_or_error(data, origin, overrides)
        return
    if not isinstance(data, list):
        raise MalformedRecord(origin, f"not a list of article objects (got {_json_type(data)})")
    if not data:
        raise EmptyInput(origin, "empty list: no articles")
    for index, item in enumerate(data):
        yield _record_or_error(item, f"{origin}[{index}]", overrides)


def record_article(record: object, origin: str, overrides: Overrides) -> Article:
    """The Article in one decoded JSON record; raises MalformedRecord naming the field."""
    if not isinstance(record, dict):
        raise MalformedRecord(origin, f"not a JSON object (got {_json_type(record)})")
    text = _text(record, origin)
    given_id = _string(record, "id", origin, allow_int=True)
    article = Article(
        id=given_id or article_id(text),
        text=text,
        title=_string(record, "title", origin) or "",
        published=None if overrides.published is not None else _published(record, origin),
        url=_string(record, "url", origin),
        outlet=_string(record, "outlet", origin),
        origin=origin,
    )
    return overrides.apply(article)


def _jsonl_line(line: bytes, origin: str, overrides: Overrides) -> Article | InputError:
    try:
        return record_article(_loads(decode_text(line, origin), origin), origin, overrides)
    except InputError as error:
        return error


def _record_or_error(record: object, origin: str, overrides: Overrides) -> Article | InputError:
    try:
        return record_article(record, origin, overrides)
    except InputError as error:
        return error


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) per line; line is None when over the limit, skipped without holding it."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            yield None, len(line) + _skip_rest_of_line(stream)
        else:
            yield line, len(line)


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _loads(text: str, origin: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"column {error.colno}"
        if error.lineno > 1:  # only a .json file spans lines
            where = f"line {error.lineno} {where}"
        raise MalformedRecord(origin, f"not valid JSON ({error.msg} at {where})") from None
    except RecursionError:
        raise MalformedRecord(origin, "not valid JSON (nested too deeply)") from None


def _text(record: dict[str, object], origin: str) -> str:
    text = record.get("text")
    if text is None:
        raise MalformedRecord(origin, "no 'text' field")
    if not isinstance(text, str):
        raise MalformedRecord(origin, f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise MalformedRecord(origin, "'text' is empty")
    return normalize_newlines(text)  # the same newlines as a text file gives


def _string(
    record: dict[str, object], name: str, origin: str, allow_int: bool = False
) -> str | None:
    """An optional string field; None when absent, null or blank."""
    value = record.get(name)
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(origin, f"'{name}' must be a string, not {_json_type(value)}")
    return value.strip() or None


def _published(record: dict[str, object], origin: str) -> dt.date | None:
    value = record.get("published")
    if value is None or value == "":
        return None
    date = parse_date(value) if isinstance(value, str) else None
    if date is None:
        raise MalformedRecord(origin, f"'published' is not a date: {value!r} (write YYYY-MM-DD)")
    return date


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    return "null" if value is None else names.get(type(value), "a number")


def csv_articles(path: Path, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    """One Article or InputError per CSV row (a header row names the columns, as in JSONL).

    Origins are "path:line", the line where the row starts (a quoted text may span lines).
    """
    csv.field_size_limit(max_bytes)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        try:
            rows = csv.DictReader(stream)
            if rows.fieldnames is None:
                yield EmptyInput(str(path), "empty file")
                return
            if "text" not in rows.fieldnames:
                yield MalformedRecord(f"{path}:1", f"no 'text' column (the header has: {', '.join(rows.fieldnames)})")
                return
            yield from _csv_rows(rows, str(path), overrides)
        except UnicodeDecodeError:
            yield MalformedRecord(str(path), "not UTF-8 text (save the CSV as UTF-8)")
        except csv.Error as error:
            yield MalformedRecord(f"{path}:{rows.line_num}", f"not valid CSV ({error}; a field larger than the "
                                  "limit reads so too: raise it with --max-size)")


def _csv_rows(rows: csv.DictReader, path: str, overrides: Overrides) -> Iterator[Article | InputError]:
    seen = False
    start = rows.line_num + 1
    for row in rows:
        seen = True
        record = {name: value for name, value in row.items() if name is not None}
        if None in row:
            yield MalformedRecord(f"{path}:{start}", "more fields than the header has columns")
        else:
            yield _record_or_error(record, f"{path}:{start}", overrides)
        start = rows.line_num + 1
    if not seen:
        yield EmptyInput(path, "no rows after the header")
