"""The sense a trigger word is used in, read from who does it and to what.

The words of violence have everyday senses that only their arguments tell apart: a virus or a
bad batch of liquor "kills", a pundit "blasts" an investigation, an executive "shoots down"
rumours, a fire crew "fights" fires, an equity "regains" a price level, bedrooms "occupy" a
floor, "deaths" come "from swine flu". An act of political violence needs a plausible doer
(people, a group, a force, a weapon) and a target of its kind (a place is taken, an aircraft
is shot down). ``other_sense`` answers with a short reason when the arguments say the word is
used in another sense, else None; ``noevent`` sets such triggers aside.

The word sets below are kinds of things (people, forces, weapons, places), not phrases of any
text: the checks read the parse, and an argument of unknown kind is given the benefit of the
doubt where the act is plain (no argument at all, a name, a pronoun).
"""
from __future__ import annotations

from typing import Any

from .relevance import ACTS, FORCE_PEOPLE, WEAPONS
from .triggers import GENERIC, TERRITORY, Trigger

# people and groups: who can attack, kill, fight or take a place
PEOPLE = frozenset({
    "man", "men", "woman", "women", "people", "person", "youth", "boy", "girl", "child", "villager", "resident",
    "herder", "herdsman", "herdsmen", "farmer", "member", "supporter", "group", "crowd", "force", "unit",
    "suspect", "individual", "assailant", "unknown", "local", "tribe", "tribesman", "clan", "faction", "side",
    "party", "government", "regime", "state", "country", "authority", "official", "officer", "agent", "guard",
    "security", "squad", "team", "student", "worker", "captor", "perpetrator", "killer", "murderer", "neighbour",
    "neighbor", "husband", "father", "son", "brother", "relative", "family", "colleague", "stranger", "driver",
    "leader", "commander", "chief", "group", "organisation", "organization", "movement", "coalition", "alliance",
    "wing", "cell", "network", "ally", "enemy", "opponent", "rival", "other", "one", "some", "many", "several",
    "all", "both", "none", "most", "few", "dozen", "hundred", "thousand", "mob", "gang", "police", "operative",
    "cadre", "activist", "follower", "loyalist", "partisan", "civilian", "citizen", "inhabitant", "peasant", "teen",
    "teenager", "thug", "goon", "hooligan", "fan", "personnel", "bedouin", "nomad", "pastoralist", "settler",
    "vigilante", "victim", "body", "corpse",
})
# what kills without being a doer: the acts and means of violence ("the blast killed", "fire from")
VIOLENT_MEANS = WEAPONS | ACTS | frozenset({
    "attack", "blast", "explosion", "fire", "shot", "shelling", "strike", "raid", "violence", "fighting", "clash",
    "bombardment", "operation", "offensive", "assault", "device", "mine", "shell", "drone", "aircraft", "plane",
    "jet", "helicopter", "tank", "vehicle", "car", "crossfire", "stampede", "beating", "torture", "wound",
    "injury", "gunshot", "stab", "knife", "rocket", "projectile", "stone", "rock", "ambush", "incident", "unrest",
    "riot", "war", "conflict", "hostility", "insurgency", "combat", "battle", "skirmish", "firing", "gunfire",
    "bullet", "round", "grenade", "airstrike", "missile", "bomb", "explosive", "execution", "massacre",
    "killing", "shooting", "bombing", "hanging", "lynching", "arson", "burn", "burning", "flame", "machete",
    "cause", "reason", "way", "what", "that", "which", "this", "it",
})
PLACES = frozenset({
    "town", "city", "village", "district", "capital", "region", "province", "county", "enclave", "stronghold",
    "garrison", "airport", "port", "base", "area", "neighbourhood", "neighborhood", "suburb", "hill", "island",
    "crossing", "control", "territory", "position", "post", "outpost", "checkpoint", "station", "headquarters",
    "camp", "site", "front", "frontier", "locality", "settlement", "municipality", "road", "highway", "bridge",
    "border", "valley", "mountain", "building", "compound", "palace", "parliament", "office", "ministry", "school",
    "university", "campus", "hospital", "mosque", "church", "temple", "field", "oilfield", "mine", "dam", "plant",
    "refinery", "zone", "land", "farm", "village", "sector", "quarter", "part", "most", "much", "some", "all",
    "street", "square", "plaza", "market", "house", "home", "property", "embassy", "consulate", "prison", "jail",
    "barracks", "facility", "installation", "ground", "line", "trench", "peak", "height", "ridge", "coast",
    "island", "strip", "bank", "city-state", "governorate", "state", "country", "nation", "province", "pocket",
    "bastion", "east", "west", "north", "south", "centre", "center", "outskirts", "edge", "forest", "park", "bush",
    "jungle", "desert", "river", "lake", "beach", "cinema", "theatre", "theater", "hotel", "restaurant", "stadium",
    "factory", "warehouse", "tower", "pipeline", "railway", "laboratory", "lab", "shop", "store", "residence",
    "premises", "hall", "council", "court", "courthouse", "assembly", "embassy", "port", "harbour", "harbor",
})
THINGS_TAKEN = frozenset({  # seized or captured things other than places, which classify reads (arms, property, people)
    "weapon", "arm", "ammunition", "cache", "vehicle", "tank", "equipment", "truck", "car", "boat", "drug", "money",
    "cattle", "livestock", "goods", "supply", "food", "aid", "fuel", "document", "power", "hostage", "prisoner",
    "soldier", "fighter", "militant", "rebel", "member", "man", "woman", "people", "person", "civilian", "leader",
    "commander", "journalist", "ship", "vessel", "plane", "aircraft", "helicopter", "drone", "convoy", "oil",
})
AIRBORNE = frozenset({"aircraft", "plane", "jet", "warplane", "helicopter", "drone", "uav", "missile", "rocket",
                      "projectile", "balloon", "bomber", "fighter", "chopper", "gunship", "airplane", "airliner",
                      "shell", "mortar", "satellite", "object", "aerial", "unmanned", "airborne", "craft"})
