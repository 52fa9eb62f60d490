"""The fuse stage: claims about one event become one ``Event`` that lists every claim.

Within an article, claims merge when their event type matches and their actors, dates and
places do not contradict each other (a lead that names the place and a later paragraph that
gives the day and the toll describe one event). ACLED's rules then settle the fields: the
highest-ranked sub-event type, the most precise date and place, and the lowest credible toll.
"""
from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter
from collections.abc import Iterable

from ..model import Actor, Article, Claim, Event, Fatalities, PlaceMention
from ..taxonomy import BATTLES, BY_NAME, PROTESTS, RANK, RIOTS, SD, SUB_EVENT_TYPES


def fuse_article(article: Article, claims: Iterable[Claim]) -> list[Event]:
    """Events of one article, in the order their first claim appears."""
    groups: list[list[Claim]] = []
    for claim in claims:
        group = next((g for g in groups if _compatible(g, claim)), None)
        if group is None:
            groups.append([claim])
            continue
        if _competing_account(group, claim):
            claim.decided_by += ACCOUNT
        group.append(claim)
    events = [_event(article, g) for g in groups]
    return [e for e in events if _worth_keeping(e)]


def _event_type(claim: Claim) -> str:
    return BY_NAME[claim.sub_event_type].event_type


def _actors(claims: Iterable[Claim]) -> set[Actor]:
    return {a for c in claims for a in (c.actor1, c.actor2) if a is not None and a.inter != 7}


def _compatible(group: list[Claim], claim: Claim) -> bool:
    if _destruction_in_attack(group, claim):
        return True
    if _competing_account(group, claim):
        return True
    first = group[0]
    if _event_type(first) != _event_type(claim) and {_event_type(first), _event_type(claim)} != {PROTESTS, RIOTS} \
            and not _arrest_at_protest(group, claim):
        return False
    if _event_type(claim) == SD and first.sub_event_type != claim.sub_event_type:
        return False
    if not _dates_agree(group, claim) or not _places_agree(group, claim):
        return False
    if claim.distinct or any(c.aggregate != claim.aggregate for c in group):
        return False
    if _event_type(claim) == BATTLES:
        # Order carries no meaning in a battle: at most two sides between all claims.
        return _sides(_actors(group) | _actors([claim])) <= 2
    return all(_same_or_open(c.actor1, claim.actor1) and _same_or_open(c.actor2, claim.actor2) for c in group)


VIOLENT = frozenset({BATTLES, "Explosions/Remote violence", "Violence against civilians"})
ACCOUNT = "+account"  # marks a claim that tells another source's version of an event already told


def _competing_account(group: list[Claim], claim: Claim) -> bool:
    """"The military said it had struck a training camp of the PDF", right after witnesses told of
    the same jet bombing a village: the doer's own version of that act, with its own type and
    target, not a second event. It names no place of its own beyond the country, the same day,
    the same registered doer, in the same paragraph, and another source."""
    if _event_type(claim) not in VIOLENT or not all(_event_type(c) in VIOLENT for c in group):
        return False
    if claim.source is None or claim.source in {c.source for c in group} or claim.distinct:
        return False
    doer = claim.actor1
    if doer is None or not doer.registered or doer != group[0].actor1:
        return False
    own_place = claim.place is not None and claim.place.place.feature_code not in COUNTRY_CODES
    return (not own_place and any(c.paragraph == claim.paragraph for c in group)
            and claim.date.event_date is not None and claim.date.event_date == group[0].date.event_date)


def _first_hand(claims: list[Claim]) -> list[Claim]:
    """The claims that tell the event first-hand: a rival version decides neither type nor target."""
    return [c for c in claims if not c.decided_by.endswith(ACCOUNT)] or claims


COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})


def _destruction_in_attack(group: list[Claim], claim: Claim) -> bool:
    """Houses burned by the attackers of a village, the same day: one event (ACLED's hierarchy
    puts property destruction under the violence it came with)."""
    if claim.sub_event_type != "Looting/property destruction" or not any(_event_type(c) in VIOLENT for c in group):
        return False
    agents = {c.actor1 for c in group if c.actor1 is not None}
    same_agent = claim.actor1 is None or claim.actor1 in agents or not claim.actor1.registered
    return same_agent and _dates_agree(group, claim) and _places_agree(group, claim)


def _arrest_at_protest(group: list[Claim], claim: Claim) -> bool:
    """"Six activists were arrested by the police" after a protest is the protest's intervention."""
    kinds = {_event_type(c) for c in group} | {_event_type(claim)}
    subs = {c.sub_event_type for c in group} | {claim.sub_event_type}
    return kinds == {PROTESTS, SD} and subs - {s.name for s in SUB_EVENT_TYPES if s.event_type == PROTESTS} == {"Arrests"}


def _camp(actor: Actor) -> str:
    return "state" if actor.inter in (1, 8) else "non-state"


