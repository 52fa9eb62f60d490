"""Who acted on whom: actor roles from the dependency parse around a trigger.

An actor is the agent when it is the subject of the trigger (or of the verb the trigger
noun hangs from: "HTS launched an attack"), follows "by" ("airstrikes by Russian forces",
"were killed by gunmen") or owns it ("Russia's strike"). It is the target when it is the
object, follows "on/against/with/at/targeting", or is the passive subject ("soldiers were
killed"). What the parse leaves open falls back to the order of mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, ActorMention

AGENT, TARGET, OTHER = "agent", "target", "other"
TARGET_PREPS = frozenset({"on", "against", "with", "at", "targeting", "upon", "into", "in"})
ACT_NOUNS = frozenset({"attack", "assault", "raid", "ambush", "strike", "airstrike", "bombing", "shelling",
                       "offensive", "operation", "gunfire", "fire", "attacks", "incursion", "massacre"})
MUTUAL = frozenset({"clash", "fight", "fighting", "battle", "firefight", "gunfight", "skirmish", "exchange",
                    "crossfire", "shootout", "confrontation"})  # acts of two sides on each other
# Civilians named as killed or hurt ("1 civilian was killed", "three people were wounded"):
# what makes civilians a strike's Actor 2 (codebook 1.5: damage to civilian objects alone does not).
_PEOPLE = (r"(?:civilians?|(?:a |an |one |two |three |\d+ )?(?:(?:\d+[- ]years?[- ]old )?(?:wom[ae]n|m[ae]n|"
           r"child(?:ren)?|girls?|boys?|persons?|people|residents?|villagers?)))")
# "three people were killed", "2 civilians got wounded", "killing 1 child", "wounding a 15 year-old girl"
CIVILIANS_HURT = re.compile(rf"\b{_PEOPLE}\s+(?:was |were |had been |got |were left |was left )?"
                            rf"(?:killed|injured|wounded|died|hurt)\b|"
                            rf"\b(?:killing|injuring|wounding|maiming|hurting|killed|injured|wounded|maimed)\s+(?:at least |another |\w+ other )?{_PEOPLE}",
                            re.I)
LABEL_WORDS = 8  # tokens of the longest note label, "Non-violent transfer of territory:", and some
HOST_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "wage", "begin", "start", "continue",
                        "lead", "claim", "intensify", "step", "unleash", "fire"})


@dataclass
class Roles:
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)


def mention_root(doc: Any, mention: ActorMention) -> Any:
    """The mention's head token. When the parse splits a name ("IS Sahel militants" with "IS"
    read as an auxiliary), the last noun hanging outside the mention heads it."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    nouns = [t for t in outside if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if len(outside) > 1 and nouns else span.root


# People a group is made of: "four members of the CV", "a suicide bomber from Al Shabaab"
PEOPLE_OF = frozenset({"member", "fighter", "militant", "element", "bomber", "mercenary", "gunman", "cadre",
                       "operative", "combatant", "trafficker", "supporter", "commander", "leader", "unit",
                       "squad", "cell", "detachment", "militiaman", "gunmen", "militiamen", "man", "men",
                       "force", "command", "division", "brigade", "battalion", "regiment", "contingent", "patrol",
                       "convoy", "team", "column", "sergeant", "officer", "captain", "lieutenant", "corporal",
                       "soldier", "personnel", "bodyguard", "guard"})  # "the combined force of KIA and Katha PDF", "the Coast Guard Command of
                                           # the Turkish army"


def _group_of(root: Any) -> Any:
    """The people the group is named as the source of act in its place ("members of X" -> members)."""
    for _ in range(2):
        prep = root.head
        if not (root.dep_ == "pobj" and prep.lower_ in ("of", "from") and prep.head is not prep):
            break
        owner = prep.head
        if owner.pos_ not in ("NOUN", "PROPN") or owner.lemma_.lower() not in PEOPLE_OF:
            break
        root = owner
    return root


