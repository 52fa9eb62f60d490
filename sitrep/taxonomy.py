"""ACLED's event taxonomy: 6 event types, 25 sub-event types, in the codebook's hierarchy order.

The order of ``SUB_EVENT_TYPES`` is ACLED's table order; a lower index ranks higher when one
passage holds several tactics (ACLED codebook section 1.4).
"""
from __future__ import annotations

from typing import NamedTuple

BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
SD = "Strategic developments"

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"


class SubEventType(NamedTuple):
    name: str
    event_type: str
    disorder_type: str


SUB_EVENT_TYPES: tuple[SubEventType, ...] = (
    SubEventType("Government regains territory", BATTLES, POLITICAL_VIOLENCE),
    SubEventType("Non-state actor overtakes territory", BATTLES, POLITICAL_VIOLENCE),
    SubEventType("Armed clash", BATTLES, POLITICAL_VIOLENCE),
    SubEventType("Excessive force against protesters", PROTESTS, f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"),
    SubEventType("Protest with intervention", PROTESTS, DEMONSTRATIONS),
    SubEventType("Peaceful protest", PROTESTS, DEMONSTRATIONS),
    SubEventType("Violent demonstration", RIOTS, DEMONSTRATIONS),
    SubEventType("Mob violence", RIOTS, POLITICAL_VIOLENCE),
    SubEventType("Chemical weapon", ERV, POLITICAL_VIOLENCE),
    SubEventType("Air/drone strike", ERV, POLITICAL_VIOLENCE),
    SubEventType("Suicide bomb", ERV, POLITICAL_VIOLENCE),
    SubEventType("Shelling/artillery/missile attack", ERV, POLITICAL_VIOLENCE),
    SubEventType("Remote explosive/landmine/IED", ERV, POLITICAL_VIOLENCE),
    SubEventType("Grenade", ERV, POLITICAL_VIOLENCE),
    SubEventType("Sexual violence", VAC, POLITICAL_VIOLENCE),
    SubEventType("Attack", VAC, POLITICAL_VIOLENCE),
    SubEventType("Abduction/forced disappearance", VAC, POLITICAL_VIOLENCE),
    SubEventType("Agreement", SD, STRATEGIC),
    SubEventType("Arrests", SD, STRATEGIC),
    SubEventType("Change to group/activity", SD, STRATEGIC),
    SubEventType("Disrupted weapons use", SD, STRATEGIC),
    SubEventType("Headquarters or base established", SD, STRATEGIC),
    SubEventType("Looting/property destruction", SD, STRATEGIC),
    SubEventType("Non-violent transfer of territory", SD, STRATEGIC),
    SubEventType("Other", SD, STRATEGIC),
)

BY_NAME: dict[str, SubEventType] = {s.name: s for s in SUB_EVENT_TYPES}
RANK: dict[str, int] = {s.name: i for i, s in enumerate(SUB_EVENT_TYPES)}
EVENT_TYPES: tuple[str, ...] = (BATTLES, PROTESTS, RIOTS, ERV, VAC, SD)


def sub_event(name: str) -> SubEventType:
    """The sub-event type called ``name``; KeyError names the valid ones."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown sub-event type {name!r}; expected one of {sorted(BY_NAME)}") from None


def outranks(a: str, b: str) -> bool:
    """True when sub-event type ``a`` ranks above ``b`` in ACLED's hierarchy."""
    return RANK[a] < RANK[b]


INTER_NAMES: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two actor types, lowest first; X0 when one-sided."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