FIGHT_LEMMAS = frozenset({"fight", "fighting", "battle", "combat"})
KILL_LEMMAS = frozenset({"kill", "murder", "slaughter"})
DEATH_LEMMAS = frozenset({"die", "death", "dead", "toll", "casualty"})
CAUSE_PREPS = frozenset({"of", "from", "after", "following", "to"})  # "to": "due to"
# bodies that speak and decide, and what they say or decide: "blasted the commission's report"
SAID_OR_DECIDED = frozenset({"commission", "committee", "board", "agency", "department", "company", "firm", "media",
                             "administration", "report", "decision", "plan", "policy", "investigation", "ruling",
                             "remark", "comment", "statement", "proposal", "bill", "law", "move", "deal", "claim",
                             "budget", "speech", "idea", "critic", "verdict", "judgment", "judgement", "probe"})
# what is done to an agreement already in force: "violation of the ceasefire"
IN_FORCE = frozenset({"violation", "breach", "implementation", "terms", "collapse", "observance", "monitoring",
                      "respect", "enforcement", "provisions", "extension", "renewal"})
# what a weapon word modifies when the weapon is used: "rocket launchers", "mortar rounds"
WEAPON_PARTS = frozenset({"launcher", "system", "salvo", "barrage", "round", "battery", "unit", "team", "squad",
                          "position", "range", "piece", "crew", "maker", "factory", "cache", "depot", "store", "shard",
                          "fragment", "splinter", "debris", "remnant", "crater", "impact", "hit", "landing"})
MANNER = frozenset({"mistake", "accident", "error", "chance", "design"})  # "killed by mistake": how, not who
ANIMALS = frozenset({"bird", "chicken", "duck", "goose", "swan", "hog", "pig", "swine", "cow", "cattle", "sheep",
                     "goat",
                     "horse", "fish", "frog", "bee", "bat", "poultry", "turkey", "animal", "livestock", "dog", "cat",
                     "rat", "mosquito", "crow", "deer", "camel", "mullet", "whale", "dolphin", "seal", "wildlife",
                     "flock", "herd", "piglet", "hen", "fowl", "waterfowl"})
# who stops work in a strike, and over what: "ATC strikes", "a teachers' strike", "rail strikes"
LABOUR = frozenset({"worker", "staff", "union", "labour", "labor", "rail", "railway", "transport", "teacher", "doctor",
                    "nurse", "pilot", "employee", "wage", "pay", "atc", "controller", "driver", "miner", "docker",
                    "port", "airport", "airline", "public", "sector", "postal", "bus", "tube", "metro", "taxi"})


def other_sense(trigger: Trigger, head: Any) -> str | None:
    """Why the trigger word is used in a sense that is no act of violence, or None."""
    if trigger.kind == GENERIC:
        return _harmless_doer(head) or _harmless_cause(head) or _animals_dead(head) or _labour_strike(head)
    if trigger.kind == TERRITORY:
        return _not_a_place(trigger, head)
    if trigger.kind == "Armed clash":
        return _fight_against_things(head) or _quarrel(head)
    if trigger.kind == "Agreement":
        return _agreement_in_force(head)
    if trigger.rule in ("shelling", "explosive", "grenade", "air") and head.dep_ == "compound":
        return _weapon_as_name(head)
    if trigger.rule == "intercept" and head.lemma_.lower() == "shoot":
        return _shot_down_words(head)
    if trigger.rule == "explosive" and head.lemma_.lower() == "blast":
        return _blast_in_words(head)
    return None


