"""Event triggers: words and phrases that report an act of ACLED's taxonomy.

Each rule names the sub-event type it proposes and the pattern (a subset of spaCy Matcher syntax, on
lemmas) that fires it. Rules propose; ``classify`` in ``claims.py`` decides with the actors and
the context (who acted on whom, civilians or combatants, state or non-state), and ACLED's
hierarchy settles sentences that hold several tactics.

Generic acts ("attack", "killed") carry the pseudo-type ``GENERIC``: the victims decide whether
they are an Armed clash or an Attack on civilians. Territory acts carry ``TERRITORY``: the
actor decides between Government regains territory and Non-state actor overtakes territory.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

GENERIC = "generic"
TERRITORY = "territory"
ADVANCE = "advance"
DISPLACEMENT = "displacement"
PROTEST = "protest"
INTERVENTION = "intervention"  # dispersing, dislodging: a protest told before met intervention


@dataclass(frozen=True)
class Trigger:
    rule: str
    kind: str  # a sub-event type name, or one of the pseudo-types above
    start: int  # token indices into the Doc
    end: int

    def head(self, doc: Any) -> Any:
        return doc[self.start:self.end].root


def L(*lemmas: str) -> dict:
    return {"LEMMA": {"IN": [lemma.lower() for lemma in lemmas]}}


def W(*words: str) -> dict:
    return {"LOWER": {"IN": list(words)}}


POSTS = {"LOWER": {"IN": ["base", "bases", "camp", "camps", "position", "positions", "outpost", "outposts"]}}  # "bases" lemmatises to "basis"
OPT_ADJ = {"POS": {"IN": ["ADJ", "NUM", "DET", "ADV"]}, "OP": "*"}
THINGS = {"POS": {"IN": ["ADJ", "NUM", "DET", "ADV", "NOUN", "PROPN", "PRON"]}, "OP": "*"}  # "set 29 houses on fire", "set it ablaze"

WAYS = ("road", "railway", "highway", "avenue", "street", "traffic", "bridge", "route", "entrance", "junction",
        "roundabout", "access", "circulation", "intersection", "crossroads")

# (rule name, kind, patterns)
RULES: list[tuple[str, str, list[list[dict]]]] = [
    ("chemical", "Chemical weapon", [
        [W("chemical"), L("weapon", "attack", "agent", "munition")],
        [W("chlorine", "sarin", "mustard"), L("gas", "attack", "bomb", "barrel", "shell")],
        [L("nerve"), L("agent")],
        # the agent itself names the weapon (codebook 1.3: chemical weapon ranks above the carrier)
        [W("sulphur", "sulfur"), W("mustard")],
        [W("mustard", "toxic", "poison", "poisonous"), L("gas")],
        [W("chlorine", "sarin", "tabun", "vx"), L("gas", "cylinder", "canister", "barrel", "bomb", "shell", "rocket")],
        [L("contain", "fill", "carry", "laden", "load"), {"LOWER": {"IN": ["with"]}, "OP": "?"}, OPT_ADJ,
         W("chlorine", "sarin", "mustard", "sulphur", "sulfur")],
    ]),
    ("suicide", "Suicide bomb", [
        [W("suicide"), {"OP": "?"}, L("bomber", "bombing", "attack", "attacker", "blast", "explosion", "vest", "bomb")],
        [L("blow"), L("himself", "herself", "themselves"), W("up")],
        [L("detonate", "explode"), W("himself", "herself", "themselves")],  # "the bomber detonated himself"
        [W("suicided", "suicidal"), L("bomber", "attacker")],
        [W("svbied", "svbieds", "svied", "svieds")],
    ]),
    ("air", "Air/drone strike", [
        [L("airstrike", "air-strike", "airstrikes", "warplane", "jet", "helicopter", "gunship", "bomber")],
        [W("air", "aerial", "drone", "uav"), L("strike", "raid", "attack", "bombardment", "bombing")],
        [W("air"), W("force"), L("bomb", "strike", "pound", "hit", "target")],
        [L("drone", "uav"), L("hit", "strike", "target", "kill", "attack", "bomb", "pound")],
        # the carrier named after the act: "a strike by a suspected U.S. drone", "raids by warplanes"
        [L("strike", "raid", "attack"), W("by"), {"POS": {"IN": ["DET", "ADJ", "VERB", "PROPN", "NOUN", "NUM"]}, "OP": "*"},
         L("drone", "warplane", "aircraft", "jet", "helicopter", "plane", "uav")],
        [W("drone", "uav"), W("-"), W("fired", "launched")],  # "drone-fired missiles"
        [L("drop"), OPT_ADJ, L("bomb", "barrel", "explosive")],  # "the aircraft dropped two bombs"
        [L("plane", "aircraft"), L("pound", "bomb", "strike", "hit", "target", "attack", "raid", "shell")],
        [W("airforce", "air-force")],
        [W("air"), W("force"), L("fire", "shell", "attack", "raid", "drop")],
        # "targeted with 3 Samad-3 drones": drones as the weapon an attack used
        [L("attack", "target", "strike", "hit", "bomb"), W("with"), THINGS, L("drone", "uav", "warplane")],
    ]),
    ("shelling", "Shelling/artillery/missile attack", [
        [L("shell", "shelling", "artillery", "mortar", "rocket", "missile", "howitzer", "barrage")],
        [W("rocket-propelled"), L("grenade")],
        [L("grenade"), L("launcher")],  # a launcher fires its grenades from afar (codebook: grenade launchers)
        [W("rpg", "rpgs")],
        [W("ballistic", "cruise"), L("missile")],
        # rocket and missile systems named for what they are ("fired Tochka-U", "Grad rockets", "BM-21")
        [W("grad", "tochka", "tochka-u", "iskander", "kalibr", "uragan", "smerch", "himars", "mlrs", "bm-21",
           "katyusha", "qassam", "tos-1", "kh-101", "onyx")],
        # "a mortar explosion": the blast is the shell's, not a planted device's
        [L("shell", "mortar", "rocket", "missile", "artillery"), L("explosion", "blast")],
    ]),
    ("explosive", "Remote explosive/landmine/IED", [
        [W("ied", "ieds", "vbied", "landmine", "landmines")],
        [W("roadside", "car", "truck", "motorcycle", "improvised", "magnetic"), L("bomb", "explosive", "device")],
        [L("explosive"), L("device")],
        [W("land"), L("mine")],
        [L("bomb"), L("explode", "detonate", "go")],
        [L("explosion", "blast")],
        [L("mine"), L("attack", "blast", "explosion", "strike")],
        [W("unexploded", "uxo", "leftover"), {"OP": "?"}, L("shell", "ordnance", "bomb", "device", "mortar", "munition",
                                                              "rocket", "grenade")],
        [L("blow"), W("up")],
        [W("with"), OPT_ADJ, W("mines", "landmines", "explosives", "dynamite")],  # "destroyed the tower with mines"
        [W("roadside", "car", "truck", "motorcycle", "improvised", "magnetic"), L("bombing")],
        # "remote-controlled explosives", "remotely detonated bomb"
        [W("remote", "remotely"), {"LOWER": {"IN": ["-"]}, "OP": "?"}, W("controlled", "detonated", "triggered",
                                                                         "control"), OPT_ADJ,
         L("explosive", "bomb", "device", "mine", "ied")],
        [W("remote-controlled", "remotely-detonated"), OPT_ADJ, L("explosive", "bomb", "device", "mine", "ied")],
        [W("remote"), L("explosive", "explosives")],  # "a remote explosive attack"
        [{"LEMMA": {"IN": ["bomb", "bombing"]}, "POS": {"IN": ["NOUN"]}}],  # "a bomb buried in a road"
    ]),
    ("grenade", "Grenade", [
        [L("grenade"), ],
        [L("grenade"), L("explosion", "blast")],  # "a grenade explosion" is a grenade's, not an IED's
    ]),
    ("sexual", "Sexual violence", [
        [L("rape", "gang-rape")],
        [W("raped", "rapes", "raping", "gang-raped")],  # the small model lemmatises "raped" to "rap"
        [W("sexual", "sexually"), L("violence", "assault", "abuse", "assault", "attack")],
    ]),
    ("abduct", "Abduction/forced disappearance", [
        [L("abduct", "kidnap", "abduction", "kidnapping")],
        [L("take", "hold"), W("hostage", "hostages")],
        [W("forcibly", "forced"), L("disappear", "disappearance")],
    ]),
    ("agreement", "Agreement", [
        [L("ceasefire", "truce", "armistice")],
        [W("cease-fire")],
        [W("peace", "ceasefire"), L("deal", "agreement", "accord", "talk", "pact")],
        [L("sign"), OPT_ADJ, L("agreement", "deal", "accord")],
        [W("prisoner", "prisoners", "hostage", "hostages"), L("exchange", "swap", "release")],
        [L("release"), OPT_ADJ, L("prisoner", "hostage", "detainee", "captive")],
        [L("exchange", "swap", "release"), W("of"), OPT_ADJ, W("prisoners", "hostages", "detainees", "captives")],
        [L("surrender")],
    ]),
    ("arrest", "Arrests", [
        [L("arrest", "detain", "apprehend", "detention")],
        [L("take"), W("into"), W("custody")],
    ]),
    ("intercept", "Disrupted weapons use", [
        [L("intercept", "defuse", "neutralise", "neutralize")],
        [L("shoot"), W("down")],
        [L("shoot"), OPT_ADJ, L("drone", "missile", "rocket", "uav"), W("down")],
        [L("foil", "thwart", "avert"), {"OP": "?"}, OPT_ADJ, L("attack", "plot", "attempt", "bid", "bombing", "blast")],
        [L("air"), L("defence", "defense"), L("destroy", "down", "shoot")],
        [L("weapon", "arm", "ammunition"), L("cache")],
        [L("cache"), W("of"), OPT_ADJ, L("arm", "weapon", "ammunition", "explosive")],
        # "an IED was recovered from a bus"
        [W("ied", "ieds", "bomb", "bombs", "device", "devices", "explosives", "landmine", "landmines", "grenade",
           "grenades"), {"OP": "?"}, {"OP": "?"}, W("was", "were"), W("found", "recovered", "discovered", "defused",
                                                                      "detected", "seized", "dismantled")],
        # a weapon found before it went off: "soldiers discovered and secured an IED"
        [L("discover", "find", "seize", "recover", "secure", "defuse", "dismantle", "disarm", "detect"), OPT_ADJ,
         {"LOWER": {"IN": ["improvised", "crude", "homemade", "home-made", "live"]}, "OP": "?"},
         W("ied", "ieds", "bomb", "bombs", "explosive", "explosives", "landmine", "landmines", "mine", "mines",
           "grenade", "grenades", "ordnance", "uxo")],
    ]),
    ("base", "Headquarters or base established", [
        [L("establish", "set", "build", "open"), {"OP": "?"}, OPT_ADJ, L("base", "headquarters", "outpost", "camp")],
        [L("operationalise", "operationalize", "inaugurate", "construct"), OPT_ADJ, {"LEMMA": {"IN": ["military", "army"]},
                                                                                 "OP": "?"}, L("base", "outpost")],
        # "turned the land into a military base"
        [L("turn", "transform", "convert"), {"OP": "*", "IS_PUNCT": False}, W("into"), OPT_ADJ,
         {"POS": {"IN": ["ADJ", "PROPN", "NOUN"]}, "OP": "*"}, L("base", "outpost", "headquarters")],
    ]),
    ("looting", "Looting/property destruction", [
        [L("loot", "plunder", "ransack", "pillage", "vandalise", "vandalize", "looting")],
        [L("torch", "burn", "raze", "demolish", "destroy", "damage"), {"LOWER": {"IN": ["down"]}, "OP": "?"}, OPT_ADJ,
         L("house", "home", "shop", "property", "village", "building", "market", "church", "mosque", "school", "office")],
        # "several shops were destroyed"
        [L("house", "home", "shop", "property", "building", "market", "church", "mosque", "school", "office"),
         W("were", "was"), W("destroyed", "burned", "burnt", "razed", "demolished", "torched", "damaged", "vandalized",
                              "vandalised", "looted")],
    ]),
    ("arson", "Looting/property destruction", [
        [L("set"), W("fire"), W("to")],
        [L("set"), THINGS, W("on"), W("fire")],
        [L("set"), THINGS, W("ablaze")],
        [L("demolish", "bulldoze")],
    ]),
    ("transfer", "Non-violent transfer of territory", [
        [L("withdraw", "pull", "retreat"), {"OP": "*", "IS_PUNCT": False}, W("without"), OPT_ADJ, L("fight", "resistance", "clash", "battle")],
        [L("hand"), W("over"), {"OP": "?"}, OPT_ADJ, L("control", "town", "city", "area")],
    ]),
    ("change", "Change to group/activity", [
        [L("patrol"), L("take"), W("place")],
        [L("conduct", "carry", "hold"), OPT_ADJ, L("patrol")],
        [W("patrolled")],
        [L("establish", "set", "erect", "install"), {"OP": "?"}, OPT_ADJ, L("checkpoint", "roadblock")],
        [L("deploy", "redeploy", "recruit", "mobilise", "mobilize", "reinforcement")],
        [L("defect", "defection")],
        [L("curfew")],  # imposed, extended, relaxed or lifted: a non-violent security measure (codebook 1.3)
        [L("impose", "reimpose", "enforce", "tighten"), OPT_ADJ, L("blockade", "closure", "lockdown", "cordon")],
        # a force handing its bases or camps to others as it leaves moves its forces; the place
        # stays with the same side's partners (taken by opponents: Non-violent transfer of territory)
        [L("hand"), W("over"), {"LOWER": {"IN": ["one", "some", "two", "three", "all", "most", "many", "several"]}, "OP": "?"},
         {"LOWER": {"IN": ["of"]}, "OP": "?"}, THINGS, POSTS],
        [W("flag"), L("march")],  # a show of force by troops or police, not a demonstration
        [L("put", "place", "keep"), W("on"), OPT_ADJ, L("alert")],
        [L("form", "launch", "announce"), OPT_ADJ, L("group", "militia", "brigade", "movement", "coalition")],
        [L("send", "dispatch"), THINGS, L("troop", "force", "soldier", "reinforcement", "unit", "contingent")],
        [L("withdrawal", "pullout", "deployment", "redeployment"), W("of")],
        [L("order", "impose", "extend", "lift"), OPT_ADJ, L("patrol", "curfew", "lockdown")],
        [L("troop", "peacekeeper", "contingent", "reinforcement"), L("arrive")],
    ]),
    # a group's own change: armed groups merging or a new one formed (codebook: Change to group/activity);
    # classify checks the groups are armed, not firms or parties
    ("group", "Change to group/activity", [
        [L("merge", "merger", "unification", "unify")],
        [L("formation", "creation"), W("of"), THINGS, L("group", "militia", "brigade", "movement", "coalition", "alliance",
                                                       "front", "faction", "organization", "organisation", "force")],
    ]),
    ("coup", "Other", [
        [L("coup")],
        [L("seize", "take", "grab", "assume"), W("power")],  # "the military has seized power"
        [L("dissolve", "suspend"), OPT_ADJ, L("government", "constitution", "parliament", "institution", "assembly",
                                             "senate", "cabinet")],
        [L("government", "constitution", "parliament"), W("had", "has", "was", "were"), {"LOWER": {"IN": ["been"]}, "OP": "?"},
         W("dissolved", "suspended", "overthrown", "toppled", "deposed")],
    ]),
    ("graves", "Other", [
        [L("grave", "skeleton")],
        [W("grave", "graves")],  # the small model lemmatises "graves" to "graf"
    ]),
    ("protest", PROTEST, [
        [L("protest", "protester", "protestor", "demonstrator", "demonstration", "demonstrate", "rally",
           "sit-in", "march", "marcher", "picket")],
        [W("sit"), W("-"), W("in", "ins")],  # the tokenizer splits "sit-in"
        # South Asian English names of protests: a dharna (sit-in), a gherao (encircling an official),
        # a "rasta roko"/"rail roko" (road or rail blockade), an agitation
        [L("dharna", "gherao", "roko", "agitation")],
        [L("go", "be"), W("on"), W("strike")],
        [W("general", "hunger", "labour", "labor", "national", "climate"), L("strike")],
        [L("hold", "stage", "call", "launch", "begin", "start"), OPT_ADJ, L("strike", "walkout", "boycott", "vigil")],
        [L("gather", "assemble", "congregate", "converge")],
        [L("form"), OPT_ADJ, L("chain")],
        [L("take"), W("to"), W("the"), W("streets", "street")],
        [W("with"), OPT_ADJ, L("banner", "placard")],
        # a blockade is a protest; burning tyres or stones beside it make it a riot (classify.RIOTING)
        [L("block", "cut", "occupy"), THINGS, L(*WAYS)],
        [L("block", "cut", "occupy"), THINGS, W("-"), THINGS, L(*WAYS)],  # "the Yerevan-Artashat highway"
        # "blocked (means not specified) the N12 road": an aside does not change the act
        [L("block", "cut", "occupy"), W("("), {"IS_PUNCT": False, "OP": "*"}, W(")"), THINGS, L(*WAYS)],
        [L("display", "hold", "carry", "raise", "wave"), OPT_ADJ, L("banner", "placard", "sign", "flag")],
        # "organised a sit in" without the hyphen
        [L("hold", "stage", "organize", "organise", "start", "begin", "end", "launch"), OPT_ADJ, W("sit"), W("in")],
    ]),
    # a road closed or a procession held are protests only with a demand told beside them
    # (classify.DEMO_CONTEXT): the police close roads too, and mourners walk in processions
    ("closure", PROTEST, [
        [L("close", "shut"), THINGS, L(*WAYS)],
        [L("close", "shut"), W("off", "down"), THINGS, L(*WAYS)],
        [L("procession", "motorcade", "caravan", "cavalcade")],
    ]),
    ("intervention", INTERVENTION, [
        [L("disperse", "dislodge", "intervene")],
        [L("fire"), W("tear"), W("gas")],
    ]),
    ("riot", "Violent demonstration", [
        [L("riot", "rioter", "rioting")],
        [L("burn", "burning"), L("tyre", "tire")],
        [L("hurl", "throw", "pelt"), {"OP": "?"}, L("stone", "rock", "petrol", "molotov", "brick", "bottle", "projectile")],
        [L("pelt"), THINGS, W("with"), OPT_ADJ, L("stone", "rock", "brick", "bottle", "egg", "projectile")],
        [L("barricade")],
    ]),
    ("mob", "Mob violence", [
        [L("mob", "lynch", "lynching", "vigilante")],
    ]),
    ("clash", "Armed clash", [
        [W("ground"), L("operation", "offensive", "assault", "incursion")],  # troops engaging on the ground
        [L("clash", "fight", "fighting", "battle", "firefight", "gunfight", "gunbattle", "skirmish", "ambush", "crossfire", "shootout",
           "combat", "counteroffensive", "counter-offensive", "counterattack", "repel", "repulse")],
        [L("exchange"), {"OP": "?"}, L("fire", "gunfire")],
        [W("gun"), L("battle")],
        [L("return"), W("fire")],  # an armed reply makes a one-sided strike a clash
        [L("fire", "shoot", "shell"), W("back")],
        [L("react", "respond", "retaliate"), W("with"), OPT_ADJ, W("gunfire", "fire")],
    ]),
    ("territory", TERRITORY, [
        [L("capture", "seize", "overrun", "recapture", "retake", "regain", "liberate", "conquer", "occupy")],
        [L("take", "gain", "assume", "wrest", "seize", "establish"), {"OP": "?"}, OPT_ADJ, L("control")],
        [L("take"), W("over")],
        [L("take"), W("back")],
        [W("retook", "retaken", "recaptured", "overran", "overrun")],  # the small model leaves these unlemmatised
        [L("take"), OPT_ADJ, L("village", "town", "city", "district", "base", "airport", "port", "garrison")],
        [L("fall"), W("to", "into")],
        # a group raising its flag over a place says it holds it ("raised the black flag over the compound")
        [L("raise", "hoist", "plant"), {"POS": {"IN": ["ADJ", "NUM", "DET", "PRON", "NOUN", "PROPN"]}, "OP": "*"},
         L("flag", "banner"), {"OP": "*", "IS_PUNCT": False}, W("over")],
    ]),
    ("expel", TERRITORY, [
        [L("drive", "chase", "flush", "push", "kick"), W("out")],
        [L("drive", "chase", "flush", "push", "kick"), THINGS, W("out")],
    ]),
    ("advance", ADVANCE, [
        [L("advance", "push", "press"), W("toward", "towards", "on", "into", "nearly", "deeper", "closer")],
        [L("advance")],
    ]),
    ("attack", GENERIC, [
        [L("attack", "assault", "raid", "offensive", "operation", "storm", "massacre", "strike", "incursion")],
        [L("kill", "murder", "execute", "behead", "slaughter", "shoot", "gun", "stab", "hack", "lynch", "wound", "injure",
           "torture", "assassinate", "flog", "whip")],
        [L("beat"), W("up")],  # not "beat the visitors 2-0"
        [L("beat"), OPT_ADJ, L("people", "resident", "man", "woman", "protester", "student", "villager", "civilian",
                               "journalist", "teacher", "worker", "trader", "driver", "him", "her", "them",
                               "he", "she", "they", "activist", "official", "prisoner", "detainee", "farmer", "youth",
                               "boy", "girl", "child", "supporter", "member")],  # "he", "she", "they": lemmas of the pronouns
        [L("open"), W("fire")],
        [L("fire"), W("at", "on", "upon", "towards", "toward", "into")],  # "fired at a navy camp"
        [L("fire"), OPT_ADJ, W("gunshots", "shots", "bullets", "rounds")],
        [L("death", "dead", "die", "casualty", "toll", "body")],
    ]),
    ("displacement", DISPLACEMENT, [
        [L("flee", "displace", "evacuate", "uproot", "displacement", "exodus", "evict", "eviction", "expel")],
    ]),
]


BUILDINGS = frozenset({"house", "home", "hut", "shop", "store", "property", "building", "market", "church", "mosque",
                       "temple", "school", "office", "clinic", "hospital", "warehouse", "compound", "residence",
                       "headquarters", "station", "village", "factory", "dwelling", "tower", "mast"})
FORCES = frozenset({"troop", "force", "soldier", "peacekeeper", "contingent", "army", "unit", "battalion", "brigade",
                    "column", "mission", "personnel", "militant", "fighter", "rebel", "militia", "police", "policeman"})
SETTLEMENTS = frozenset({"town", "city", "village", "district", "capital", "region", "province", "county", "enclave",
                         "stronghold", "garrison", "airport", "port", "base", "area", "neighbourhood", "neighborhood",
                         "suburb", "hill", "island", "crossing"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
SHELTER_WORDS = frozenset({"refugee", "displace", "displaced", "idp", "relief", "transit", "medical", "health", "aid",
                           "evacuee", "survivor", "homeless", "victim"})
# verbs whose sense needs a particle: "pulled out", "shipped out", "moved in"
PARTICLES = {"pull": {"out", "back", "away", "from"}, "ship": {"out"}, "move": {"out", "to"}, "set": {"up"}}

# Acts told by a verb and what it acts on, wherever the words stand in the sentence ("torched a
# government higher secondary school", "offices were ransacked and set on fire", "raised the black
# flag of ISIL - a Sunni group - over parts of the town"). Each row: rule, kind, the verb's lemmas,
# the argument's lemmas (or place entities), the argument's dependency labels, a preposition the
# verb must govern.
DEP_RULES: list[tuple[str, str, frozenset, frozenset, frozenset, str | None]] = [
    # destroying or looting buildings (codebook: Looting/property destruction, weapons excluded)
    ("destroy", "Looting/property destruction",
     frozenset({"torch", "burn", "raze", "demolish", "destroy", "ransack", "loot", "vandalise", "vandalize", "bulldoze",
                "plunder", "pillage", "gut", "firebomb", "damage", "wreck", "smash"}),
     BUILDINGS, frozenset({"dobj", "nsubjpass"}), None),
    # vehicles set alight or smashed: property destroyed ("youths burned two police vehicles")
    ("destroy", "Looting/property destruction",
     frozenset({"torch", "burn", "firebomb", "vandalise", "vandalize", "smash", "wreck"}),
     frozenset({"vehicle", "car", "bus", "truck", "lorry", "van", "motorcycle", "motorbike", "minibus", "tanker"}),
     frozenset({"dobj", "nsubjpass"}), None),
    # a base or camp set up, wherever the words stand ("established a new patrol base", "set up camps in buildings")
    ("base", "Headquarters or base established", frozenset({"establish", "build", "construct", "erect", "set"}),
     frozenset({"base", "basis", "camp", "headquarters", "outpost"}), frozenset({"dobj", "nsubjpass"}), None),
    # a flag raised over a place says the group holds it
    ("flag", TERRITORY, frozenset({"raise", "hoist", "plant"}), frozenset({"flag", "banner"}),
     frozenset({"dobj", "nsubjpass"}), "over"),
    # forces leaving a place, or moved in: a force movement (codebook: Change to group/activity)
    ("withdraw", "Change to group/activity",
     frozenset({"withdraw", "pull", "ship", "move", "redeploy", "relocate", "evacuate"}),
     FORCES, frozenset({"nsubj", "nsubjpass", "dobj"}), None),
    # forces going back to their bases or barracks
    ("return-base", "Change to group/activity", frozenset({"return", "head"}), FORCES, frozenset({"nsubj"}), "to"),
    # prisoners or captive soldiers freed (codebook: Agreement covers prisoner releases)
    ("release", "Agreement", frozenset({"release", "free"}),
     frozenset({"prisoner", "hostage", "detainee", "captive", "soldier", "gendarme", "policeman", "pow"}),
     frozenset({"dobj", "nsubjpass"}), None),
    # an armed group leaving a place it held ("the rebels fled the town", "militants abandoned their base")
    ("abandon-place", TERRITORY, frozenset({"flee", "abandon", "vacate"}), SETTLEMENTS | {"@place"},
     frozenset({"dobj"}), None),
    # a settlement taken or entered; whether by fighting the context says (classify._territory)
    ("take-place", TERRITORY, frozenset({"take", "enter"}), SETTLEMENTS | {"@place"}, frozenset({"dobj", "nsubjpass"}),
     None),
]


def _argument_ok(token: Any, args: frozenset) -> bool:
    if "@place" in args and token.head.lemma_.lower() in ("flee", "abandon", "vacate") and not _by_a_force(token.head):
        return False  # "residents fled the town": people displaced, not a place given up
    if token.lemma_.lower() == "camp" and any(t.lemma_.lower() in SHELTER_WORDS for t in token.subtree):
        return False  # "set up camps for the displaced": shelter, not an armed group's base
    if token.lemma_.lower() in args:
        return True
    return "@place" in args and _named_place_taken(token)


def _by_a_force(verb: Any) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lemma_.lower() in FORCES
                                    or any(c.lemma_.lower() in FORCES for c in subject.children))


def _named_place_taken(token: Any) -> bool:
    """"the rebels took Sibut", "Bancroft took Gambale": a name taken by a force, not carried
    somewhere ("took Smith to hospital") nor held ("took him hostage"). The small model's entity
    labels do not tell towns from people, so the subject and the verb's frame decide; "it" counts
    when the sentence names a settlement ("withdrew from the town, allowing troops to take it")."""
    verb = token.head
    if token.dep_ != "dobj" or any(c.dep_ in ("prep", "dative", "oprd", "xcomp") and c.lower_ not in ("on", "in", "at", "after", "from", "without", "early")
                                   for c in verb.children):
        return False
    if token.pos_ == "PRON":
        if token.lower_ != "it" or not any(t.lemma_.lower() in SETTLEMENTS for t in token.sent if t.i < token.i):
            return False
    elif token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME", "MONEY", "CARDINAL", "NORP", "PERCENT"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lemma_.lower() in FORCES or subject.pos_ == "PROPN"
                                    or any(c.lemma_.lower() in FORCES for c in subject.children))


def _dep_matches(doc: Any) -> list[tuple[str, int, int]]:
    found = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        for rule, _kind, verbs, args, deps, prep in DEP_RULES:
            if lemma not in verbs:
                continue
            if lemma in PARTICLES and not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in PARTICLES[lemma]
                                              for c in token.children):
                continue
            if prep is not None and not any(c.dep_ == "prep" and c.lower_ == prep for c in token.children):
                continue
            if rule == "take-place" and any(c.dep_ == "prt" or c.lower_ in ("away", "off") for c in token.children):
                continue  # "taken away", "took off": not a place taken
            if any(c.dep_ in deps and _argument_ok(c, args) for c in _with_conjuncts(token)) or (
                    "nsubj" in deps and token.dep_ == "xcomp"
                    and any(c.dep_ == "nsubj" and _argument_ok(c, args) for c in token.head.children)):
                found.append((rule, token.i, token.i + 1))
    return found


def _with_conjuncts(verb: Any) -> list[Any]:
    """The verb's arguments, and those of the verb it is coordinated with ("raided or destroyed several homes")."""
    children = list(verb.children)
    if verb.dep_ == "conj":
        children += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        children += [c for c in conj.children if c.dep_ in ("dobj", "nsubjpass")]
    children += [c for c in verb.children if c.dep_ == "dobj" for c in c.children if c.dep_ == "conj"]
    return children


