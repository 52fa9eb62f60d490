"""Naming the ACLED sub-event type of what a sentence reports.

Triggers propose (``triggers.py``); this module decides with the roles and the context, and
applies ACLED's hierarchy where one sentence holds several tactics (codebook section 1.4):
a specific weapon names the act that a generic "attack" or "killed" also describes, a
capture outranks the clash it came from, and an air strike outranks shelling beside it.
Each ``Decision`` says which rule decided it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, ActorMention
from ..taxonomy import BY_NAME, ERV, RANK
from .roles import Roles, assign_roles
from .triggers import ADVANCE, DISPLACEMENT, GENERIC, PROTEST, TERRITORY, Trigger, find_triggers

MODALS = frozenset({"could", "may", "might", "would", "will", "should", "shall", "can", "'d", "must"})
IRREALIS = frozenset({"threaten", "plan", "aim", "intend", "warn", "seek", "vow", "fear", "prepare", "preempt",
                      "pre-empt", "prevent", "avoid", "deny", "call", "urge", "demand", "want", "hope", "propose"})
IRREALIS_MODS = frozenset({"potential", "possible", "planned", "future", "imminent", "feared", "expected", "proposed"})
DEATH_ONLY = frozenset({"death", "dead", "die", "casualty", "toll", "body"})
STATE = frozenset({1})
ARMED = frozenset({1, 2, 3, 4, 8})
INTERVENTION = re.compile(r"\b(tear ?gas|teargas|dispers|water cannon|baton|arrest|detain|rubber bullets|beat|clashed with police)", re.I)
LETHAL = re.compile(r"\b(live (?:ammunition|rounds|fire)|opened fire|shot dead|killed|killing|shot and killed|died)\b", re.I)
WEAPON_OBJECTS = re.compile(r"\b(weapons?|depots?|arms|ammunition|vehicles?|tanks?|equipment|supplies|cache)\b", re.I)
REGAIN_VERBS = frozenset({"recapture", "retake", "regain", "liberate"})
PEOPLE_WORDS = re.compile(r"\b(famil(?:y|ies)|people|residents|civilians|households|persons|individuals|"
                          r"villagers|inhabitants|children|women)\b", re.I)


@dataclass
class Decision:
    sub_event_type: str
    rule: str
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    generic: bool = False  # decided by a generic act ("attack", "killed"), not a specific one
    counts_dead: bool = True
    territory: str | None = None  # captured | advanced | withdrew | handed over
    displacement: bool = False
    distinct: bool = False


DISTINCT = frozenset({"also", "separately", "meanwhile", "elsewhere", "additionally"})


def classify_sentence(span: Any, actors: list[ActorMention], fatal: Any) -> list[Decision]:
    """The events one sentence reports, as decisions; empty when it reports none."""
    triggers = [t for t in find_triggers(span) if _realis(span.doc, t)]
    if not triggers:
        return []
    victims = _victims(span, fatal)
    if any(t.kind == PROTEST for t in triggers):
        return [_protest(span, triggers, actors, victims)]
    decisions = [d for t in _specific(triggers) if (d := _decide(span, t, actors, fatal, victims)) is not None]
    if not decisions:
        decisions = _generic(span, triggers, actors, fatal, victims)
    decisions = _hierarchy(decisions, span.text)
    for d, t in zip(decisions, triggers):
        d.distinct = _marked_distinct(span, t)
    return decisions


def _marked_distinct(span: Any, trigger: Trigger) -> bool:
    """"HTS also attacked ...", "Elsewhere, ...": the writer says this is another event."""
    if span[0].lower_ in DISTINCT or span.text.lower().startswith("in another"):
        return True
    head = trigger.head(span.doc)
    anchors = {head, head.head}
    return any(c.lower_ in DISTINCT and c.dep_ == "advmod" for a in anchors for c in a.children)


def _victims(span: Any, fatal: Any) -> tuple[int, int] | None:
    """The toll phrase as article offsets: who is named there died, and did not act."""
    if fatal is None:
        return None
    return span.start_char + fatal.start, span.start_char + fatal.end


def _realis(doc: Any, trigger: Trigger) -> bool:
    """False for acts that are only threatened, planned, feared or denied."""
    head = trigger.head(doc)
    chain = [head, *list(head.ancestors)[:3]]
    for token in chain:
        if any(c.dep_ == "neg" for c in token.children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return False
        if token is not head and token.lemma_ in IRREALIS:
            return False
    return not any(c.lower_ in IRREALIS_MODS for c in head.children)


def _specific(triggers: list[Trigger]) -> list[Trigger]:
    return [t for t in triggers if t.kind != GENERIC]


def _decide(span: Any, trigger: Trigger, actors: list[ActorMention], fatal: Any,
            victims: tuple[int, int] | None) -> Decision | None:
    roles = assign_roles(span.doc, trigger.head(span.doc), actors, victims)
    if trigger.kind == TERRITORY:
        return _territory(span, trigger, roles)
    if trigger.kind == ADVANCE:
        return _advance(trigger, roles)
    if trigger.kind == DISPLACEMENT:
        return _displacement(span, trigger, roles)
    if trigger.kind == "Arrests" and roles.actor1 is not None and roles.actor1.inter not in STATE:
        return _make("Abduction/forced disappearance", "arrest-by-non-state", roles)
    if trigger.kind in ("Abduction/forced disappearance", "Sexual violence", "Looting/property destruction") \
            and fatal is not None and fatal.best > 0:
        return _make("Attack", f"{trigger.rule}+killed", roles, civilians=True)
    decision = _make(trigger.kind, trigger.rule, roles)
    if BY_NAME[trigger.kind].event_type == ERV:
        decision.civilian_targeting = _targets_civilians(roles)
    return decision


def _make(sub_event_type: str, rule: str, roles: Roles, *, civilians: bool = False, **extra: Any) -> Decision:
    return Decision(sub_event_type, rule, roles.actor1, roles.assoc_actor_1, roles.actor2, roles.assoc_actor_2,
                    civilian_targeting=civilians or _targets_civilians(roles), **extra)


def _targets_civilians(roles: Roles) -> bool:
    return roles.actor2 is not None and roles.actor2.inter == 7


def _territory(span: Any, trigger: Trigger, roles: Roles) -> Decision | None:
    """A capture of places; seizing weapons or depots is part of a battle, not territory."""
    head = trigger.head(span.doc)
    objects = " ".join(t.text for c in head.children if c.dep_ in ("dobj", "obj", "attr") for t in c.subtree)
    if objects and WEAPON_OBJECTS.search(objects) and not re.search(r"\b(areas?|villages?|towns?|control)\b", objects):
        return None
    state = roles.actor1 is not None and roles.actor1.inter in STATE
    if state or (roles.actor1 is None and head.lemma_ in REGAIN_VERBS):
        return _make("Government regains territory", "territory-by-state", roles, territory="captured")
    return _make("Non-state actor overtakes territory", "territory-by-non-state", roles, territory="captured")


def _advance(trigger: Trigger, roles: Roles) -> Decision | None:
    if roles.actor1 is None or roles.actor1.inter not in ARMED:
        return None
    return _make("Armed clash", "advance", roles, territory="advanced", counts_dead=False)


def _displacement(span: Any, trigger: Trigger, roles: Roles) -> Decision | None:
    """People fleeing fighting: ACLED's Strategic developments / Other, with the numbers as data."""
    if not PEOPLE_WORDS.search(span.text):
        return None
    civilians = Roles()
    return _make("Other", f"{trigger.rule}-displacement", civilians, displacement=True, counts_dead=False)


