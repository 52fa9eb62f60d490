"""Field-by-field comparison of one gold event with one predicted event record."""
from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from . import names
from .cases import Gold
from .metrics import km

# (gold name, predicted name, country) -> same actor? Injected so tests need no registry.
ActorMatch = Callable[[str, str, str | None], bool]


def registry_match() -> ActorMatch:
    """Alias-aware actor comparison through the actor registry, cached."""
    from ..extract.actors import get_registry

    registry = get_registry()

    @lru_cache(maxsize=65536)
    def same(a: str, b: str, country: str | None) -> bool:
        return registry.same_actor(a, b, country)

    return same


def actor_ok(alternatives: tuple[str, ...] | None, predicted: str | None, country: str | None,
             same: ActorMatch) -> bool | None:
    """Does the predicted actor match one of the gold names? None when gold has none coded.

    A gold name of 3+ characters also matches when the predicted name contains it from a
    word start, ignoring case ("Civilians" ~ "Civilians (Kenya)", "People's Defen" ~
    "People's Defence Force"): the rule of our hand-coded files.
    """
    if alternatives is None:
        return None
    if not alternatives:
        return predicted is None  # one-sided in gold: no second actor predicted
    if predicted is None:
        return False
    return any(_contains(predicted, a) or same(a, predicted, country) for a in alternatives)


def actors_ok(gold: Gold, pred: dict[str, Any], country: str | None,
              same: ActorMatch) -> tuple[bool | None, bool | None]:
    """(actor1 right, actor2 right). In a battle the two sides may come in either order: the
    codebook gives actor order no meaning outside violence against civilians, so a battle
    whose predicted sides are gold's two sides swapped is right on both; anything less is not.
    ``SITREP_ACTOR_ORDER=strict`` in the environment scores gold's order only (to report both)."""
    first = actor_ok(gold.actor1, pred.get("actor1"), country, same)
    second = actor_ok(gold.actor2, pred.get("actor2"), country, same)
    strict = os.environ.get("SITREP_ACTOR_ORDER", "").lower() == "strict"
    if not strict and gold.event_type == "Battles" and gold.actor1 and gold.actor2 and not (first and second):
        swapped = (actor_ok(gold.actor2, pred.get("actor1"), country, same)
                   and actor_ok(gold.actor1, pred.get("actor2"), country, same))
        if swapped:
            return True, True
    return first, second


def _contains(predicted: str, gold: str) -> bool:
    return len(gold) >= 3 and re.search(r"\b" + re.escape(gold), predicted, re.IGNORECASE) is not None


def distance_km(gold: Gold, pred: dict[str, Any]) -> float | None:
    """km from the gold point; None when gold has no point, inf when the prediction has none."""
    if gold.latitude is None or gold.longitude is None:
        return None
    if pred.get("latitude") is None or pred.get("longitude") is None:
        return math.inf
    return km(gold.latitude, gold.longitude, pred["latitude"], pred["longitude"])


def pred_date(pred: dict[str, Any]) -> dt.date | None:
    value = pred.get("event_date")
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def date_ok(gold: Gold, pred: dict[str, Any]) -> bool | None:
    """The predicted day equals gold's, or falls in gold's window when one is given."""
    day = pred_date(pred)
    if gold.event_date is None and gold.date_start is None:
        return None
    if day is None:
        return False
    if gold.date_start and gold.date_end:
        return gold.date_start <= day <= gold.date_end
    return day == gold.event_date


def admin1_check(gold: Gold, pred: dict[str, Any]) -> tuple[bool | None, bool]:
    """(admin1 equal after folding, mismatch that is only a spelling variant)."""
    if not gold.admin1:
        return None, False
    predicted = pred.get("admin1")
    if any(names.same_name(a, predicted) for a in gold.admin1):
        return True, False
    return False, any(names.spelling_variant(a, predicted) for a in gold.admin1)


def place_name_ok(gold: Gold, pred: dict[str, Any]) -> bool:
    """Same named place or same admin1, for when there are no coordinates to compare."""
    return (names.same_name(gold.location, pred.get("location"))
            or any(names.same_name(a, pred.get("admin1")) for a in gold.admin1))