FIRST_RULES = frozenset({"flag"})  # a flag raised over a place is a capture, not protesters' banners
KIND = {rule: kind for rule, kind, _ in RULES} | {rule: kind for rule, kind, *_ in DEP_RULES}
MAX_SPAN = 10  # tokens; no trigger phrase is longer


def _element_ok(element: dict, token: Any) -> bool:
    """One pattern element against one token (the subset of spaCy's Matcher syntax used above)."""
    if "LEMMA" in element and token.lemma_.lower() not in element["LEMMA"]["IN"]:
        return False
    if "LOWER" in element and token.lower_ not in element["LOWER"]["IN"]:
        return False
    if "POS" in element and token.pos_ not in element["POS"]["IN"]:
        return False
    if "IS_PUNCT" in element and token.is_punct != element["IS_PUNCT"]:
        return False
    return True


def _match_at(doc: Any, i: int, pattern: list[dict], stop: int) -> int | None:
    """End of the longest match of ``pattern`` starting at token ``i``, or None."""
    if not pattern:
        return i
    element, rest = pattern[0], pattern[1:]
    op = element.get("OP")
    if op in ("?", "*"):
        ends = []
        j = i
        limit = 1 if op == "?" else MAX_SPAN
        for _ in range(limit):
            if j >= stop or not _element_ok(element, doc[j]):
                break
            j += 1
            ends.append(j)
        for j in reversed([i, *ends]):  # greedy first, then give back
            end = _match_at(doc, j, rest, stop)
            if end is not None:
                return end
        return None
    if i < stop and _element_ok(element, doc[i]):
        return _match_at(doc, i + 1, rest, stop)
    return None


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[str, list[dict]]]]:
    """Patterns by the words their first element accepts: a token is tried only against those."""
    index: dict[str, list[tuple[str, list[dict]]]] = {}
    for rule, _kind, patterns in RULES:
        for pattern in patterns:
            first = pattern[0]
            for word in first.get("LEMMA", first.get("LOWER", {})).get("IN", []):
                index.setdefault(word, []).append((rule, pattern))
    return index