def _protest(span: Any, triggers: list[Trigger], actors: list[ActorMention],
             victims: tuple[int, int] | None) -> Decision:
    """Protests: peaceful, dispersed, met with lethal force, or turned violent."""
    text = span.text
    first = next(t for t in triggers if t.kind == PROTEST)
    roles = assign_roles(span.doc, first.head(span.doc), actors, victims)
    if any(t.kind == "Violent demonstration" for t in triggers):
        return _make("Violent demonstration", "protest+riot", roles)
    if LETHAL.search(text):
        return _make("Excessive force against protesters", "protest+lethal-force", _swap_for_force(roles))
    if INTERVENTION.search(text):
        return _make("Protest with intervention", "protest+intervention", roles)
    return _make("Peaceful protest", "protest", roles)


def _swap_for_force(roles: Roles) -> Roles:
    """ACLED puts the force that fired on protesters first and the protesters second."""
    if roles.actor1 is not None and roles.actor1.inter == 6 and roles.actor2 is not None:
        return Roles(roles.actor2, roles.assoc_actor_2, roles.actor1, roles.assoc_actor_1)
    return roles


def _generic(span: Any, triggers: list[Trigger], actors: list[ActorMention], fatal: Any,
             victims: tuple[int, int] | None) -> list[Decision]:
    """Attack/killing words alone: civilian victims make it an Attack, armed ones a clash."""
    generic = [t for t in triggers if t.kind == GENERIC]
    acts = [t for t in generic if t.head(span.doc).lemma_ not in DEATH_ONLY]
    if not acts and fatal is None:
        return []
    trigger = (acts or generic)[0]
    roles = assign_roles(span.doc, trigger.head(span.doc), actors, victims)
    victims = (getattr(fatal, "victims", None) or "") if fatal is not None else ""
    if _civilian_victims(roles, victims):
        return [_make("Attack", f"{trigger.rule}-on-civilians", roles, civilians=True, generic=True)]
    if roles.actor1 is None and roles.actor2 is None and fatal is None:
        return []
    return [_make("Armed clash", f"{trigger.rule}-between-armed", roles, generic=True)]