def _kind_of(word: Any) -> str:
    """"doer", "means", "place", "named" or "thing": what kind of thing a noun names."""
    if word.pos_ in ("PRON", "PROPN", "NUM") or word.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"):
        return "named"
    if not word.is_sent_start and (word.is_upper or word.is_title) and len(word.text) > 1:
        return "named"  # a name the tagger took for a common noun: "the FARDC", "IS militants", "an Imbonerakure"
    lemma = word.lemma_.lower()
    if lemma in FORCE_PEOPLE or lemma in PEOPLE or lemma.endswith(("man", "men", "ist")) or (
            word.tag_ == "NNS" and word.lower_.endswith("ers")):  # "raiders", "kidnappers", "herders"
        return "doer"
    if lemma in VIOLENT_MEANS:
        return "means"
    if lemma in PLACES:
        return "place"
    return "thing"


def _subject(verb: Any) -> Any:
    """The doer of a verb: the "by" phrase of a passive, else its subject (or its head's, for a conjunct)."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def _harmless_doer(head: Any) -> str | None:
    """"H5N1 infection killed her", "poisoned liquor killed seventeen", "killed by the Marburg virus"."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in KILL_LEMMAS:
        return None
    doer = _subject(head)
    if doer is not None and doer.lower_ in ("that", "which") and head.dep_ == "relcl":
        doer = head.head  # "the outbreak that killed three people"
    if doer is None or doer.lower_ in ("who", "that", "which") or doer.lemma_.lower() in MANNER:
        return None
    if _kind_of(doer) != "thing" or any(_kind_of(c) in ("doer", "means") for c in doer.children
                                        if c.dep_ in ("compound", "conj")):
        return None
    return f"the killing is done by {doer.text!r}, no person, group or weapon: a death, not violence"


def _harmless_cause(head: Any) -> str | None:
    """"died of the ailment", "deaths from swine flu": a death whose named cause is no violence."""
    if head.lemma_.lower() not in DEATH_LEMMAS:
        return None
    preps = [c for c in head.children if c.dep_ == "prep"]
    preps += [p for c in head.children if c.dep_ == "acomp" and c.lower_ == "due"
              for p in c.children if p.dep_ == "prep"]
    if head.dep_ == "nsubj":  # "the death of the boy was due to bird flu"
        preps += [p for c in head.head.children if c.dep_ == "acomp" and c.lower_ == "due"
                  for p in c.children if p.dep_ in ("prep", "pcomp")]
    for prep in preps:
        if prep.lower_ not in CAUSE_PREPS:
            continue
        cause = next((c for c in prep.children if c.dep_ == "pobj"), None)
        verb = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        if cause is None and verb is not None:  # "died after contracting the virus"
            cause = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if cause is not None and cause.pos_ in ("NOUN", "PROPN") and _kind_of(cause) in ("thing", "named") \
                and cause.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC") and not cause.is_title:
            return f"the death is from {cause.text!r}, no act of violence"
    return None


def _animals_dead(head: Any) -> str | None:
    """"wild birds were found dead", "H5N1 in dead birds", "the death of 300 pigs": animals died."""
    lemma = head.lemma_.lower()
    if lemma not in DEATH_LEMMAS:
        return None
    if head.dep_ == "amod":
        dead = [head.head]
    elif lemma == "die" or head.dep_ in ("acomp", "oprd"):
        verb = head if lemma == "die" else head.head
        dead = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        dead = [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
    if dead and all(d.lemma_.lower() in ANIMALS for d in dead):
        return f"the dead are animals ({dead[0].text!r}): no violence against people"
    return None


def _criticised(word: Any) -> bool:
    """A person or an organisation, or what they said or decided: what can be "blasted" in words
    (not a town or a bridge, which can be blasted)."""
    if word.ent_type_ in ("PERSON", "ORG", "NORP") or word.lemma_.lower() in SAID_OR_DECIDED:
        return True
    return _kind_of(word) == "doer" and word.pos_ != "PROPN"


def _labour_strike(head: Any) -> str | None:
    """"ATC strikes do not cause disruption", "a teachers' strike": work stopped, not an attack."""
    if head.lemma_.lower() != "strike" or head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ in ("compound", "poss", "amod") and (child.lemma_.lower() in LABOUR
                                                           or _kind_of(child) == "doer"):
            return f"a strike by {child.text!r}: a stoppage of work, not an attack"
    return None


def _not_a_place(trigger: Trigger, head: Any) -> str | None:
    """"the equity regained the level", "bedrooms occupy the top floor", "captured on video",
    "capture methane": what is taken is no place, nor arms, property or people."""
    if head.pos_ != "VERB" or trigger.rule != "territory":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in ("video", "camera", "film", "tape")
                                                         for g in c.children) for c in head.children):
        return "captured on film: recorded, not taken"
    taken = next((c for c in head.children if c.dep_ == "dobj"), None)
    if taken is None:
        taken = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if taken is None or any(_takeable(w) for w in _with_of(taken)):
        return None
    return f"what is taken ({taken.text!r}) is no place, arms, property or people: another sense"


