"""Geoparsing: every place a text names, resolved against the gazetteer.

The same code path picks an event's location (``sitrep.nlp.places``): spaCy's
entities and a gazetteer phrase scan give candidates, and the whole article's
context (countries it names, co-mentioned places, stated admin areas) ranks
same-named places.

    >>> from sitrep.geoparse import geoparse
    >>> [(m.span.text, m.place.name, m.role) for m in geoparse("Turkish forces shelled Afrin.")]
    [('Turkish', 'Turkey', 'adjectival'), ('Afrin', 'Afrin', 'location')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .model import PlaceMention

# Columns of a mention record, in the order the CSV and table writers use.
MENTION_FIELDS = ("article_id", "text", "start", "end", "name", "geonameid", "feature_class",
                  "feature_code", "country", "iso3", "admin1", "admin2", "latitude", "longitude",
                  "role", "precision", "confidence", "source")


class Geoparser:
    """Holds the spaCy model and the gazetteer; reuse one for many texts."""

    def __init__(self, nlp: Any = None, gazetteer: Any = None):
        from .gazetteer import get_gazetteer
        from .nlp import load_model

        self.nlp = nlp if nlp is not None else load_model()
        self.gazetteer = gazetteer if gazetteer is not None else get_gazetteer()

    def parse(self, text: str) -> list[PlaceMention]:
        """Place mentions of one text, sorted by offset."""
        from .nlp.places import find_place_mentions

        return find_place_mentions(self.nlp(text), self.gazetteer)

    def parse_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[list[PlaceMention]]:
        """Place mentions of each text, in input order (spaCy streams the batch)."""
        from .nlp.places import find_place_mentions

        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield find_place_mentions(doc, self.gazetteer)


_SHARED: list[Geoparser] = []


def geoparse(text: str) -> list[PlaceMention]:
    """Every place mention in ``text`` (a process-wide Geoparser is loaded on first use)."""
    if not _SHARED:
        _SHARED.append(Geoparser())
    return _SHARED[0].parse(text)


def mention_record(mention: PlaceMention, article_id: str | None = None) -> dict[str, Any]:
    """A flat record of one mention: the span, the resolved place, role and confidence."""
    place = mention.place
    return {
        "article_id": article_id, "text": mention.span.text, "start": mention.span.start,
        "end": mention.span.end, "name": place.name, "geonameid": place.geonameid,
        "feature_class": place.feature_class, "feature_code": place.feature_code,
        "country": place.country, "iso3": place.iso3, "admin1": place.admin1, "admin2": place.admin2,
        "latitude": round(place.latitude, 5), "longitude": round(place.longitude, 5),
        "role": mention.role, "precision": mention.precision, "confidence": mention.confidence,
        "source": place.source,
    }
