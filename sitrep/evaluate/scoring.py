"""Scoring one gold event against the predicted record assigned to it.

A ``Row`` holds, per field, True (right), False (wrong) or None (not scored: gold does not
code it). A gold event with no predicted event is wrong on every field gold codes.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .acled import PROTESTS_OR_RIOTS
from .cases import Case, Gold
from .compare import ActorMatch, actors_ok, admin1_check, date_ok, distance_km
from .matching import assign
from .metrics import NO_EVENT, within_pct

KM_STEPS = (5, 25, 100)


@dataclass
class Row:
    case_index: int
    gold: Gold
    pred: dict[str, Any] | None
    checks: dict[str, bool | None]
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    km: float | None = None


Scorer = Callable[[Gold, dict[str, Any] | None, ActorMatch], Row]


def score_cases(cases: Sequence[Case], predictions: Sequence[list[dict[str, Any]]], mode: str,
                scorer: Scorer, same: ActorMatch) -> list[Row]:
    """One Row per gold event, its prediction chosen by ``mode`` (see matching)."""
    rows: list[Row] = []
    for i, (case, preds) in enumerate(zip(cases, predictions, strict=True)):
        for gold, pi in zip(case.golds, assign(mode, case.golds, preds), strict=True):
            row = scorer(gold, None if pi is None else preds[pi], same)
            row.case_index = i
            rows.append(row)
    return rows


def missed(checks: dict[str, bool | None]) -> dict[str, bool | None]:
    """No prediction: every field gold codes is wrong."""
    return {k: (None if v is None else False) for k, v in checks.items()}


def km_checks(d: float | None) -> dict[str, bool | None]:
    return {f"within_{k}km": None if d is None else d <= k for k in KM_STEPS}


def predicted_type(gold: Gold, pred: dict[str, Any] | None) -> str:
    """The predicted event type in gold's classes (for old-schema rows "Riots/Protests" is one class)."""
    if pred is None:
        return NO_EVENT
    label = pred.get("event_type") or NO_EVENT
    old = gold.event_type == PROTESTS_OR_RIOTS or gold.extra.get("schema") == "old"
    if old and label in ("Protests", "Riots"):
        return PROTESTS_OR_RIOTS
    return label


def score_acled(gold: Gold, pred: dict[str, Any] | None, same: ActorMatch) -> Row:
    p = pred or {}
    country = gold.country
    d = distance_km(gold, p) if pred is not None else (None if gold.latitude is None else math.inf)
    admin_ok, spelling = admin1_check(gold, p)
    actor1_ok, actor2_ok = actors_ok(gold, p, country, same)
    checks: dict[str, bool | None] = {
        "event_type": None if gold.event_type is None else predicted_type(gold, pred) == gold.event_type,
        "sub_event_type": None if gold.sub_event_type is None else p.get("sub_event_type") == gold.sub_event_type,
        "actor1": actor1_ok,
        "actor2": actor2_ok,
        "inter1": None if gold.inter1 is None else p.get("inter1") == gold.inter1,
        **km_checks(d),
        "admin1": admin_ok,
        "admin1_or_spelling": None if admin_ok is None else admin_ok or spelling,
        **fatality_checks(gold.fatalities, p.get("fatalities")),
        "event_date": date_ok(gold, p),
    }
    labels = {"event_type": (gold.event_type, predicted_type(gold, pred))} if gold.event_type else {}
    if gold.sub_event_type:
        labels["sub_event_type"] = (gold.sub_event_type, p.get("sub_event_type") or NO_EVENT)
    return Row(0, gold, pred, checks if pred is not None else missed(checks), labels, d)


def fatality_checks(gold: int | None, predicted: int | None) -> dict[str, bool | None]:
    if gold is None:
        return {"fatalities": None, "fatalities_10pct": None, "fatalities_10pct_pos": None}
    return {"fatalities": predicted == gold,
            "fatalities_10pct": within_pct(predicted, gold),
            "fatalities_10pct_pos": within_pct(predicted, gold) if gold > 0 else None}
