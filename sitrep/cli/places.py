"""`sitrep places`: list every place an article names, resolved against the gazetteer."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from ..export import FORMATS, write_records
from .common import Batch, input_options

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
    from ..geoparse import MENTION_FIELDS

    batch = Batch(args)
    write_records(records(batch), args.format, sys.stdout, fields=MENTION_FIELDS, columns=_TABLE, noun="mention")
    return batch.exit_code()
