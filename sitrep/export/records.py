"""The event record of DESIGN.md: the contract with users, exports and the evaluation."""
from __future__ import annotations

import dataclasses
from typing import Any

from ..model import Actor, Claim, Event, PlaceMention
from ..taxonomy import INTER_NAMES, interaction

FIELDS = (
    "event_id", "article_ids", "event_date", "date_start", "date_end", "time_precision",
    "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "country", "iso3", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision",
    "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "fatalities_by_party",
    "civilian_fatalities", "source", "outlet", "notes", "confidence", "aggregate",
    "territorial_change", "displacement", "places", "conflicting_claims", "decided_by",
    "claims", "evidence",
)


def event_record(event: Event) -> dict[str, Any]:
    """A plain dict with DESIGN.md's field names, ready for JSON."""
    record: dict[str, Any] = {
        "event_id": event.event_id,
        "article_ids": list(event.article_ids),
        "event_date": _iso(event.event_date),
        "date_start": _iso(event.date_start),
        "date_end": _iso(event.date_end),
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_side(event.actor1, event.assoc_actor_1, 1),
        **_side(event.actor2, event.assoc_actor_2, 2),
        "interaction": interaction(_inter(event.actor1), _inter(event.actor2)),
        "civilian_targeting": event.civilian_targeting,
        **_where(event.place),
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "fatalities_by_party": dict(event.fatalities_by_party),
        "civilian_fatalities": event.civilian_fatalities,
        "source": "; ".join(event.sources),
        "outlet": "; ".join(event.outlets),
        "notes": event.notes,
        "confidence": event.confidence,
        "aggregate": event.aggregate,
        "territorial_change": [dataclasses.asdict(t) for t in event.territory],
        "displacement": [dataclasses.asdict(d) for d in event.displacement],
        "places": [place_record(p) for p in event.places],
        "conflicting_claims": event.conflicting,
        "decided_by": event.decided_by,
        "claims": [claim_record(c) for c in event.claims],
        "evidence": _evidence(event.claims),
    }
    return record


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _inter(actor: Actor | None) -> int | None:
    return actor.inter if actor else None


def _side(actor: Actor | None, assoc: list[Actor], n: int) -> dict[str, Any]:
    return {
        f"actor{n}": actor.name if actor else None,
        f"assoc_actor_{n}": [a.name for a in assoc],
        f"inter{n}": actor.inter if actor else None,
    }


def _where(mention: PlaceMention | None) -> dict[str, Any]:
    if mention is None:
        return dict.fromkeys(("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
                              "geo_precision"))
    p = mention.place
    national = p.feature_code == "PCLI"  # a country's point says nothing of its provinces
    return {
        "country": p.country, "iso3": p.iso3,
        "admin1": None if national else p.admin1, "admin2": None if national else p.admin2,
        "location": p.name, "latitude": round(p.latitude, 4), "longitude": round(p.longitude, 4),
        "geo_precision": mention.precision,
    }


def place_record(mention: PlaceMention) -> dict[str, Any]:
    p = mention.place
    return {
        "text": mention.span.text, "start": mention.span.start, "end": mention.span.end,
        "name": p.name, "role": mention.role, "latitude": round(p.latitude, 4), "longitude": round(p.longitude, 4),
        "country": p.country, "admin1": p.admin1, "geonameid": p.geonameid, "precision": mention.precision,
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    fat = claim.fatalities
    return {
        "source": claim.source,
        "text": claim.evidence.text,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "article_id": claim.article_id,
        "sub_event_type": claim.sub_event_type,
        "fatalities": None if fat is None else {
            "low": fat.low, "best": fat.best, "high": fat.high, "text": fat.text, "vague": fat.vague,
            "by_party": dict(fat.by_party), "civilians": fat.civilians, "children": fat.children, "note": fat.note,
        },
        "decided_by": claim.decided_by,
    }


def _evidence(claims: list[Claim]) -> list[dict[str, Any]]:
    seen: dict[int, dict[str, Any]] = {}
    for claim in claims:
        for span in [claim.evidence, *claim.more_evidence]:
            seen.setdefault(span.start, {"text": span.text, "start": span.start, "end": span.end,
                                         "article_id": claim.article_id})
    return [seen[k] for k in sorted(seen)]


def inter_name(code: int | None) -> str:
    return INTER_NAMES.get(code, "") if code else ""