def _matches(doc: Any) -> list[tuple[str, int, int]]:
    index = _index()
    found = []
    for token in doc:
        keys = {token.lower_, token.lemma_.lower()}
        for key in keys:
            for rule, pattern in index.get(key, ()):
                end = _match_at(doc, token.i, pattern, min(len(doc), token.i + MAX_SPAN))
                if end is not None:
                    found.append((rule, token.i, end))
    return found


def find_triggers(span: Any) -> list[Trigger]:
    """Triggers in one sentence (a spaCy Span), longest match first where two overlap."""
    return [t for t in _doc_triggers(span.doc) if span.start <= t.start and t.end <= span.end]


def _doc_triggers(doc: Any) -> list[Trigger]:
    """All triggers of a Doc, matched once and kept on it for every sentence."""
    cached = doc.user_data.get("sitrep.triggers")
    if cached is not None:
        return cached
    found: list[Trigger] = []
    taken: set[int] = set()
    ranked = sorted(set(_matches(doc)) | set(_dep_matches(doc)),
                    key=lambda m: (m[0] not in FIRST_RULES, m[1] - m[2], m[1], m[0]))
    for rule, start, end in ranked:
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        found.append(Trigger(rule, KIND[rule], start, end))
    found.sort(key=lambda t: t.start)
    doc.user_data["sitrep.triggers"] = found
    return found