def role_of(root: Any, trigger_head: Any) -> str:
    """AGENT, TARGET or OTHER for a mention whose syntactic head is ``root``."""
    root = _group_of(root)
    verb = _host_verb(trigger_head)
    between = _between(root, trigger_head)
    if between is not None:
        return between
    while root.dep_ in ("conj", "compound", "amod", "nmod", "appos") and root.head is not root:
        root = root.head
    head = root.head
    if root.dep_ in ("nsubj",) and head in (trigger_head, verb):
        return AGENT
    if root.dep_ == "poss" and head in (trigger_head, verb):
        return AGENT
    if root.dep_ == "pobj" and head.lower_ == "by" and head.dep_ != "agent" and head.head in _near(trigger_head):
        return AGENT  # "airstrikes by Russian forces", also when "by" hangs from the noun above
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head in _near(trigger_head):
        return AGENT
    if root.dep_ == "pobj" and head.lower_ == "by" and _act_by(head.head, trigger_head):
        return AGENT
    if root.dep_ == "pobj" and _blames(head):
        return AGENT
    if root.dep_ in ("nsubjpass", "dobj", "obj") and head in (trigger_head, verb):
        return TARGET
    if root.dep_ == "pobj" and head.lower_ in TARGET_PREPS and head.head in (trigger_head, verb):
        return TARGET
    if root.dep_ == "dobj" and head.lower_ == "targeting":
        return TARGET
    return OTHER


def _act_by(owner: Any, trigger_head: Any) -> bool:
    """"bombs planted by the Taliban killed ...", "killed following an attack by Taliban militants":
    the one who planted the weapon, or whose attack it was, acted."""
    if owner.dep_ == "acl" and owner.head == trigger_head:
        return True
    return owner.lemma_.lower() in ACT_NOUNS and owner.pos_ == "NOUN"


def _between(root: Any, trigger_head: Any) -> str | None:
    """"clashes between A and B", "fighting broke out between A and B": A is named first and
    acts, B is the other side (ACLED lists both; the order is the text's)."""
    first = root
    while first.dep_ in ("compound", "amod", "nmod") and first.head is not first:
        first = first.head
    second = first.dep_ == "conj"
    if second:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "between":
        return None
    if prep.head not in (trigger_head, _host_verb(trigger_head), trigger_head.head):
        return None
    return TARGET if second else AGENT


def _blames(prep: Any) -> bool:
    """"blamed on X", "attributed to X", "fired from X positions": X did it."""
    verb = prep.head.lemma_
    return ((prep.lower_ == "on" and verb == "blame") or (prep.lower_ == "to" and verb == "attribute")
            or (prep.lower_ == "from" and verb in ("fire", "launch")))


def _host_verb(trigger_head: Any) -> Any:
    """The verb a nominal trigger depends on ("launched an attack", "seized ... during an
    assault"), else the trigger itself."""
    if trigger_head.pos_ not in ("NOUN", "PROPN"):
        return trigger_head
    token = trigger_head
    for _ in range(3):
        if token.dep_ not in ("dobj", "pobj", "prep", "obj", "attr") or token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return trigger_head


def _past_label(trigger_head: Any) -> Any:
    """"Looting: militants seized ...", "Property destruction: the military burned ...": a label
    before a colon names the act its sentence's verb tells, so roles are read around that verb."""
    doc, sent = trigger_head.doc, trigger_head.sent
    # a label opens its sentence and ends at a colon within its first words: "Looting:",
    # "Non-violent activity:", "Movement of forces:"
    colon = next((t.i for t in doc[sent.start:min(sent.end, sent.start + LABEL_WORDS + 1)] if t.text == ":"), None)
    if colon is None or not sent.start <= trigger_head.i < colon:
        return trigger_head
    if trigger_head.head is not trigger_head and trigger_head.head.pos_ in ("VERB", "AUX") \
            and trigger_head.head.i > colon:
        return trigger_head.head  # "Looting" hangs from the verb: "Looting: ... militants seized ..."
    # the label heads the sentence: the verb of the phrase after it
    return next((t for t in doc[colon + 1:sent.end] if t.pos_ == "VERB" and t.dep_ in ("ROOT", "acl", "relcl", "conj",
                                                                                     "ccomp", "parataxis")),
                trigger_head)


def _near(trigger_head: Any) -> set:
    """The trigger, its host verb and the noun it hangs from ("an escalation in airstrikes by X")."""
    near = {trigger_head, _host_verb(trigger_head), trigger_head.head}
    near.update(c for c in trigger_head.children if c.dep_ == "conj")  # "shot and killed by X"
    if trigger_head.dep_ == "pobj" and trigger_head.head.dep_ == "prep":
        near.add(trigger_head.head.head)
    return near