def _sides(actors: set[Actor]) -> int:
    """Distinct sides: allies count with the actor they fight for, and a generic actor
    ("soldiers", "militants") joins a named one of its camp."""
    names = {a.name for a in actors}
    leaders = {a.side if a.side in names else a.name for a in actors if a.registered}
    camps = {_camp(a) for a in actors if a.registered}
    generic_camps = {_camp(a) for a in actors if not a.registered} - camps
    return len(leaders) + len(generic_camps)


def _same_or_open(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a == b


def _dates_agree(group: list[Claim], claim: Claim) -> bool:
    day = claim.date.event_date
    return day is None or all(c.date.event_date in (None, day) for c in group)


def _places_agree(group: list[Claim], claim: Claim) -> bool:
    if claim.place is None:
        return True
    mine = (claim.place.place.iso3, claim.place.place.admin1)
    return all(c.place is None or (c.place.place.iso3, c.place.place.admin1) == mine for c in group)


def _deciding(claims: list[Claim]) -> Claim:
    """The claim whose type the event takes: ACLED's hierarchy, except that a demonstration that
    turns violent is a riot (the codebook's own example) unless protesters met lethal force."""
    kinds = {c.sub_event_type for c in claims}
    protest = any(_event_type(c) == PROTESTS for c in claims)
    if protest and "Mob violence" in kinds:  # rioting told beside a demonstration is the demonstration's
        for c in claims:
            if c.sub_event_type == "Mob violence":
                c.sub_event_type, c.decided_by = "Violent demonstration", c.decided_by + "+in-demonstration"
        kinds = {c.sub_event_type for c in claims}
    if "Violent demonstration" in kinds and "Excessive force against protesters" not in kinds:
        return next(c for c in claims if c.sub_event_type == "Violent demonstration")
    if "Arrests" in kinds and "Peaceful protest" in kinds:  # ACLED: arrests of protesters are an intervention
        for c in claims:
            if c.sub_event_type in ("Arrests", "Peaceful protest"):
                c.sub_event_type, c.decided_by = "Protest with intervention", c.decided_by + "+arrests"
    protests = [c for c in claims if _event_type(c) in (PROTESTS, RIOTS)]
    if protests:
        return min(protests, key=lambda c: RANK[c.sub_event_type])
    return min(_first_hand(claims), key=lambda c: RANK[c.sub_event_type])


def _event(article: Article, claims: list[Claim]) -> Event:
    top = _deciding(claims)
    kind = BY_NAME[top.sub_event_type]
    actor1, actor2 = _main_actors(top, claims)
    toll = _toll(claims, top.sub_event_type)
    dated = min(claims, key=lambda c: (c.date.time_precision or 9, c.date.event_date is None))
    place = _best_place(claims)
    event = Event(
        event_id=_event_id(article.id, top),
        article_ids=[article.id],
        claims=claims,
        event_date=dated.date.event_date, date_start=dated.date.date_start, date_end=dated.date.date_end,
        time_precision=dated.date.time_precision,
        disorder_type=kind.disorder_type, event_type=kind.event_type, sub_event_type=kind.name,
        actor1=actor1, assoc_actor_1=_assoc(claims, 1, {actor1, actor2}),
        actor2=actor2, assoc_actor_2=_assoc(claims, 2, {actor1, actor2}),
        civilian_targeting=any(c.civilian_targeting for c in claims) and kind.event_type != BATTLES,
        place=place, places=_all_places(claims),
        fatalities=toll.conservative, fatalities_low=toll.low, fatalities_best=toll.best,
        fatalities_high=toll.high, fatalities_by_party=toll.by_party, civilian_fatalities=toll.civilians,
        sources=_unique(c.source for c in claims if c.source),
        outlets=[article.outlet] if article.outlet else [],
        territory=[c.territory for c in claims if c.territory],
        displacement=[c.displacement for c in claims if c.displacement],
        notes="", confidence=_confidence(claims), aggregate=any(c.aggregate for c in claims),
        decided_by=top.decided_by, conflicting=toll.conflicting,
    )
    from .notes import summarize

    event.notes = summarize(event)
    return event


def _main_actors(top: Claim, claims: list[Claim]) -> tuple[Actor | None, Actor | None]:
    """actor1 from the deciding claim where it names one, else the most named agent."""
    agents = Counter(c.actor1 for c in claims if c.actor1 is not None)
    actor1 = top.actor1 or (agents.most_common(1)[0][0] if agents else None)
    # rioters may face rioters, gangs rival gangs; any other actor is not its own target
    targets = [c.actor2 for c in sorted(_first_hand(claims), key=lambda c: RANK[c.sub_event_type])
               if c.actor2 is not None and (c.actor2 != actor1 or _crowd_on_crowd(c))]
    if not targets and BY_NAME[top.sub_event_type].event_type == BATTLES:
        targets = [a for a in agents if a != actor1]
    return actor1, targets[0] if targets else None


def _crowd_on_crowd(claim: Claim) -> bool:
    """Two crowds fighting, an unnamed group fighting its own kind ("rival gangs clashed") or a
    counter-demonstration: the claim names the same actor on both sides on purpose."""
    if claim.actor2 is None:
        return False
    if claim.sub_event_type == "Mob violence" and claim.actor2.inter == 5:
        return True
    return claim.actor1 == claim.actor2 and not claim.actor2.registered and claim.actor2.inter in (2, 3, 4, 6)


def _assoc(claims: list[Claim], side: int, main: set) -> list[Actor]:
    found = [a for c in claims for a in (c.assoc_actor_1 if side == 1 else c.assoc_actor_2)]
    return [a for a in _unique(found) if a not in main]


def _unique(items: Iterable) -> list:
    out: list = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _best_place(claims: list[Claim]) -> PlaceMention | None:
    placed = [c.place for c in claims if c.place is not None]
    if not placed:
        return None
    return min(placed, key=lambda p: (p.precision, p.place.feature_class != "S", -p.place.population))


def _all_places(claims: list[Claim]) -> list[PlaceMention]:
    seen: dict[tuple[int, int], PlaceMention] = {}
    for c in claims:
        for p in [c.place, *c.places]:
            if p is not None:
                seen.setdefault((p.span.start, p.span.end), p)
    return sorted(seen.values(), key=lambda p: p.span.start)


class _Toll:
    """Tolls across claims: per source the most specific figure, then ACLED's lowest credible."""

    def __init__(self, claims: list[Claim]):
        stated = [(c.source or "", c.fatalities) for c in claims if c.fatalities is not None]
        counted = [(s, f) for s, f in stated if f.best > 0 or not f.note]
        per_source: dict[str, Fatalities] = {}
        for source, fat in counted:
            held = per_source.get(source)
            if held is None or _more_specific(fat, held):
                per_source[source] = fat
        figures = list(per_source.values())
        self.by_party: dict[str, int] = next((f.by_party for f in figures if f.by_party), {})
        self.conservative = min((f.low for f in figures), default=0)
        self.low = min((f.low for f in figures), default=None)
        self.high = max((f.high for f in figures), default=None)
        self.best = int(statistics.median_low([f.best for f in figures])) if figures else None
        civilians = [f.civilians for f in figures if f.civilians]
        self.civilians = max(civilians) if civilians else None
        self.conflicting = len({f.best for f in figures if not f.vague}) > 1

    def add(self, n: int) -> None:
        if self.low is None:
            return
        self.conservative += n
        self.low += n
        self.best = None if self.best is None else self.best + n
        self.high = None if self.high is None else self.high + n


def _more_specific(new: Fatalities, held: Fatalities) -> bool:
    """A stated number beats a vague one; a larger number from the same source is an update."""
    if held.vague != new.vague:
        return held.vague
    return new.best > held.best


def _toll(claims: list[Claim], sub_event_type: str) -> _Toll:
    toll = _Toll(claims)
    if sub_event_type == "Suicide bomb" and any(BOMBER_LEFT_OUT.search(t.text) for c in claims
                                                for t in [c.evidence, *c.more_evidence]):
        toll.add(1)  # ACLED counts the bomber; the report's figure left them out
    return toll


BOMBER_LEFT_OUT = re.compile(r"\b(?:not|n't)\s+includ\w*\s+the\s+(?:suicide\s+)?(?:bomber|attacker)|"
                             r"\bexcluding\s+the\s+(?:suicide\s+)?(?:bomber|attacker)", re.I)


def _confidence(claims: list[Claim]) -> float:
    best = max(c.confidence for c in claims)
    return round(min(1.0, best + 0.05 * (len(claims) - 1)), 2)


GENERIC_TYPES = frozenset({"Armed clash", "Attack"})
NATIONAL_ACTS = frozenset({"agreement", "coup", "group", "label"})  # "group": armed groups merging or formed;
# "label": an ACLED note's own label ("Security measures: ...") says an event was coded


def _worth_keeping(event: Event) -> bool:
    """An event with no actor, no toll and nothing else to say is a stray word, unless a specific
    act ("an IED exploded") happened at a named place: ACLED codes one-sided explosions too."""
    if event.displacement or event.territory:
        return True
    if event.actor1 is not None or event.actor2 is not None or event.fatalities > 0:
        return True
    if event.event_type in (PROTESTS, RIOTS):
        return True  # a demonstration is an event wherever it is told, named protesters or not
    if event.decided_by in NATIONAL_ACTS:
        return True  # a ceasefire signed, a coup, a merger: ACLED codes national acts even with no place told
    return event.sub_event_type not in GENERIC_TYPES and event.place is not None


def _event_id(article_id: str, top: Claim) -> str:
    key = f"{article_id}|{top.evidence.start}|{top.sub_event_type}"
    return "SR" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()
