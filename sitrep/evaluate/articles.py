"""Full articles with hand-coded gold events: our JSON format and the golden YAML.

Our format (JSON list or JSONL, one object per article; see docs/evaluation.md)::

    {"article": {"id", "title", "text", "published": "YYYY-MM-DD", "outlet"},
     "events": [{"sub_event_type", "actor1", "actor2", "event_date", "location",
                 "latitude", "longitude", "admin1", "fatalities", "source", ...}],
     "not_events": ["exact quote that must not become an event", ...]}

``actor1``/``actor2``/``admin1`` may be a list of acceptable values; ``actor2: null`` is a
one-sided event, a missing key is "not coded". tests/golden/expected.yaml (the team's
hand-coded events for samples/articles.jsonl) reads into the same cases.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..taxonomy import BY_NAME
from . import names
from .cases import Case, EvalError, Gold
from .compare import ActorMatch, actor_ok, admin1_check, date_ok, distance_km
from .fields import parse_date, to_float, to_int
from .scoring import Row, fatality_checks

# ------------------------------------------------------------------ reading


def read_article_file(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a .json (a list, or one object) or .jsonl file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read ({exc})") from None
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}: not valid JSON ({exc})") from None
    return data if isinstance(data, list) else [data]


def is_sitrep_format(items: Sequence[Any]) -> bool:
    return bool(items) and all(isinstance(i, dict) and "article" in i and "events" in i for i in items)


def sitrep_cases(items: Sequence[dict[str, Any]], origin: str) -> list[Case]:
    """Cases from our gold format; EvalError names the record that is wrong."""
    return [_sitrep_case(item, f"{origin} record {n}") for n, item in enumerate(items, 1)]


def _sitrep_case(item: dict[str, Any], where: str) -> Case:
    art = item.get("article")
    if not isinstance(art, dict) or not isinstance(art.get("text"), str) or not art["text"].strip():
        raise EvalError(f"{where}: 'article' must be an object with a non-empty 'text'")
    events = item.get("events")
    if not isinstance(events, list):
        raise EvalError(f"{where}: 'events' must be a list (empty when the article reports none)")
    aid = str(art.get("id") or f"article-{where.rsplit(' ', 1)[-1]}")
    golds = tuple(event_gold(e, f"{aid}-{i}", f"{where} event {i}") for i, e in enumerate(events, 1))
    return Case(id=aid, text=art["text"], published=parse_date(str(art.get("published") or "")),
                golds=golds, split_key=art["text"], title=str(art.get("title") or ""),
                outlet=art.get("outlet"), extra={"not_events": list(item.get("not_events") or []),
                                                 "aggregates": list(item.get("aggregates") or [])})


def event_gold(event: dict[str, Any], gid: str, where: str) -> Gold:
    """A gold event from one event object of our format or of the golden YAML."""
    if not isinstance(event, dict):
        raise EvalError(f"{where}: an event must be an object")
    sub = event.get("sub_event_type")
    if sub is not None and sub not in BY_NAME:
        raise EvalError(f"{where}: unknown sub_event_type {sub!r}; use one of ACLED's 25 names")
    return Gold(
        id=str(event.get("id") or gid), country=event.get("country"),
        event_type=BY_NAME[sub].event_type if sub else event.get("event_type"), sub_event_type=sub,
        actor1=_alternatives(event, "actor1"), actor2=_alternatives(event, "actor2"),
        admin1=_alternatives(event, "admin1") or (), location=event.get("location"),
        latitude=to_float(_str(event.get("latitude"))), longitude=to_float(_str(event.get("longitude"))),
        fatalities=to_int(_str(event.get("fatalities"))),
        event_date=_day(event.get("event_date")), date_start=_day(event.get("date_start")),
        date_end=_day(event.get("date_end")), source=event.get("source"),
        extra={"evidence": event.get("evidence")},
    )


def _alternatives(event: dict[str, Any], key: str) -> tuple[str, ...] | None:
    if key not in event:
        return None
    value = event[key]
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value)) if value else None


def golden_cases(expected: str | Path, articles: str | Path) -> list[Case]:
    """tests/golden/expected.yaml with the article texts of samples/articles.jsonl."""
    from ..ingest import read_articles

    try:
        data = yaml.safe_load(Path(expected).read_text(encoding="utf-8"))["articles"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise EvalError(f"{expected}: cannot read the golden file ({exc})") from None
    texts = {a.id: a for a in read_articles([Path(articles)]) if not isinstance(a, Exception)}
    missing = sorted(set(data) - set(texts))
    if missing:
        raise EvalError(f"{articles}: no article with id {', '.join(missing)} (named in {expected})")
    return [_golden_case(aid, body or {}, texts[aid]) for aid, body in data.items()]


def _golden_case(aid: str, body: dict[str, Any], article: Any) -> Case:
    golds = tuple(event_gold(e, f"{aid}-{i}", f"{aid} event {i}")
                  for i, e in enumerate(body.get("events") or [], 1))
    return Case(id=aid, text=article.text, published=article.published, golds=golds,
                split_key=article.text, title=article.title, outlet=article.outlet,
                extra={"not_events": list(body.get("not_events") or []),
                       "aggregates": list(body.get("aggregates") or [])})


# ------------------------------------------------------------------ scoring


def score_matched(gold: Gold, pred: dict[str, Any], same: ActorMatch) -> Row:
    """Field checks on a matched (gold, predicted) event pair."""
    country = gold.country or pred.get("country")
    d = distance_km(gold, pred)
    admin_ok, spelling = admin1_check(gold, pred)
    checks: dict[str, bool | None] = {
        "sub_event_type": None if gold.sub_event_type is None else pred.get("sub_event_type") == gold.sub_event_type,
        "actor1": actor_ok(gold.actor1, pred.get("actor1"), country, same),
        "actor2": actor_ok(gold.actor2, pred.get("actor2"), country, same),
        "event_date": date_ok(gold, pred),
        "admin1": admin_ok,
        "admin1_or_spelling": None if admin_ok is None else admin_ok or spelling,
        "within_25km": None if d is None else d <= 25,
        "fatalities": fatality_checks(gold.fatalities, pred.get("fatalities"))["fatalities"],
        "source": source_ok(gold.source, pred.get("source")),
    }
    return Row(0, gold, pred, checks, {}, d if d is None or math.isfinite(d) else None)


def source_ok(gold: str | None, predicted: str | None) -> bool | None:
    """Does the prediction name at least one of gold's sources ("; "-separated)?"""
    if not gold:
        return None
    whole = names.fold(predicted)
    pred_parts = [q for q in (names.fold(x) for x in (predicted or "").split(";")) if q]
    gold_parts = [p for p in (names.fold(x) for x in gold.split(";")) if p]
    return any(p in whole or any(q in p for q in pred_parts) for p in gold_parts)


def quote_events(quotes: Iterable[str], preds: Sequence[dict[str, Any]]) -> list[str]:
    """The quotes some non-aggregate predicted event rests on alone (all its claims quote it)."""
    return [q for q in quotes
            if any(not p.get("aggregate") and p.get("claims") and all(q in c["text"] for c in p["claims"])
                   for p in preds)]
