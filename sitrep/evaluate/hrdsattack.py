"""HRDsAttack (dataminr-ai): news articles about attacks on human-rights defenders.

Each record: ``sample`` (``Input.title``, ``Input.publish_date``, ``Input.article_interface``:
the article as HTML paragraphs) and ``merged_sample`` (the adjudicated labels: city,
region, country, year/month/date of the attack, perpetrator_mention, perpetrator_type,
violation_types, victims). One article, one labelled attack; no event type, no coordinates.
The dataset ships its own train/dev/test files: report numbers from test.json.

Perpetrator types map to ACLED actor types (inter codes) of actor1 as ``PERPETRATOR_INTER``.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from typing import Any

from . import names
from .cases import Case, EvalError, Gold
from .compare import pred_date
from .fields import clean, parse_date
from .scoring import Row, missed

# HRDsAttack's annotation labels ("State Security Forces", ...) -> ACLED inter codes of actor1
PERPETRATOR_INTER: dict[str, frozenset[int]] = {
    "state actor": frozenset({1}),  # State Security Forces: military, police
    "other state actors": frozenset({1, 8}),  # officials, courts; a foreign state is 8 in ACLED
    "other actors with permissions": frozenset({3, 4}),  # "armed actor on behalf of the State": militias
    "other actors without permissions": frozenset({2, 3, 4}),  # non-state armed actor
    "other non-state actors": frozenset({3, 5, 8}),  # gangs, mobs, companies, individuals
    "regional orgs": frozenset({8}),
}
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"), 1)}
_PARA = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def is_hrdsattack(items: Sequence[Any]) -> bool:
    return bool(items) and all(isinstance(i, dict) and "sample" in i and "merged_sample" in i for i in items)


def html_text(markup: str) -> str:
    """Article HTML as text, a paragraph per line."""
    text = html.unescape(_TAG.sub("", _PARA.sub("\n", markup)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def hrds_cases(items: Sequence[dict[str, Any]], origin: str) -> list[Case]:
    return [_case(item, f"{origin} record {n}") for n, item in enumerate(items, 1)]


def _case(item: dict[str, Any], where: str) -> Case:
    sample, gold = item.get("sample") or {}, item.get("merged_sample") or {}
    text = html_text(str(sample.get("Input.article_interface") or ""))
    if not text:
        raise EvalError(f"{where}: no article text in sample['Input.article_interface']")
    aid = str(sample.get("Input.GLOBALEVENTID") or sample.get("HIT_id") or where)
    return Case(id=aid, text=text, published=parse_date(str(sample.get("Input.publish_date") or "")),
                golds=(_gold(aid, gold),), split_key=text, title=str(sample.get("Input.title") or ""))


def _gold(aid: str, m: dict[str, Any]) -> Gold:
    return Gold(id=aid, country=_label(m.get("country")), admin1=tuple(x for x in [_label(m.get("region"))] if x),
                location=_label(m.get("city")),
                extra={"year": _number(m.get("year")), "month": _month(m.get("month")),
                       "day": _number(m.get("date")),
                       "perpetrator": m.get("perpetrator_type") if m.get("perpetrator_mention") else None,
                       "violations": list(m.get("violation_types") or [])})


def _label(value: Any) -> str | None:
    text = clean(None if value is None else str(value))
    return None if text is None or text.lower() in {"unknown", "n/a"} else text


def _number(value: Any) -> int | None:
    try:
        return int(float(str(value)))
    except ValueError:
        return None


def _month(value: Any) -> int | None:
    text = _label(value)
    return None if text is None else _MONTHS.get(text.lower()) or _number(text)


def score_hrds(gold: Gold, pred: dict[str, Any] | None) -> Row:
    """Place, date and perpetrator checks of one predicted event against the article's labels."""
    p = pred or {}
    x = gold.extra
    allowed = PERPETRATOR_INTER.get(x.get("perpetrator") or "")
    checks: dict[str, bool | None] = {
        "country": None if not gold.country else names.same_country(gold.country, p.get("country")),
        "admin1": None if not gold.admin1 else _place(gold.admin1[0], p.get("admin1")),
        "city": None if not gold.location else _place(gold.location, p.get("location")) or _place(
            gold.location, p.get("admin1")),
        "date": _date(x, pred_date(p)),
        "perpetrator_inter": None if allowed is None else p.get("inter1") in allowed,
    }
    return Row(0, gold, pred, checks if pred is not None else missed(checks))


def _place(gold: str, predicted: str | None) -> bool:
    return names.same_name(gold, predicted) or names.spelling_variant(gold, predicted)


def _date(x: dict[str, Any], day: dt.date | None) -> bool | None:
    """Agreement on every part of the date the annotators gave (year, month, day)."""
    if x.get("year") is None:
        return None
    if day is None:
        return False
    return (day.year == x["year"] and (x.get("month") is None or day.month == x["month"])
            and (x.get("day") is None or day.day == x["day"]))


def score_any(gold: Gold, preds: Sequence[dict[str, Any]]) -> Row:
    """Each field right when any predicted event of the article gets it right (an upper bound)."""
    rows = [score_hrds(gold, p) for p in preds] or [score_hrds(gold, None)]
    checks = {k: _any(r.checks[k] for r in rows) for k in rows[0].checks}
    return Row(0, gold, preds[0] if preds else None, checks)


def _any(values: Any) -> bool | None:
    kept = [v for v in values if v is not None]
    return any(kept) if kept else None
