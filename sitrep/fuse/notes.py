"""A one-sentence summary of an event in ACLED's style ("On 27 November 2024, ...")."""
from __future__ import annotations

import datetime as dt

from ..model import Event

VERBS = {
    "Battles": "fought",
    "Explosions/Remote violence": "struck",
    "Violence against civilians": "attacked",
    "Protests": "protested",
    "Riots": "rioted",
}


def summarize(event: Event) -> str:
    """When, who, what, where, how many and according to whom, in one sentence."""
    return sentence(
        day=event.event_date, actor1=event.actor1.name if event.actor1 else None,
        sub_event_type=event.sub_event_type, actor2=event.actor2.name if event.actor2 else None,
        where=_where(event) if event.place else None, fatalities=event.fatalities, sources=event.sources)


def sentence(*, day: dt.date | None, actor1: str | None, sub_event_type: str, actor2: str | None,
             where: str | None, fatalities: int, sources: list[str]) -> str:
    """The summary from plain values, for events fused from stored records."""
    when = f"On {day:%-d %B %Y}, " if day else ""
    who = actor1 or "an unidentified actor"
    what = sub_event_type.lower()
    against = f" involving {actor2}" if actor2 else ""
    at = f" in {where}" if where else ""
    toll = f"; {fatalities} reported fatalities" if fatalities else ""
    said = f" (according to {', '.join(sources)})" if sources else ""
    return f"{when}{who}: {what}{against}{at}{toll}{said}."


def _where(event: Event) -> str:
    place = event.place.place
    return where_text(place.name, place.admin1, place.country)


def where_text(name: str, admin1: str | None, country: str | None) -> str:
    """"Aleppo, Syria" or "Afrin, Aleppo, Syria": the province only when it is not the place itself."""
    parts = [name]
    if admin1 and admin1 != name:
        parts.append(admin1)
    if country:
        parts.append(country)
    return ", ".join(parts)
