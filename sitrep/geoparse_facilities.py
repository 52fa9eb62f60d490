"""Streets, buildings and venues: places the gazetteer does not list, found by their head word.

"Royal Street", "Brooklyn's Barclays Center", "the Palais des Nations in Geneva": a capitalised
name ending in a street or building word is a place the report names. GeoNames has few of
them, so the mention is placed at the town it lies in:
the town written with it ("Seoul's ...", "... in Geneva", "..., Dublin"), else the nearest
town the article names. It carries no GeoNames id, precision 2 (near that town's point) and
the role ``facility``, so the event location, which reads ``location`` mentions, keeps naming
towns. An article that names no town gives no facility mention: there is nothing to place it at.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .model import Place, PlaceMention, Span

STREET_WORDS = {"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "drive", "lane",
                "boulevard", "blvd", "blvd.", "parade", "highway"}
# Not "house" (the White House, Government House stand for who is in them), and "centre" and
# "hospital" only after a town's possessive ("Brooklyn's Barclays Center"): otherwise they are
# as often an organisation ("the Disease Information Center said"), and GeoVirus, unlike
# GeoWebNews, does not count them as places.
ORGANISATION_WORDS = {"center", "centre", "hospital"}
BUILDING_WORDS = {"stadium", "arena", "racecourse", "church", "chapel",
                  "basilica", "cathedral", "mosque", "temple", "castle", "palace", "theatre", "theater",
                  "prison", "jail", "airport", "airbase", "square", "bridge", "library", "museum", "tower",
                  "cottage", "furnaces", "plantation", "canal", "estate", "hall"}
HEAD_WORDS = STREET_WORDS | BUILDING_WORDS | ORGANISATION_WORDS
# Words that may sit inside a name between capitalised words ("Palais des Nations").
_INNER = {"of", "de", "des", "du", "la", "le", "'s", "’s", "&", "and"}
_MAX_TOKENS = 6
_NEAR_TOKENS = 4  # "... in Geneva", "..., Dublin": the town follows within this many tokens
_NEAR_CHARS = 400
_CONFIDENCE = 0.5


def add_facilities(doc: Any, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` with the facilities of a parsed article added. A facility overlapping a
    mention is left out: the place read inside its name ("Cavan" of "Cavan Town Hall") is
    kept, as GeoWebNews counts it."""
    towns = [m for m in mentions if _is_town(m)]
    if not towns:
        return mentions
    out: list[PlaceMention] = []
    placed: dict[str, Place] = {}  # a name placed once is the same facility further on
    for start, end in _spans(doc):
        start = _after_owner(doc, start, end, mentions)
        if start >= end:
            continue
        span = doc[start:end]
        if any(m.span.start < span.end_char and span.start_char < m.span.end for m in mentions + out):
            continue
        place = placed.get(span.text)
        if place is None:
            if doc[end - 1].lower_ in ORGANISATION_WORDS:
                town = _owner(doc, start, towns)
            else:
                town = _written_town(doc, start, end, towns) or _nearest(span.start_char, towns)
            if town is None:
                continue
            place = placed[span.text] = _facility_place(span.text, town.place)
        out.append(PlaceMention(Span(span.text, span.start_char, span.end_char), place, precision=2,
                                role="facility", confidence=_CONFIDENCE))
    return mentions + out


def _is_town(m: PlaceMention) -> bool:
    return m.role != "adjectival" and (m.place.feature_class == "P" or m.place.feature_code in ("ADM2", "ADM3"))


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _spans(doc: Any) -> list[tuple[int, int]]:
    """(start, end) token spans of facility names: a head word and the capitalised words before it."""
    found = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in HEAD_WORDS or not tok.text[:1].isupper():
            continue
        start = i
        while start > 0 and i - start + 1 < _MAX_TOKENS and not doc[start].is_sent_start:
            before = doc[start - 1]
            if _capitalised(before) and before.lower_ not in ("the", "a", "an"):
                start -= 1
            elif before.lower_ in _INNER and start - 2 >= 0 and _capitalised(doc[start - 2]):
                start -= 1
            else:
                break
        while start < i and (doc[start].lower_ in _INNER or doc[start].text in ("'s", "’s")):
            start += 1
        if start < i:
            found.append((start, i + 1))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(found), key=lambda se: (se[0], -se[1])):
        if not any(s < end and start < e for s, e in kept):
            kept.append((start, end))
    return kept


def _after_owner(doc: Any, start: int, end: int, mentions: list[PlaceMention]) -> int:
    """Where the name starts once a place's possessive is cut off its front: "Brooklyn's
    Barclays Center" -> "Barclays Center" (the name stays whole when the owner is no place:
    "St. Peter's Basilica")."""
    for k in range(start + 1, end - 1):
        if doc[k].text in ("'s", "’s") and end - k > 2 and any(m.span.end == doc[k].idx for m in mentions):
            return k + 1
    return start


def _written_town(doc: Any, start: int, end: int, towns: list[PlaceMention]) -> PlaceMention | None:
    """The town written with the facility: "Brooklyn's Barclays Center", "... in Geneva"."""
    hit = _owner(doc, start, towns)
    if hit is not None:
        return hit
    if end < len(doc) and doc[end].lower_ in ("in", "at", ",", "near", "on"):
        limit = doc[min(end + _NEAR_TOKENS, len(doc)) - 1]
        after = [m for m in towns if doc[end].idx < m.span.start <= limit.idx]
        if after:
            return min(after, key=lambda m: m.span.start)
    return None


def _owner(doc: Any, start: int, towns: list[PlaceMention]) -> PlaceMention | None:
    """The town whose possessive stands before the facility ("Seoul's Jamsil Stadium")."""
    if start >= 2 and doc[start - 1].text in ("'s", "’s"):
        return next((m for m in towns if m.span.end == doc[start - 1].idx), None)
    return None


def _nearest(offset: int, towns: list[PlaceMention]) -> PlaceMention | None:
    """The town named closest to the facility, if it is named near it (a few sentences)."""
    best = min(towns, key=lambda m: abs(m.span.start - offset), default=None)
    return best if best is not None and abs(best.span.start - offset) <= _NEAR_CHARS else None


def _facility_place(name: str, town: Place) -> Place:
    return replace(town, name=name, geonameid=None, feature_class="S", feature_code=None,
                   population=0, source=f"in {town.name} (the town named with it)")
