"""`sitrep places`: list every place an article names, resolved against the gazetteer."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from .common import Batch, input_options

FORMATS = ("jsonl", "json", "csv", "table")
_TABLE = (("article_id", 12), ("start", 6), ("text", 22), ("name", 22), ("geonameid", 9),
          ("feature_code", 5), ("iso3", 4), ("admin1", 16), ("latitude", 9), ("longitude", 10),
          ("role", 11), ("confidence", 5))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("places", help="read articles and print every place they name",
                       description="Read articles and print each place mention: its text and character "
                                   "offsets, the resolved GeoNames place (id, feature, country, admin1, "
                                   "coordinates), its role (location, seat, destination, origin, "
                                   "adjectival) and a confidence. Stores nothing.")
    input_options(p)
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="jsonl: one JSON record per line; json: a list; csv: flat columns; "
                        "table: readable columns (default)")
    p.set_defaults(run=run)


def records(batch: Batch) -> Iterator[dict[str, Any]]:
    from ..geoparse import Geoparser, mention_record

    articles = list(batch.articles())
    if not articles:
        return  # nothing readable: do not load the model for nothing
    parser = Geoparser()
    for article, mentions in zip(articles, parser.parse_many(a.text for a in articles)):
        for mention in mentions:
            yield mention_record(mention, article.id)


def run(args: argparse.Namespace) -> int:
    batch = Batch(args)
    write(list(records(batch)), args.format, sys.stdout)
    return batch.exit_code()


def write(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    from ..geoparse import MENTION_FIELDS

    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(MENTION_FIELDS))
        writer.writeheader()
        writer.writerows(rows)
    else:
        out.write("  ".join(name.upper()[:w].ljust(w) for name, w in _TABLE).rstrip() + "\n")
        for row in rows:
            cells = ("" if row[name] is None else str(row[name]) for name, _ in _TABLE)
            out.write("  ".join(c[:w].ljust(w) for c, (_, w) in zip(cells, _TABLE)).rstrip() + "\n")
        out.write(f"{len(rows)} mention{'s' if len(rows) != 1 else ''}\n")
