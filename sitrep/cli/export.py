"""`sitrep export`: stored events as ACLED CSV, UCDP GED CSV, GeoJSON, Parquet or JSON Lines."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from ..export.exporters import BINARY_FORMATS, EXPORT_FORMATS, ExportResult, export
from ..store.base import EventQuery
from ..taxonomy import BY_NAME, EVENT_TYPES
from .common import EXIT_FAILED, EXIT_OK, parse_date

_TYPES = {name.casefold(): name for name in (*EVENT_TYPES, *BY_NAME)}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write stored events as ACLED CSV, UCDP CSV, GeoJSON, Parquet or JSONL",
        description="Write the events in the store in a format other tools read: acled-csv (ACLED's 31 "
                    "columns), ucdp-csv (UCDP GED's columns; political violence only), geojson (RFC 7946 "
                    "points; events without coordinates are left out), parquet (the whole record, typed) "
                    "or jsonl (the whole record). See docs/exports.md.")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="output format")
    p.add_argument("--db", default="sitrep.db", metavar="FILE", help="the store: a SQLite file or a postgresql:// URL (default: ./sitrep.db)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE (replaced only when the export succeeds); default: standard output. "
                        "Parquet is binary: give a file, or redirect standard output")
    query_options(p)
    p.set_defaults(run=run)


def query_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", help="only events in this country (the gazetteer's name, e.g. Syria, or ISO3)")
    p.add_argument("--admin1", help="only events in this province or state (e.g. Aleppo)")
    p.add_argument("--since", type=parse_date, metavar="YYYY-MM-DD", help="only events on or after this day")
    p.add_argument("--until", type=parse_date, metavar="YYYY-MM-DD", help="only events on or before this day")
    p.add_argument("--type", type=event_type, metavar="TYPE",
                   help="only this event type or sub-event type (ACLED's names, e.g. Battles, 'Air/drone strike')")
    p.add_argument("--actor", help="only events with an actor whose name contains this text "
                                   "(either side or associated; any case)")
    p.add_argument("--bbox", type=bbox, metavar="W,S,E,N",
                   help="only events inside this box: min longitude, min latitude, max longitude, max latitude")


def event_type(value: str) -> str:
    name = _TYPES.get(value.strip().casefold())
    if name is None:
        raise argparse.ArgumentTypeError(
            f"unknown event type {value!r}; use one of ACLED's event types ({', '.join(EVENT_TYPES)}) "
            "or sub-event types (e.g. 'Armed clash', 'Air/drone strike')")
    return name


def bbox(value: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(v) for v in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a box: {value!r} (write W,S,E,N in degrees, e.g. 35.5,32,42.5,37.5)"
                                         ) from None
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise argparse.ArgumentTypeError(f"not a box: {value!r} (need -180 <= W <= E <= 180 and -90 <= S <= N <= 90)")
    return w, s, e, n


def event_query(args: argparse.Namespace) -> EventQuery:
    is_sub = args.type in BY_NAME
    return EventQuery(country=args.country, admin1=args.admin1, since=args.since, until=args.until,
                      event_type=None if is_sub else args.type, sub_event_type=args.type if is_sub else None,
                      actor=args.actor, bbox=args.bbox)


def run(args: argparse.Namespace) -> int:
    binary = args.format in BINARY_FORMATS
    if binary and not args.output and sys.stdout.isatty():
        print(f"sitrep: {args.format} is a binary format and standard output is a terminal: "
              f"give -o FILE (e.g. -o events.{args.format}) or redirect the output", file=sys.stderr)
        return EXIT_FAILED
    store = open_existing(args.db)
    try:
        records = store.events(event_query(args))
        lookup = getattr(store, "article", None)
        with _destination(args.output, binary) as out:
            result = export(records, args.format, out, timestamp=_fixed_time(), articles=lookup)
    except BrokenPipeError:
        raise  # the reader stopped (`| head`): not an error, main() ends quietly
    except OSError as exc:
        print(f"sitrep: {args.output or 'standard output'}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_FAILED
    finally:
        store.close()
    _summary(result, args)
    return EXIT_OK


def open_existing(target: str) -> Any:
    """The store at ``target``; an export never creates an empty one by mistake."""
    from ..store import open_store

    if "://" not in target and not Path(target).is_file():
        raise StoreError(f"{target}: no such store; create it with `sitrep ingest FILES --db {target}` "
                         "or name an existing one with --db")
    return open_store(target)


@contextmanager
def _destination(path: str | None, binary: bool) -> Iterator[IO[Any]]:
    """Standard output, or a temporary file beside ``path`` that replaces it once the export is whole."""
    if path is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fixed_time() -> int | None:
    """SOURCE_DATE_EPOCH, when set, makes ACLED's timestamp (and so the file) reproducible."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def _summary(result: ExportResult, args: argparse.Namespace) -> None:
    where = f" to {args.output}" if args.output else ""
    noun = "event" if result.written == 1 else "events"
    left = "".join(f"; {n} left out: {why}" for why, n in result.left_out.most_common())
    print(f"sitrep: exported {result.written} {noun} as {args.format}{where}{left}", file=sys.stderr)