def _with_of(word: Any) -> list[Any]:
    """The word, what its "of" phrase names ("large quantities of weapons", "parts of the town") and
    the words listed with it ("seized mobile phones, cash, drugs and firearms")."""
    found = [word]
    for _ in range(12):
        more = [c for w in found for c in w.children if c.dep_ in ("conj", "appos") and c not in found]
        more += [p for w in found for prep in w.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj" and p not in found]
        if not more:
            break
        found += more
    return found


def _takeable(word: Any) -> bool:
    """A place, or what classify reads as taken besides places: arms, property, people."""
    lemma = word.lemma_.lower()
    if _kind_of(word) in ("named", "place", "doer") or lemma in THINGS_TAKEN or lemma in VIOLENT_MEANS:
        return True
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in PLACES for c in word.children)


def _fight_against_things(head: Any) -> str | None:
    """"fighting two apartment fires", "the fight against terrorism", "competitive battles":
    a fight whose opponent is a thing or a cause, not people or a force."""
    if head.lemma_.lower() not in FIGHT_LEMMAS:
        return None
    opponents = [c for c in head.children if c.dep_ == "dobj"]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("against", "with"):
            opponents += [c for c in prep.children if c.dep_ == "pobj"]
    if head.pos_ == "NOUN":
        opponents += [c for c in head.children if c.dep_ == "amod" and c.lemma_.lower() in ("competitive", "legal",
                                                                                             "political", "electoral")]
    if not opponents:
        return None
    if any(_kind_of(o) in ("named", "doer") and o.dep_ != "amod" for o in opponents):
        return None  # "fought the rebels", "clashes with police": people or a force
    return f"the fight is against {opponents[0].text!r}, a thing or a cause, not people or a force"


def _quarrel(head: Any) -> str | None:
    """"Kelly has clashed with Kushner": named persons at odds, not armed sides."""
    if head.pos_ != "VERB":
        return None
    subject = _subject(head)
    partners = [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "with"
                for p in prep.children if p.dep_ == "pobj"]
    if subject is None or not partners or subject.ent_type_ != "PERSON":
        return None
    if all(p.ent_type_ == "PERSON" for p in partners):
        return f"{subject.text!r} at odds with {partners[0].text!r}: a quarrel between persons, not a clash"
    return None


def _agreement_in_force(head: Any) -> str | None:
    """"a violation of the ceasefire", "despite the ceasefire", "the implementation of signed
    agreements": an agreement already in force is named, none is made."""
    if head.pos_ != "NOUN" or head.dep_ != "pobj":
        return None
    prep = head.head
    if prep.lower_ in ("despite", "under", "since"):
        return f"the agreement is named as in force ({prep.text} ...), not made"
    if prep.lower_ == "of" and prep.head.lemma_.lower() in IN_FORCE:
        return f"the {prep.head.text} of an agreement in force, not a new agreement"
    return None


def _weapon_as_name(head: Any) -> str | None:
    """"the common rocket frog", "a bomb shelter", "a rocket scientist": the weapon's name
    modifies a thing that is no weapon or act."""
    named = head.head
    if named.pos_ != "NOUN" or _kind_of(named) != "thing" or named.lemma_.lower() in WEAPON_PARTS:
        return None
    return f"{head.text!r} names a kind of {named.text!r}: no weapon used"


def _shot_down_words(head: Any) -> str | None:
    """"shot down rumours": only aircraft, drones and missiles are shot down."""
    if not any(c.dep_ == "prt" and c.lower_ == "down" for c in head.children):
        return None
    target = next((c for c in head.children if c.dep_ == "dobj"), None)
    if target is None or _kind_of(target) == "named" or any(
            w.lemma_.lower() in AIRBORNE for w in (target, *target.children)
            if w is target or w.dep_ in ("amod", "compound")):
        return None  # "an unmanned aerial vehicle", "a Russian-made jet"
    return f"what is shot down ({target.text!r}) is no aircraft or missile: a figure of speech"


def _blast_in_words(head: Any) -> str | None:
    """"blasted the FBI's investigation" (criticised), "a three-run blast" (a home run)."""
    if head.pos_ == "VERB":
        target = next((c for c in head.children if c.dep_ == "dobj"), None)
        if target is not None and any(_criticised(w) for w in (target, *target.children) if w.dep_ in ("dobj", "poss")):
            return f"{head.text!r} said of {target.text!r}: criticism, not an explosion"
        return None
    if any(c.dep_ in ("compound", "nummod") and c.lemma_.lower() in ("run", "homer", "shot") for c in head.children):
        return "a hit in a ball game, not an explosion"
    return None
