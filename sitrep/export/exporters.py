"""``export``: event records to the formats analysts load into their own tools.

acled-csv and ucdp-csv are the two datasets' own column sets; geojson is for maps; parquet and
jsonl carry the whole record (claims, evidence, per-party tolls, ...). Text formats write to a
text stream, parquet to a path or a binary stream.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from .acled import write_acled
from .formats import write_records
from .geojson import write_geojson
from .ucdp import ArticleLookup, write_ucdp

EXPORT_FORMATS = ("acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl")
BINARY_FORMATS = frozenset({"parquet"})


@dataclass
class ExportResult:
    written: int
    left_out: Counter[str] = field(default_factory=Counter)  # reason -> events not written


def export(records: Iterable[dict[str, Any]], fmt: str, out: IO[Any] | str, *, timestamp: int | None = None,
           articles: ArticleLookup | None = None) -> ExportResult:
    """Write ``records`` in ``fmt`` to ``out``.

    ``timestamp`` (Unix seconds) fills ACLED's column for records without their own (default: now);
    ``articles`` looks up an article's title, outlet and date for UCDP's source columns.
    """
    left_out: Counter[str] = Counter()
    if fmt == "acled-csv":
        n = write_acled(records, out, timestamp=int(time.time()) if timestamp is None else timestamp,
                        left_out=left_out)
    elif fmt == "ucdp-csv":
        n = write_ucdp(records, out, articles=articles, left_out=left_out)
    elif fmt == "geojson":
        n = write_geojson(records, out, left_out=left_out)
    elif fmt == "parquet":
        from .parquet import write_parquet  # pyarrow loads only when asked for

        n = write_parquet(records, out)
    elif fmt == "jsonl":
        n = write_records(records, "jsonl", out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    return ExportResult(n, left_out)