CIVILIAN_VICTIMS = re.compile(r"\b(civilians?|villagers?|residents?|people|children|women|worshippers?|farmers?|"
                              r"students?|passengers?|persons?|men|boys|girls|family|families|traders?|miners?)\b", re.I)
ARMED_VICTIMS = re.compile(r"\b(soldiers?|troops?|fighters?|militants?|rebels?|officers?|police(?:men)?|servicemen|"
                           r"gunmen|insurgents?|militiamen|combatants?|members)\b", re.I)


def _civilian_victims(roles: Roles, victims: str) -> bool:
    if roles.actor2 is not None:
        return roles.actor2.inter == 7
    return bool(CIVILIAN_VICTIMS.search(victims)) and not ARMED_VICTIMS.search(victims)


def _hierarchy(decisions: list[Decision], text: str) -> list[Decision]:
    """One decision per act: E/RV tactics in a sentence collapse to the highest-ranked one, and
    "fighting" beside a strike is the same act unless it names an armed opponent of its own."""
    erv = [d for d in decisions if BY_NAME[d.sub_event_type].event_type == ERV]
    rest = [d for d in decisions if BY_NAME[d.sub_event_type].event_type != ERV]
    if erv:
        top = min(erv, key=lambda d: RANK[d.sub_event_type])
        top.actor1 = top.actor1 or next((d.actor1 for d in erv if d.actor1), None)
        top.actor2 = top.actor2 or next((d.actor2 for d in erv if d.actor2), None)
        if top.actor2 is None and CIVILIAN_OBJECTS.search(text):
            top.civilian_targeting = True
        rest = [d for d in rest if not _same_act(d, top)]
        rest.append(top)
    return _dedupe(rest)


CIVILIAN_OBJECTS = re.compile(r"\bcivilian (?:areas?|targets?|neighbou?rhoods?|homes?|infrastructure|objects?)|"
                              r"\bresidential (?:areas?|buildings?|neighbou?rhoods?)", re.I)


def _same_act(clash: Decision, strike: Decision) -> bool:
    if clash.sub_event_type != "Armed clash" or clash.territory:
        return False
    opponents = {a for a in (clash.actor1, clash.actor2) if a is not None and a.inter in ARMED}
    return not (opponents - {strike.actor1})


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    seen: set[tuple] = set()
    out = []
    for d in decisions:
        key = (d.sub_event_type, d.actor1, d.actor2)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
