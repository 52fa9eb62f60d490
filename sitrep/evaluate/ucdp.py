"""UCDP GED rows as gold: the headline is the text, ``date_start`` the publication date.

Several headlines joined by ";" are one text (one headline per line). Rows with the same
headline and the same start date are one case. UCDP names actors its own way, so a small
documented table (``UCDP_NAMES``) gives the ACLED-style names the registry knows; the
registry's ``same_actor`` then compares them with the predicted actors.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cases import Case, EvalError, Gold
from .compare import ActorMatch, actor_ok, admin1_check, date_ok, distance_km, pred_date
from .fields import clean, parse_date, read_csv, to_float, to_int
from .metrics import within_pct
from .scoring import Row, km_checks, missed
from .split import normalise_text

REQUIRED = {"source_headline", "date_start", "date_end", "best", "low", "high", "side_a", "side_b"}

# UCDP name -> ACLED-style names ({c}: the event's country). Any one may match.
UCDP_NAMES: dict[str, tuple[str, ...]] = {
    "IS": ("Islamic State ({c})", "Islamic State"),
    "Civilians": ("Civilians ({c})",),
    "Taleban": ("Taliban",),
    "Syrian insurgents": ("Opposition Rebels (Syria)", "JWS: Syrian National Army", "Free Syrian Army"),
    "Hawar Kilis Operations Room": ("JWS: Syrian National Army", "Opposition Rebels (Syria)"),
    "SNA": ("JWS: Syrian National Army",),
    "Jabhat Fateh al-Sham": ("HTS: Hayat Tahrir al Sham",),
    "Tahrir al- Sham Army": ("HTS: Hayat Tahrir al Sham",),
}
_GOVERNMENT = re.compile(r"^Government of (.+?)(?: \(.*\))?$")  # "Government of Russia (Soviet Union)"


def side_names(side: str, country: str | None) -> tuple[str, ...]:
    """The names a UCDP side may appear under: each listed group, mapped, and as written."""
    out: list[str] = []
    for part in (p.strip() for p in side.split(",")):
        if not part:
            continue
        out.append(part)
        gov = _GOVERNMENT.match(part)
        if gov:
            out += [f"Military Forces of {gov.group(1)}", f"Police Forces of {gov.group(1)}"]
        out += [n.format(c=country or "Unknown") for n in UCDP_NAMES.get(part, ())]
    return tuple(dict.fromkeys(out))


@dataclass
class UcdpLoad:
    cases: list[Case]
    skipped: Counter[str] = field(default_factory=Counter)


def read_ucdp(paths: Iterable[str | Path]) -> UcdpLoad:
    load = UcdpLoad(cases=[])
    groups: dict[tuple[str, str], list[Gold]] = {}
    texts: dict[tuple[str, str], str] = {}
    for path in paths:
        header, rows = read_csv(path)
        missing = REQUIRED - {h.strip().lower() for h in header}
        if missing:
            raise EvalError(f"{path}: not a UCDP GED export: no {', '.join(sorted(missing))} column")
        for raw in rows:
            row = {k.strip().lower(): v for k, v in raw.items() if k}
            headline = clean(row.get("source_headline"))
            if not headline:
                load.skipped["no source_headline"] += 1
                continue
            gold = row_gold(row)
            key = (normalise_text(headline), str(gold.date_start))
            texts.setdefault(key, headline)
            groups.setdefault(key, []).append(gold)
    load.cases = [_case(texts[k], golds) for k, golds in groups.items()]
    return load


def headline_text(headline: str) -> str:
    """Joined headlines as one text, one headline per line."""
    return "\n".join(p.strip() for p in headline.split(";") if p.strip())


def row_gold(row: dict[str, str]) -> Gold:
    country = clean(row.get("country"))
    side_a, side_b = clean(row.get("side_a")) or "", clean(row.get("side_b")) or ""
    start = parse_date(row.get("date_start"))
    return Gold(
        id=str(to_int(row.get("id")) or "?"), country=country,
        actor1=(side_a,), actor2=(side_b,), admin1=tuple(a for a in [clean(row.get("adm_1"))] if a),
        latitude=to_float(row.get("latitude")), longitude=to_float(row.get("longitude")),
        fatalities=to_int(row.get("best")), event_date=start, date_start=start,
        date_end=parse_date(row.get("date_end")) or start,
        extra={k: to_int(row.get(k)) for k in ("low", "high", "deaths_a", "deaths_b", "deaths_civilians",
                                              "deaths_unknown", "type_of_violence")}
        | {"side_a": side_names(side_a, country), "side_b": side_names(side_b, country)},
    )


def _case(headline: str, golds: list[Gold]) -> Case:
    return Case(id=golds[0].id, text=headline_text(headline), published=golds[0].date_start,
                golds=tuple(golds), split_key=headline)


def score_ucdp(gold: Gold, pred: dict[str, Any] | None, same: ActorMatch) -> Row:
    p = pred or {}
    x = gold.extra
    best = p.get("fatalities_best") if p.get("fatalities_best") is not None else p.get("fatalities")
    d = distance_km(gold, p) if pred is not None else (None if gold.latitude is None else math.inf)
    admin_ok, spelling = admin1_check(gold, p)
    side_a = _side_found(x["side_a"], p, gold.country, same)
    side_b = _side_found(x["side_b"], p, gold.country, same)
    checks: dict[str, bool | None] = {
        "fatalities_best": None if gold.fatalities is None else best == gold.fatalities,
        "fatalities_best_pos": best == gold.fatalities if gold.fatalities else None,
        "fatalities_in_range": _in_range(best, x.get("low"), x.get("high")),
        "fatalities_10pct": None if gold.fatalities is None else within_pct(best, gold.fatalities),
        "deaths_a": _side_deaths(x["side_a"], x.get("deaths_a"), p, gold.country, same),
        "deaths_b": _side_deaths(x["side_b"], x.get("deaths_b"), p, gold.country, same),
        "deaths_civilians": (p.get("civilian_fatalities") == x["deaths_civilians"]
                             if x.get("deaths_civilians") else None),
        "side_a": side_a, "side_b": side_b, "both_sides": side_a and side_b,
        **km_checks(d),
        "admin1": admin_ok,
        "admin1_or_spelling": None if admin_ok is None else admin_ok or spelling,
        "event_date": date_ok(gold, p),
        "event_date_1day": _near_window(gold, pred_date(p)),
    }
    return Row(0, gold, pred, checks if pred is not None else missed(checks), {}, d)


def _near_window(gold: Gold, day: dt.date | None) -> bool | None:
    """Within a day of gold's window: headlines say "yesterday" about the day UCDP codes."""
    if gold.date_start is None or gold.date_end is None:
        return None
    one = dt.timedelta(days=1)
    return day is not None and gold.date_start - one <= day <= gold.date_end + one


def _in_range(value: int | None, low: int | None, high: int | None) -> bool | None:
    if low is None or high is None:
        return None
    return value is not None and low <= value <= high


def _side_found(names: tuple[str, ...], p: dict[str, Any], country: str | None, same: ActorMatch) -> bool:
    """Is the UCDP side among the predicted actors (either order)?"""
    return any(actor_ok(names, p.get(k), country, same) for k in ("actor1", "actor2"))


def _side_deaths(names: tuple[str, ...], deaths: int | None, p: dict[str, Any], country: str | None,
                 same: ActorMatch) -> bool | None:
    """Where UCDP gives a side's deaths: does the predicted breakdown give that side the same number?"""
    if not deaths:
        return None
    by_party = p.get("fatalities_by_party") or {}
    return any(n == deaths and actor_ok(names, party, country, same) for party, n in by_party.items())
