"""Fusion across articles: reports of one event by different outlets become one event.

``fuse_article`` merges the claims of one article into that article's events. The store keeps
each such event as a ``Report``; a new report joins a stored event when it is about the same
thing: a compatible type, date windows that overlap, places within a few kilometres (or the
same admin2), and actors that do not contradict. The fused record lists every claim, outlet
and source; its toll takes each source's latest figure, then ACLED's lowest credible one.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Actor, Article, Claim, Event, Fatalities, Span
from ..taxonomy import BATTLES, PROTESTS, RANK, RIOTS, SD
from . import _camp, _sides, _toll, _unique
from .notes import sentence, where_text

NEAR_KM = 10.0  # "within a few km": two reports of one village's attack rarely disagree by more
UNDATED_DAYS = 7  # a report with no date is read as about the week before it was published
REGION = 3  # ACLED geo_precision of a region-level place


@dataclass
class Report:
    """One article's event as the store keeps it: the record plus what fusion needs."""

    event_id: str
    article_id: str
    record: dict[str, Any]
    actor1: Actor | None = None
    actor2: Actor | None = None
    published: dt.date | None = None
    seq: int = 0  # the order reports were saved in

    @classmethod
    def of(cls, event: Event, article: Article, record: dict[str, Any], seq: int = 0) -> Report:
        return cls(event.event_id, article.id, record, event.actor1, event.actor2, article.published, seq)

    def actors_json(self) -> dict[str, Any]:
        return {"actor1": _actor_dict(self.actor1), "actor2": _actor_dict(self.actor2)}

    @classmethod
    def from_row(cls, event_id: str, article_id: str, record: dict[str, Any], actors: dict[str, Any],
                 published: str | None, seq: int) -> Report:
        return cls(event_id, article_id, record, _actor(actors.get("actor1")), _actor(actors.get("actor2")),
                   dt.date.fromisoformat(published) if published else None, seq)

    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days the event may have happened on, as far as its article allows."""
        r = self.record
        lo, hi = r.get("date_start") or r.get("event_date"), r.get("date_end") or r.get("event_date")
        if lo and hi:
            return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
        if self.published:
            return self.published - dt.timedelta(days=UNDATED_DAYS), self.published
        return None

    @property
    def event_type(self) -> str:
        return self.record["event_type"]


def _actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "inter": actor.inter, "country": actor.country, "side": actor.side,
            "registered": actor.registered}


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return Actor(**data) if data else None


# --- which reports are about one event -------------------------------------------------------

def compatible(report: Report, members: list[Report], *, same_article: bool = False) -> bool:
    """Whether ``report`` tells of the same event as every report in ``members``."""
    if not members:
        return False
    if not same_article and any(m.article_id == report.article_id for m in members):
        return False  # the article's own fusion already kept these apart
    return (all(_types_agree(report, m) and _windows_overlap(report, m) for m in members)
            and any(_near(report, m) for m in members)
            and _actors_agree(report, members))


def _types_agree(a: Report, b: Report) -> bool:
    if a.record.get("aggregate") != b.record.get("aggregate"):
        return False  # a cumulative toll stays apart from the daily events it sums
    kinds = {a.event_type, b.event_type}
    if len(kinds) > 1 and kinds != {PROTESTS, RIOTS}:
        return False
    return a.event_type != SD or a.record["sub_event_type"] == b.record["sub_event_type"]


def _windows_overlap(a: Report, b: Report) -> bool:
    wa, wb = a.window(), b.window()
    return wa is not None and wb is not None and wa[0] <= wb[1] and wb[0] <= wa[1]


def _near(a: Report, b: Report) -> bool:
    ra, rb = a.record, b.record
    if ra.get("latitude") is None or rb.get("latitude") is None or ra.get("iso3") != rb.get("iso3"):
        return False
    if _national(ra) or _national(rb):
        return False  # "in Somalia" says too little to tell two events apart, or to join them
    if km(ra["latitude"], ra["longitude"], rb["latitude"], rb["longitude"]) <= NEAR_KM:
        return True
    if ra.get("admin2") and ra.get("admin2") == rb.get("admin2") and ra.get("admin1") == rb.get("admin1"):
        return True
    regional = REGION in (ra.get("geo_precision"), rb.get("geo_precision"))
    return regional and bool(ra.get("admin1")) and ra.get("admin1") == rb.get("admin1")


def _national(record: dict[str, Any]) -> bool:
    return record.get("geo_precision") == REGION and not record.get("admin1")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _actors_agree(report: Report, members: list[Report]) -> bool:
    if report.event_type == BATTLES:
        actors = {a for r in [report, *members] for a in (r.actor1, r.actor2) if a is not None and a.inter != 7}
        return _sides(actors) <= 2  # order carries no meaning in a battle
    return all(_same_or_open(report.actor1, m.actor1) and _same_or_open(report.actor2, m.actor2) for m in members)


def _same_or_open(a: Actor | None, b: Actor | None) -> bool:
    """Unnamed ("gunmen") fits any actor of its camp (state or not); two named actors must be one."""
    if a is None or b is None or a.name == b.name:
        return True
    return (not a.registered or not b.registered) and _camp(a) == _camp(b)


def closeness(report: Report, members: list[Report]) -> float:
    """Kilometres to the nearest member with a place: the best of several candidate events."""
    r = report.record
    dists = [km(r["latitude"], r["longitude"], m.record["latitude"], m.record["longitude"])
             for m in members if m.record.get("latitude") is not None]
    return min(dists, default=math.inf)


# --- the fused record --------------------------------------------------------------------------

def fuse_reports(reports: list[Report]) -> dict[str, Any]:
    """One event record from the reports of one event (the first saved gives the id)."""
    reports = sorted(reports, key=lambda r: r.seq)
    if len(reports) == 1:
        return dict(reports[0].record)
    base = min(reports, key=lambda r: (RANK[r.record["sub_event_type"]], r.record.get("geo_precision") or 9, r.seq))
    record = dict(base.record)
    record["event_id"] = reports[0].event_id
    record.update(_dates(reports))
    record.update(_place(reports, base))
    record.update(_sides_of(reports, base))
    record.update(_fatalities(reports, base))
    record.update(_lists(reports))
    record["confidence"] = round(min(1.0, max(r.record["confidence"] for r in reports) + 0.05 * (len(reports) - 1)), 2)
    record["civilian_targeting"] = base.event_type != BATTLES and any(r.record["civilian_targeting"] for r in reports)
    record["notes"] = _notes(record)
    return record


def _dates(reports: list[Report]) -> dict[str, Any]:
    dated = min(reports, key=lambda r: (r.record.get("time_precision") or 9, r.record.get("event_date") is None))
    return {k: dated.record.get(k) for k in ("event_date", "date_start", "date_end", "time_precision")}


PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


def _place(reports: list[Report], base: Report) -> dict[str, Any]:
    placed = [r for r in reports if r.record.get("latitude") is not None] or [base]
    best = min(placed, key=lambda r: (r.record.get("geo_precision") or 9, r is not base, r.seq))
    return {k: best.record.get(k) for k in PLACE_FIELDS}


def _sides_of(reports: list[Report], base: Report) -> dict[str, Any]:
    rec = base.record
    main = {rec.get("actor1"), rec.get("actor2")}
    out: dict[str, Any] = {}
    for n in (1, 2):
        names = _unique(a for r in reports for a in r.record.get(f"assoc_actor_{n}") or [])
        out[f"assoc_actor_{n}"] = [a for a in names if a not in main]
    return out


def _lists(reports: list[Report]) -> dict[str, Any]:
    recs = [r.record for r in reports]
    return {
        "article_ids": _unique(a for r in recs for a in r["article_ids"]),
        "source": "; ".join(_unique(s for r in recs for s in _split(r.get("source")))),
        "outlet": "; ".join(_unique(s for r in recs for s in _split(r.get("outlet")))),
        "claims": [c for r in recs for c in r["claims"]],
        "evidence": [e for r in recs for e in r["evidence"]],
        "places": [p for r in recs for p in r.get("places") or []],
        "territorial_change": [t for r in recs for t in r.get("territorial_change") or []],
        "displacement": [d for r in recs for d in r.get("displacement") or []],
        "aggregate": any(r.get("aggregate") for r in recs),
    }


def _split(joined: str | None) -> list[str]:
    return [s for s in (joined or "").split("; ") if s]


def _fatalities(reports: list[Report], base: Report) -> dict[str, Any]:
    claims = latest_claims(reports)
    toll = _toll(claims, base.record["sub_event_type"])
    return {
        "fatalities": toll.conservative, "fatalities_low": toll.low, "fatalities_best": toll.best,
        "fatalities_high": toll.high, "fatalities_by_party": toll.by_party,
        "civilian_fatalities": toll.civilians,
        "conflicting_claims": toll.conflicting or any(r.record.get("conflicting_claims") for r in reports),
    }


def latest_claims(reports: list[Report]) -> list[Claim]:
    """Each source's claims from the latest article that gives it a figure: an updated toll
    ("raised the death toll to 311") replaces the older one. A claim with no named source is
    the outlet's own; a stated figure still beats a later vague one."""
    by_source: dict[str, list[tuple[tuple, Claim]]] = {}
    for report in reports:
        outlet = report.record.get("outlet") or report.article_id
        for data in report.record["claims"]:
            claim = _claim(data, outlet)
            if claim is not None:
                when = (report.published or dt.date.min, report.seq)
                by_source.setdefault(claim.source or "", []).append((when, claim))
    chosen: list[Claim] = []
    for dated in by_source.values():
        counted = [d for d in dated if _counted(d[1].fatalities)] or dated
        stated = [d for d in counted if not d[1].fatalities.vague] or counted
        latest = max(when for when, _ in stated)
        chosen.extend(c for when, c in stated if when == latest)
    return chosen


