"""A one-sentence summary of an event in ACLED's style ("On 27 November 2024, ...")."""
from __future__ import annotations

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
    when = f"On {event.event_date:%-d %B %Y}, " if event.event_date else ""
    who = event.actor1.name if event.actor1 else "an unidentified actor"
    what = event.sub_event_type.lower()
    against = f" involving {event.actor2.name}" if event.actor2 else ""
    where = f" in {_where(event)}" if event.place else ""
    toll = f"; {event.fatalities} reported fatalities" if event.fatalities else ""
    said = f" (according to {', '.join(event.sources)})" if event.sources else ""
    return f"{when}{who}: {what}{against}{where}{toll}{said}."


def _where(event: Event) -> str:
    place = event.place.place
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(place.admin1)
    if place.country:
        parts.append(place.country)
    return ", ".join(parts)
