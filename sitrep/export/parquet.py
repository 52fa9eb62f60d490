"""Parquet: the whole event record as typed columns, for pandas, DuckDB, R (arrow) and Spark.

Dates are ``date32``; codes and counts are integers, coordinates and confidence doubles, flags
booleans, name lists ``list<string>``. Nested data (claims, evidence, places, the per-party toll,
territorial change, displacement) are JSON text with Parquet's JSON logical type, so DuckDB reads
them as JSON (``claims->>'$[0].source'``) and everything else as strings; their inner shape can grow
without breaking the file's schema. Keys a record has beyond DESIGN.md's fields are kept the same way.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from .records import FIELDS

JSON = pa.json_(pa.string())
NAMES = pa.list_(pa.string())
_TYPES: dict[str, pa.DataType] = {
    "article_ids": NAMES, "assoc_actor_1": NAMES, "assoc_actor_2": NAMES,
    "event_date": pa.date32(), "date_start": pa.date32(), "date_end": pa.date32(),
    "time_precision": pa.int8(), "inter1": pa.int8(), "inter2": pa.int8(), "interaction": pa.int8(),
    "geo_precision": pa.int8(),
    "civilian_targeting": pa.bool_(), "aggregate": pa.bool_(), "conflicting_claims": pa.bool_(),
    "latitude": pa.float64(), "longitude": pa.float64(), "confidence": pa.float64(),
    "fatalities": pa.int32(), "fatalities_low": pa.int32(), "fatalities_best": pa.int32(),
    "fatalities_high": pa.int32(), "civilian_fatalities": pa.int32(),
    "fatalities_by_party": JSON, "territorial_change": JSON, "displacement": JSON, "places": JSON,
    "claims": JSON, "evidence": JSON,
}


def column_type(name: str) -> pa.DataType:
    """The Arrow type of a record field: the table above, text for DESIGN.md's other fields, JSON beyond."""
    return _TYPES.get(name, pa.string() if name in FIELDS else JSON)


def write_parquet(records: Iterable[dict[str, Any]], out: str | IO[bytes]) -> int:
    """Write the records as one Parquet file (zstd); returns how many were written."""
    table = to_table(list(records))
    pq.write_table(table, out, compression="zstd")
    return table.num_rows


def to_table(records: list[dict[str, Any]]) -> pa.Table:
    names = list(FIELDS) + [k for k in dict.fromkeys(k for r in records for k in r) if k not in FIELDS]
    schema = pa.schema([pa.field(n, column_type(n)) for n in names],
                       metadata={"sitrep": json.dumps({"version": __version__, "record": "DESIGN.md event record"})})
    return pa.Table.from_arrays([_column([r.get(n) for r in records], column_type(n)) for n in names], schema=schema)


def _column(values: list[Any], kind: pa.DataType) -> pa.Array:
    if kind == JSON:
        text = pa.array([None if v is None else _to_json(v) for v in values], pa.string())
        return pa.ExtensionArray.from_storage(JSON, text)
    if kind == pa.date32() and any(isinstance(v, str) for v in values):
        return pa.array([dt.date.fromisoformat(v) if isinstance(v, str) else v for v in values], kind)
    return pa.array(values, kind)


_to_json = json.JSONEncoder(ensure_ascii=False).encode