def _counted(fat: Fatalities) -> bool:
    """A figure the toll counts ("killed or injured" with no number is noted, not counted)."""
    return fat.best > 0 or not fat.note


def _claim(data: dict[str, Any], outlet: str) -> Claim | None:
    """A claim rebuilt from its record, with what the toll needs."""
    fat = data.get("fatalities")
    if fat is None:
        return None
    span = Span(data.get("text") or "", data.get("start") or 0, data.get("end") or 0)
    return Claim(article_id=data.get("article_id") or "", sub_event_type=data.get("sub_event_type") or "Attack",
                 evidence=span, source=data.get("source") or f"{outlet} (outlet)",
                 fatalities=Fatalities(**fat))


def _notes(record: dict[str, Any]) -> str:
    where = None
    if record.get("location"):
        where = where_text(record["location"], record.get("admin1"), record.get("country"))
    day = dt.date.fromisoformat(record["event_date"]) if record.get("event_date") else None
    return sentence(day=day, actor1=record.get("actor1"), sub_event_type=record["sub_event_type"],
                    actor2=record.get("actor2"), where=where, fatalities=record["fatalities"] or 0,
                    sources=_split(record.get("source")))


def best_match(report: Report, candidates: Iterable[tuple[str, list[Report]]]) -> str | None:
    """The id of the stored event this report is about, the nearest when several fit."""
    fitting = [(closeness(report, members), event_id) for event_id, members in candidates
               if compatible(report, members)]
    return min(fitting)[1] if fitting else None

