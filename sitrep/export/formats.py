"""Writing event records as JSON Lines, a JSON list, CSV or a readable table."""
from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import Any, TextIO

from .records import FIELDS

FORMATS = ("jsonl", "json", "csv", "table")
TABLE_COLUMNS = (("event_date", 10), ("sub_event_type", 28), ("actor1", 26), ("actor2", 26),
                 ("location", 18), ("admin1", 12), ("fatalities", 5), ("source", 18))


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write records in ``fmt`` to ``out``; returns how many were written."""
    writer = {"jsonl": _jsonl, "json": _json, "csv": _csv, "table": _table}[fmt]
    return writer(list(records), out)


def _jsonl(records: list[dict], out: TextIO) -> int:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(records)


def _json(records: list[dict], out: TextIO) -> int:
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)


def _csv(records: list[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(FIELDS), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow({k: _flat(v) for k, v in r.items()})
    return len(records)


def _flat(value: Any) -> Any:
    """Lists of names become "a; b"; nested data stays JSON so nothing is lost."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _table(records: list[dict], out: TextIO) -> int:
    width = shutil.get_terminal_size((160, 24)).columns
    columns = _fit(width)
    out.write("  ".join(name.upper()[:w].ljust(w) for name, w in columns).rstrip() + "\n")
    for r in records:
        cells = ["" if r.get(name) is None else str(r.get(name)) for name, _ in columns]
        out.write("  ".join(_cut(c, w).ljust(w) for c, (_, w) in zip(cells, columns)).rstrip() + "\n")
    out.write(f"{len(records)} event{'s' if len(records) != 1 else ''}\n")
    return len(records)


def _fit(width: int) -> list[tuple[str, int]]:
    columns = list(TABLE_COLUMNS)
    while sum(w + 2 for _, w in columns) > width and len(columns) > 4:
        columns.pop(-2)  # drop the least needed columns first, keep the source last
    return columns


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
