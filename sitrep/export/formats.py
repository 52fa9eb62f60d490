"""Writing records (events, place mentions) as JSON Lines, a JSON list, CSV or a readable table."""
from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .records import FIELDS

FORMATS = ("jsonl", "json", "csv", "table")
TABLE_COLUMNS = (("event_date", 10), ("sub_event_type", 28), ("actor1", 26), ("actor2", 26),
                 ("location", 18), ("admin1", 12), ("fatalities", 5), ("source", 18))


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, *,
                  fields: Sequence[str] = FIELDS, columns: Sequence[tuple[str, int]] | None = None,
                  noun: str = "event") -> int:
    """Write records in ``fmt`` to ``out``; returns how many were written. ``fields`` are the CSV
    columns; ``columns`` the table's (name, width), fitted to the terminal when not given."""
    rows = list(records)
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        _csv(rows, out, fields)
    else:
        _table(rows, out, columns or _fit(shutil.get_terminal_size((160, 24)).columns), noun)
    return len(rows)


def _csv(records: list[dict], out: TextIO, fields: Sequence[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow({k: _flat(v) for k, v in r.items()})


def _flat(value: Any) -> Any:
    """Lists of names become "a; b"; nested data stays JSON so nothing is lost."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _table(records: list[dict], out: TextIO, columns: Sequence[tuple[str, int]], noun: str) -> None:
    out.write("  ".join(name.upper()[:w].ljust(w) for name, w in columns).rstrip() + "\n")
    for r in records:
        cells = ["" if r.get(name) is None else str(r.get(name)) for name, _ in columns]
        out.write("  ".join(_cut(c, w).ljust(w) for c, (_, w) in zip(cells, columns)).rstrip() + "\n")
    out.write(f"{len(records)} {noun}{'s' if len(records) != 1 else ''}\n")


def _fit(width: int) -> list[tuple[str, int]]:
    columns = list(TABLE_COLUMNS)
    while sum(w + 2 for _, w in columns) > width and len(columns) > 4:
        columns.pop(-2)  # drop the least needed columns first, keep the source last
    return columns


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
