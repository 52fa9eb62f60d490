"""Hand-built stage objects for tests that need no model or gazetteer."""
from __future__ import annotations

import datetime as dt

from sitrep.model import Actor, Article, Claim, DateInfo, Fatalities, Place, PlaceMention, Span

HTS = Actor("Hayat Tahrir al-Sham", 2, "SY")
SYRIA = Actor("Military Forces of Syria", 1, "SY")
MILITIA = Actor("Pro-Iranian Militias (Syria)", 3, "SY")
CIVILIANS = Actor("Civilians (Syria)", 7, "SY", registered=False)
ALEPPO = Place("Aleppo", 36.2012, 37.1612, "Syria", "SYR", "Aleppo", "Jabal Saman", 170063, "P", "PPLA", 2098210)
AIRPORT = Place("Aleppo International Airport", 36.1807, 37.2244, "Syria", "SYR", "Aleppo", None, None, "S", "AIRP")
IDLIB = Place("Idlib", 35.9306, 36.6339, "Syria", "SYR", "Idlib", None, 169388, "P", "PPLA", 128840)


def article(text: str = "x" * 200, published: dt.date | None = dt.date(2024, 11, 28)) -> Article:
    return Article(id="a1", text=text, published=published, outlet="Test Wire", origin="test")


def mention(place: Place, start: int = 0, precision: int = 1, role: str = "location") -> PlaceMention:
    return PlaceMention(Span(place.name, start, start + len(place.name)), place, precision, role)


def toll(best: int, *, vague: bool = False, by_party: dict | None = None, note: str | None = None) -> Fatalities:
    return Fatalities(best, best, best, str(best), vague, by_party or {}, note=note)


def claim(sub: str = "Armed clash", *, start: int = 0, actor1: Actor | None = HTS, actor2: Actor | None = SYRIA,
          source: str | None = "SOHR", day: dt.date | None = None, place: Place | None = ALEPPO,
          fatalities: Fatalities | None = None, paragraph: int = 0) -> Claim:
    date = DateInfo(day, day, day, 1, "On Wednesday") if day else DateInfo()
    return Claim(
        article_id="a1", sub_event_type=sub, evidence=Span("sentence", start, start + 8), source=source,
        actor1=actor1, actor2=actor2, place=mention(place, start) if place else None,
        date=date, fatalities=fatalities, paragraph=paragraph, confidence=0.6,
    )
