"""Which predicted event is compared with which gold event of the same text.

- ``primary``: every gold event of a text is compared with the text's first predicted event.
- ``best``: a one-to-one greedy assignment: all (gold, predicted) pairs sorted by
  ``closeness`` (place, then date, a small tie-break on type), best first, each event used
  once. Gold events left over (more gold rows than predicted events) get no prediction.
- ``same_event`` (article evaluation): only pairs with the same event type, the same place
  (within ``MATCH_KM``, or the same named place without coordinates) and the same day (or
  in the gold window) may match; the rest of the greedy is the same.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from .cases import Gold
from .compare import date_ok, distance_km, place_name_ok

Score = Callable[[Gold, dict[str, Any]], float | None]
MATCH_KM = 50.0  # same place for event matching; hand-coded coordinates are approximate
MODES = ("primary", "best")


def greedy(golds: Sequence[Gold], preds: Sequence[dict[str, Any]], score: Score) -> list[int | None]:
    """For each gold event, the index of its predicted event, or None; one-to-one."""
    pairs = [(s, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
             if (s := score(g, p)) is not None]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))  # ties: file order, so runs are stable
    chosen: list[int | None] = [None] * len(golds)
    used: set[int] = set()
    for _, gi, pi in pairs:
        if chosen[gi] is None and pi not in used:
            chosen[gi] = pi
            used.add(pi)
    return chosen


def primary(golds: Sequence[Gold], preds: Sequence[dict[str, Any]]) -> list[int | None]:
    return [0 if preds else None for _ in golds]


def assign(mode: str, golds: Sequence[Gold], preds: Sequence[dict[str, Any]]) -> list[int | None]:
    return primary(golds, preds) if mode == "primary" else greedy(golds, preds, closeness)


def closeness(gold: Gold, pred: dict[str, Any]) -> float:
    """Higher is closer: up to 1 for place, 1 for the date, 0.15 for type as a tie-break."""
    score = _place_score(gold, pred) + (1.0 if date_ok(gold, pred) else 0.0)
    score += 0.1 if gold.event_type and gold.event_type == pred.get("event_type") else 0.0
    score += 0.05 if gold.sub_event_type and gold.sub_event_type == pred.get("sub_event_type") else 0.0
    return score


def _place_score(gold: Gold, pred: dict[str, Any]) -> float:
    d = distance_km(gold, pred)
    if d is not None and math.isfinite(d):
        return max(0.0, 1.0 - d / 200.0)
    return 0.5 if place_name_ok(gold, pred) else 0.0


def same_event(gold: Gold, pred: dict[str, Any]) -> float | None:
    """Score when the prediction may be this gold event (type, place, day), else None."""
    if gold.event_type and pred.get("event_type") != gold.event_type:
        return None
    if date_ok(gold, pred) is False:
        return None
    d = distance_km(gold, pred)
    if not _near(gold, pred, d):
        return None
    exact_type = gold.sub_event_type is not None and pred.get("sub_event_type") == gold.sub_event_type
    return 2.0 * exact_type + (1.0 - d / MATCH_KM if d is not None and math.isfinite(d) else 0.5)


def _near(gold: Gold, pred: dict[str, Any], d: float | None) -> bool:
    if d is not None and math.isfinite(d):
        return d <= MATCH_KM
    if d is None and not (gold.location or gold.admin1):
        return True  # gold names no place: any place will do
    return place_name_ok(gold, pred)
