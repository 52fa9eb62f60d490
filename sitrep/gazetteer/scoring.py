"""Ranking same-named candidates: a population prior plus context evidence.

Scores are on a log10-population scale so the numbers read as "how many
orders of magnitude of population is this evidence worth".
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Place
from .context import GeoContext
from .grid import distance_km
from .normalize import light, normalize

COUNTRY_BONUS = 1.5  # a country outranks its same-named towns ...
COUNTRY_FLOOR = 6.0  # ... even a small country (population prior at least 1e6)
ADMIN1_BONUS = -0.5  # a bare name is a town before the area summed over its towns ("Washington")
ADMIN2_PENALTY = 0.3  # a district yields to a town of its name and size
CAPITAL_BONUS = 1.0  # news names capitals far more than their size says ("Washington")
SUPPLEMENT_BONUS = 1.0  # hand-curated conflict places
HARVEST_PENALTY = 0.5  # villages harvested from ACLED's train rows (population 0: prior 0.5)
FLAG_BONUS = (0.0, 0.4, 0.3)  # alternate / curated alias / canonical name
EXACT_BONUS = 0.5  # the query is the place's own spelling
KIND_BONUS = 2.0  # "X province" -> admin1, "X airport" -> spot, ...
COUNTRY_FOCUS = 5.0  # times the country's share of the article's focus
ADMIN1_STATED = 2.5  # "Nubl (Aleppo)", "Lebanon, Pennsylvania"
NEAR = ((25.0, 2.5), (100.0, 1.8), (300.0, 0.8))  # km from a co-mentioned place -> bonus


@dataclass(frozen=True)
class Candidate:
    """A place matched by name, with what ranking needs to know about it."""

    id: int
    place: Place
    cc: str
    kind: str  # country | admin1 | populated | spot
    anchor: int | None  # an admin1's seat city / a country's anchor city
    flag: int = 0  # how the matching key was derived (see build.py)


def prior(c: Candidate) -> float:
    """Context-free plausibility of a candidate."""
    base = math.log10(c.place.population + 10)
    if c.kind == "country":
        base = max(base, COUNTRY_FLOOR) + COUNTRY_BONUS
    elif c.kind == "admin1":
        base += ADMIN1_BONUS
    elif c.kind == "admin2":
        base -= ADMIN2_PENALTY
    if c.place.feature_code == "PPLC":
        base += CAPITAL_BONUS
    if c.place.source.startswith("ACLED"):
        base -= HARVEST_PENALTY  # below every GeoNames reading: only context picks it
    elif c.place.source != "GeoNames":
        base += SUPPLEMENT_BONUS  # hand-checked (places.yaml)
    return base + FLAG_BONUS[c.flag]


def score(c: Candidate, query: str, ctx: GeoContext | None, kind: str | None) -> float:
    total = prior(c)
    if light(query) == light(c.place.name):
        total += EXACT_BONUS
    if kind and c.kind == kind:
        total += KIND_BONUS
    if ctx is not None:
        total += _context(c, query, ctx)
    return total


def _context(c: Candidate, query: str, ctx: GeoContext) -> float:
    bonus = COUNTRY_FOCUS * ctx.share(c.place.iso3)
    if c.kind != "admin1" and _in_stated_admin1(c.place, query, ctx):
        bonus += ADMIN1_STATED
    return bonus + _proximity(c.place, ctx.places)


def _in_stated_admin1(place: Place, query: str, ctx: GeoContext) -> bool:
    """The place lies in an admin area the text states, and is not that area's
    own name ("Aleppo province" must not promote Aleppo city)."""
    if not place.admin1:
        return False
    area = normalize(place.admin1)
    query_key = normalize(query)
    return area in ctx.admin1_keys() and not (query_key == area or query_key.startswith(area + " "))


def _proximity(place: Place, others: list[Place]) -> float:
    """Bonus for lying near places the article already mentions."""
    near = [distance_km(place.latitude, place.longitude, o.latitude, o.longitude)
            for o in others if o.feature_code not in ("PCLI", "ADM1") and o.feature_class not in ("L", "T")
            and o != place]  # an area's or region's middle is not a place to be near
    if not near:
        return 0.0
    closest = min(near)
    return next((b for limit, b in NEAR if closest <= limit), 0.0)


def confidence(best: float, runner_up: float | None) -> float:
    """Logistic of the margin over the best alternative elsewhere (0.5 .. 1)."""
    if runner_up is None:
        return 0.95
    return round(1.0 / (1.0 + math.exp(-(best - runner_up))), 3)
