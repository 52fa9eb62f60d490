"""ACLED exports as gold: three schemas, one ``Case`` per (notes text, event date).

Schemas, told apart by their header (case-insensitive):

- modern (acledR, 31 columns): ``disorder_type`` and ``sub_event_type``;
- 2020 (data_id, event_id_no_cnty, iso3): ``sub_event_type`` but no ``disorder_type``;
- old (2015-2016, often UPPER CASE): no ``sub_event_type``; event types such as
  "Battle-No change of territory", "Remote violence", "Riots/Protests".

Old event types are mapped to today's event types where the mapping is one-to-one; only
event_type is scored for them, never sub_event_type. "Riots/Protests" was split by ACLED
into Protests and Riots, so it becomes the merged class ``PROTESTS_OR_RIOTS``: a predicted
Protests or Riots counts as right. Rows whose type is unknown (e.g. the Aid Worker Security
Database rows of a union file) are skipped and counted.

Rows with the same notes and the same event date are one case (ACLED splits one report into
several events); the article id is the first row's event_id_cnty and the publication date
is the event date.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..taxonomy import BY_NAME, EVENT_TYPES
from .cases import Case, EvalError, Gold
from .fields import clean, parse_date, read_csv, to_float, to_int
from .split import normalise_text

PROTESTS_OR_RIOTS = "Protests or Riots"
OLD_EVENT_TYPES = {
    "battle-no change of territory": "Battles",
    "battle-government regains territory": "Battles",
    "battle-non-state actor overtakes territory": "Battles",
    "battle-non-state actors overtake territory": "Battles",
    "remote violence": "Explosions/Remote violence",
    "violence against civilians": "Violence against civilians",
    "strategic development": "Strategic developments",
    "non-violent transfer of territory": "Strategic developments",
    "headquarters or base established": "Strategic developments",
    "riots/protests": PROTESTS_OR_RIOTS,
}
_NEW_EVENT_TYPES = {t.lower(): t for t in EVENT_TYPES}


@dataclass
class AcledLoad:
    """The cases read, with what was skipped and which schemas were seen."""

    cases: list[Case]
    schemas: dict[str, str] = field(default_factory=dict)  # path -> schema
    skipped: Counter[str] = field(default_factory=Counter)


def detect_schema(header: Iterable[str]) -> str:
    """"modern", "2020" or "old"; EvalError when the file is not an ACLED export with notes."""
    cols = {h.strip().lower() for h in header}
    missing = {"notes", "event_type", "event_date"} - cols
    if missing:
        raise EvalError(f"not an ACLED export: no {', '.join(sorted(missing))} column "
                        "(expected ACLED's CSV with notes, event_type, event_date, ...)")
    if "sub_event_type" not in cols:
        return "old"
    return "modern" if "disorder_type" in cols else "2020"


def event_types(raw_type: str | None, raw_sub: str | None, schema: str) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) to score against; None where the row cannot be scored."""
    key = (raw_type or "").strip().lower()
    if schema == "old":
        return OLD_EVENT_TYPES.get(key), None
    sub = clean(raw_sub)
    return _NEW_EVENT_TYPES.get(key), sub if sub in BY_NAME else None


def read_acled(paths: Iterable[str | Path]) -> AcledLoad:
    load = AcledLoad(cases=[])
    groups: dict[tuple[str, str], list[tuple[Gold, str]]] = {}
    for path in paths:
        header, rows = read_csv(path)
        try:
            schema = detect_schema(header)
        except EvalError as exc:
            raise EvalError(f"{path}: {exc}") from None
        load.schemas[str(path)] = schema
        for row in rows:
            _add_row({k.strip().lower(): v for k, v in row.items() if k}, schema, groups, load.skipped)
    load.cases = [_case(rows) for rows in groups.values()]
    return load


def _add_row(row: dict[str, str], schema: str, groups: dict[tuple[str, str], list[tuple[Gold, str]]],
             skipped: Counter[str]) -> None:
    notes = clean(row.get("notes"))
    if not notes:
        skipped["no notes"] += 1
        return
    gold = row_gold(row, schema)
    if gold.event_type is None:
        skipped[f"event type not comparable: {row.get('event_type')!r}"] += 1
        return
    key = (normalise_text(notes), str(gold.event_date))
    group = groups.setdefault(key, [])
    if all(g.id != gold.id for g, _ in group):  # the same row in two files counts once
        group.append((gold, notes))


def row_gold(row: dict[str, str], schema: str) -> Gold:
    """The gold event of one row (keys lower-cased)."""
    event_type, sub = event_types(row.get("event_type"), row.get("sub_event_type"), schema)
    return Gold(
        id=clean(row.get("event_id_cnty")) or clean(row.get("data_id")) or "?",
        country=clean(row.get("country")),
        event_type=event_type, sub_event_type=sub,
        actor1=_actor(row.get("actor1"), none_is_unknown=True), actor2=_actor(row.get("actor2")),
        inter1=to_int(row.get("inter1")),
        admin1=tuple(a for a in [clean(row.get("admin1"))] if a),
        location=clean(row.get("location")),
        latitude=to_float(row.get("latitude")), longitude=to_float(row.get("longitude")),
        fatalities=to_int(row.get("fatalities")),
        event_date=parse_date(row.get("event_date")),
        source=clean(row.get("source")),
        extra={"schema": schema, "raw_event_type": clean(row.get("event_type")),
               "iso3": clean(row.get("iso3")) or ""},
    )


def _actor(value: str | None, none_is_unknown: bool = False) -> tuple[str, ...] | None:
    name = clean(value)
    if name:
        return (name,)
    return None if none_is_unknown else ()  # no actor2: a one-sided event


def _case(rows: list[tuple[Gold, str]]) -> Case:
    first, notes = rows[0]
    return Case(id=first.id, text=notes, published=first.event_date,
                golds=tuple(g for g, _ in rows), split_key=notes)
