"""Is a text about political violence, protest or armed forces at all? An article-level signal.

Ordinary news uses the words of violence in other senses: a "three-run blast", "busy fighting
two apartment fires", "the equity regained the level", "deaths from swine flu", "set aside our
competitive battles". Sentence rules read each sentence alone and cannot see that the whole
report is about baseball, a market or an outbreak. This module counts the words that tell the
domain of conflict: the people who use force or protest (soldiers, militants, gunmen, police,
protesters), their weapons (rifles, bombs, artillery) and acts that have no everyday sense
(shelling, an ambush, a massacre). A long report with almost none of them is off topic: there
a trigger must bring its own evidence, a conflict word in its sentence or an armed or political
actor named there (``noevent.set_aside`` applies it).

Short texts (a few sentences: a wire brief, an ACLED note) are never judged off topic: one
sentence has too few words to tell its domain, and its trigger is all the evidence there is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# people who use force or protest; only as common nouns ("Army" in "Salvation Army" is a name). Not
# the police: they figure in every crime story, and arresting a burglar is no political event
FORCE_PEOPLE = frozenset({
    "soldier", "troop", "army", "military", "militant", "rebel", "insurgent", "militia", "militiaman", "gunman",
    "gunmen", "jihadist", "terrorist", "guerrilla", "guerrillas", "bandit", "paramilitary", "commando", "gendarme",
    "peacekeeper", "assailant", "attacker", "kidnapper", "abductor", "hitman",
    "sniper", "warlord", "extremist", "separatist", "combatant", "mercenary", "gang", "cartel", "raider", "rustler",
    "protester", "protestor", "demonstrator", "rioter", "mob", "marcher", "vigilante", "fighter", "airman",
    "marine", "battalion", "brigade", "regiment", "platoon", "infantry", "insurgency", "junta", "occupier",
})
WEAPONS = frozenset({
    "weapon", "gun", "rifle", "firearm", "pistol", "bomb", "explosive", "grenade", "missile", "rocket", "mortar",
    "artillery", "airstrike", "ammunition", "bullet", "gunfire", "ied", "landmine", "machete", "gunshot", "warplane",
    "gunship", "howitzer", "teargas", "baton",
})
# acts with no everyday sense: no one "shells" a market or "ambushes" a price. Not "kill": diseases,
# floods and accidents kill too
ACTS = frozenset({
    "killing", "bombing", "shelling", "ambush", "massacre", "riot", "rioting", "ceasefire", "truce", "hostage",
    "kidnapping", "abduction", "gunbattle", "firefight", "shootout", "beheading", "assassination", "lynching",
    "protest", "demonstration", "insurgency", "offensive", "airstrike", "crackdown", "clash", "uprising",
    "coup", "curfew", "rally", "sit-in", "march", "execution", "shoot", "murder", "stab", "picket", "banner",
    "placard", "slogan", "chant",
})
SHORT_TEXT = 4  # sentences, and
SHORT_WORDS = 120  # words: below either a text is never judged off topic (an ACLED note is under 100 words)
CUES_PER_SENTENCE = 0.1  # an article needs a conflict word in about one sentence in ten
MIN_CUES = 2


@dataclass(frozen=True)
class Relevance:
    """How much of a text speaks of conflict: its sentences and its conflict words."""

    sentences: int
    words: int
    cues: int

    @property
    def off_topic(self) -> bool:
        """A report long enough to judge, with too few conflict words for its length."""
        if self.sentences < SHORT_TEXT or self.words < SHORT_WORDS:
            return False
        return self.cues < max(MIN_CUES, CUES_PER_SENTENCE * self.sentences)


def is_cue(token: Any) -> bool:
    """A word of the conflict domain: forces, protesters, weapons, acts of violence."""
    if token.pos_ == "PROPN" or token.is_stop:
        return False  # "Army Corps of Engineers", "Rocket Lab", "March"
    lemma = token.lemma_.lower()
    if lemma in FORCE_PEOPLE or lemma in WEAPONS:
        return True
    if lemma == "demonstrate":  # "demonstrated in Dijon", not "demonstrates the influence"
        return token.pos_ == "VERB" and not any(c.dep_ in ("dobj", "ccomp") for c in token.children)
    return lemma in ACTS and token.pos_ in ("NOUN", "VERB")


def relevance(doc: Any) -> Relevance:
    """The relevance of a whole Doc, computed once and kept on it."""
    cached = doc.user_data.get("sitrep.relevance")
    if cached is not None:
        return cached
    found = Relevance(sum(1 for _ in doc.sents), sum(1 for t in doc if not t.is_punct and not t.is_space),
                      sum(1 for t in doc if is_cue(t)))
    doc.user_data["sitrep.relevance"] = found
    return found


def has_cue(span: Any) -> bool:
    """The sentence names a force, a protest, a weapon or an act of violence of its own."""
    return any(is_cue(t) for t in span)