def assign_roles(doc: Any, trigger_head: Any, mentions: list[ActorMention],
                 victims: tuple[int, int] | None = None) -> Roles:
    """actor1/actor2 and their associates for one trigger among the sentence's actor mentions.

    ``victims`` is the character range of the toll phrase ("dozens of soldiers ... died"): the
    actors named there were acted on, whatever the parse says.
    """
    trigger_head = _past_label(trigger_head)
    agents, targets, others, hurt = [], [], [], []
    for m in mentions:
        root = mention_root(doc, m)
        role = role_of(root, trigger_head) if root is not None else OTHER
        if victims and victims[0] <= m.span.start < victims[1] and role != TARGET:
            hurt.append(m)
            continue
        {AGENT: agents, TARGET: targets, OTHER: others}[role].append(m)
    agents, targets = _fill(agents, targets or hurt, others, trigger_head.idx)
    agents, targets = _two_sides(agents, targets, trigger_head)
    named = [m.actor for m in mentions]
    roles = Roles()
    _set_side(roles, 1, [m.actor for m in agents], named)
    targets = _allies_join(roles, targets)
    _set_side(roles, 2, [m.actor for m in targets if m.actor != roles.actor1], named)
    if roles.actor2 is None and _own_kind(doc, trigger_head, agents, targets):
        roles.actor2 = roles.actor1
    return roles


OWN_KIND = re.compile(r"\b(?:between|among(?:st)?|rival|each other|one another|two (?:\w+ ){0,2}(?:groups|gangs|"
                      r"militias|factions|clans|tribes|sides))\b", re.I)


def _own_kind(doc: Any, trigger_head: Any, agents: list, targets: list) -> bool:
    """"a shoot-out between unknown shooters", "two tribal militias clashed", "rival gangs fought":
    an unnamed group fought its own kind, so ACLED names it on both sides."""
    sides = {m.actor for m in agents + targets}
    if len(sides) != 1 or trigger_head.lemma_.lower() not in MUTUAL | {"shoot", "clash", "exchange"}:
        return False
    actor = next(iter(sides))
    if actor.registered or actor.inter not in (2, 3, 4):
        return False
    sentence = trigger_head.sent
    return OWN_KIND.search(sentence.text) is not None


def _two_sides(agents: list, targets: list, trigger_head: Any) -> tuple[list, list]:
    """"A and B clashed", "clashes between Russian and Ukrainian forces": in a clash two named
    sides are opponents, not allies; the first named is actor1, the next actor2."""
    sides = [m for i, m in enumerate(agents) if m.actor not in {a.actor for a in agents[:i]}]
    if targets or len(sides) < 2 or trigger_head.lemma_.lower() not in MUTUAL:
        return agents, targets
    if sides[1].actor.side == sides[0].actor.name or sides[0].actor.side == sides[1].actor.name:
        return agents, targets  # "HTS and its allies clashed with ...": allies stay together
    return [sides[0]], [sides[1]]


def _allies_join(roles: Roles, targets: list) -> list:
    """"The military and Pyu Saw Htee members burned houses": a group that fights for Actor 1
    stands beside it, whatever the parse made of it; the other targets are returned."""
    if roles.actor1 is None:
        return targets
    allies = [m for m in targets if m.actor.side == roles.actor1.name]
    for m in allies:
        if m.actor not in roles.assoc_actor_1:
            roles.assoc_actor_1.append(m.actor)
    return [m for m in targets if m not in allies]


def _leader(actor: Actor, named: list[Actor]) -> Actor:
    """"HTS and its allies": an ally whose leader is named in the sentence yields to the leader."""
    if actor.side:
        leader = next((a for a in named if a.name == actor.side), None)
        if leader is not None:
            return leader
    return actor


def _fill(agents: list, targets: list, others: list, trigger_at: int) -> tuple[list, list]:
    """Mentions the parse left open: the nearest before the trigger acts, the first after it is acted on."""
    others = [m for m in others if m.actor not in {a.actor for a in agents + targets}]
    if not agents:
        before = [m for m in others if m.span.start < trigger_at and m.actor.inter != 7]
        if before:
            agents = [before[-1]]
            others.remove(before[-1])
    if not targets:
        rest = [m for m in others if m.actor not in {a.actor for a in agents}]
        if rest:
            targets = [rest[0]]
    return agents, targets


def _set_side(roles: Roles, side: int, actors: list[Actor], named: list[Actor] | None = None) -> None:
    unique: list[Actor] = []
    for a in actors:
        if a not in unique:
            unique.append(a)
    if not unique:
        return
    main = _leader(unique[0], named or unique)
    assoc = [a for a in unique if a != main]
    if side == 1:
        roles.actor1, roles.assoc_actor_1 = main, assoc
    else:
        roles.actor2, roles.assoc_actor_2 = main, assoc
