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
from ..taxonomy import BY_NAME, ERV, PROTESTS, RANK, SD
from .learned import Prediction, get_model
from .noevent import crime_suspect
from .roles import CIVILIANS_HURT, Roles, assign_roles
from .triggers import (ADVANCE, BUILDINGS, DISPLACEMENT, GENERIC, INTERVENTION, PROTEST, SHELTER_WORDS, TERRITORY, Trigger,
                       find_triggers)

HABIT_WORDS = frozenset({"often", "usually", "regularly", "frequently", "routinely", "sometimes", "always",
                         "typically", "generally", "every", "each", "weekly", "annually", "traditionally"})
MODALS = frozenset({"could", "may", "might", "would", "will", "should", "shall", "can", "'d", "must"})
IRREALIS = frozenset({"threaten", "plan", "aim", "intend", "warn", "seek", "vow", "fear", "prepare", "preempt",
                      "pre-empt", "prevent", "avoid", "deny", "call", "urge", "demand", "want", "hope", "propose",
                      "expect", "schedule", "consider", "discuss", "weigh", "mull", "debate", "speculate"})
DEMANDING = frozenset({"demand", "call", "urge", "want", "hope"})  # verbs of demands: their content is not done
PLANNED = frozenset({"expect", "plan", "schedule", "propose", "intend"})  # "an exchange that is expected to take place"
IRREALIS_MODS = frozenset({"potential", "possible", "planned", "future", "imminent", "feared", "expected", "proposed"})
DEATH_ONLY = frozenset({"death", "dead", "die", "casualty", "toll", "body"})
HURT_LEMMAS = frozenset({"injure", "wound", "hurt"})
STATE = frozenset({1})
DETAINING = frozenset({1, 8})  # state forces, at home or abroad ("Israeli soldiers arrested ... in Hebron")
ARMED = frozenset({1, 2, 3, 4, 8})
INTERVENED = re.compile(r"\b(tear ?gas|teargas|dispers|dislodg|intervened|water cannon|baton|rubber bullets|beat|"
                        r"clashed with police|(?:were|was|been) (?:arrested|detained)|(?:arrested|detained) (?:\d+|several|"
                        r"some|dozens|many|the|a|an|at least|about|around|nearly|more than|over|up to|two|three|four|"
                        r"five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)\b|prevented|"
                        r"stopped (?:the )?(?:protesters|demonstrators|marchers))", re.I)
DEMO_CONTEXT = re.compile(r"\bto (?:demand|protest|denounce|call|express|press|oppose|condemn|decry|repudiate|reject|"
                          r"request|ask for)|"
                          r"\bin (?:protest|demonstration)\b|\bdemand(?:ed|ing)\b|\bdemonstrat", re.I)
DEMO_TOLD = re.compile(r"\b(protest(?:s|ers?|ing|ed)?|demonstrat\w*|rall(?:y|ies|ied)|sit-ins?)\b", re.I)  # in the passage
RIOTING = re.compile(r"\bclash(?:es|ed)?\b|\bretaliated\b|\bdestroyed\b|\bburning (?:tyres|tires|rubber|debris)\b|"
                     r"\b(threw|thrown|throwing|hurled|pelted) (?:\w+ )?(?:stones|rocks|bottles|petrol|molotov|objects)|"
                     r"\bpelted (?:\w+ ){1,3}with (?:stones|rocks|bottles|bricks|eggs)|"
                     r"\b(brawl\w*|scuffl\w*|fist-?fights?|shoving)\b|"
                     r"\b(torched|set (?:fire|ablaze)|burned|burnt|vandali[sz]ed|smashed|ransacked|looted|slashed|"
                     r"damaged|attacked|assaulted|beat up|clashed with (?:police|security|rival)|stormed|kidnapped)\b|"
                     r"\bvandali[sz]\w*|\bbr(?:oke|eaking) (?:the |their |his |her |its |a )?(?:car |shop |bus )?"
                     r"(?:windows?|windshields?|windscreens?|glass|gates?|doors?)|"
                     r"\b(?:flattened|punctured) (?:the |their )?(?:car )?(?:tyres|tires)\b|"
                     r"\bwith (?:burning )?(?:tyres|tires|rocks|stones)\b|"
                     # gerunds and attempts: "demonstrated by burning the gates", "setting obstacles on fire"
                     r"\bburning (?:down\b|(?:the|a|an|two|three|several|their|its|his|her)\s)|"
                     r"\b(?:set|setting) (?!(?:himself|herself|themselves|oneself)\b)(?:[\w-]+ ){1,3}(?:on fire|ablaze|alight)\b|"
                     r"\b(?:attempted|tried|trying|attempting) to (?:attack|assault|lynch|burn|storm|loot)\b", re.I)
HURT_IN_CUSTODY = re.compile(r"\b(tortur\w*|beat(?:en|ing)?|assaulted|wounded|injured)\b", re.I)  # not "killed": "arrested for the killing"
DIED_IN_CUSTODY = re.compile(r"\bdied (?:while )?in (?:police |military |army )?(?:custody|detention)\b", re.I)
THE_DETAINED = re.compile(r"\b(during (?:the|his|her|their) (?:arrest|detention)|in (?:custody|detention)|one of them|"
                          r"the (?:detainees?|arrested|detained)|those (?:captured|arrested|detained))\b", re.I)
DISASTER = re.compile(r"\b(earthquakes?|floods?|flooding|landslides?|mudslides?|cyclones?|hurricanes?|typhoons?|"
                      r"tornado(?:es)?|storms?|heatwave|drought|avalanche|wildfires?|road accident|traffic accident|"
                      r"car crash|plane crash|(?:bus|train|boat) (?:crash|accident|capsized)|capsized|"
                      r"building collapse|collapsed|gas leak|industrial accident|mine collapse)\b", re.I)
COMMON_CRIME = re.compile(r"\b(robbery|robbers?|burglary|burglars?|theft|thieves|stealing|stole|shoplift\w*|"
                          r"carjack\w*|domestic (?:dispute|violence)|drunk\w*|fraud|embezzl\w*|"
                          r"road rage|love affair|jealous\w*|defil\w*|sodomi[sz]\w*|court heard|charged with|"
                          r"(?:was|were|been) (?:sentenced|convicted|acquitted|indicted)|pleaded (?:not )?guilty)\b",
                          re.I)  # ordinary crime, and courts trying it later
PERSONAL = re.compile(r"\b(quarrel\w*|altercation|personal (?:dispute|conflict|feud|grudge|reasons?)|"
                      r"argument (?:with|over)|(?:due to|over|after|following) (?:a |an )?(?:personal |private )?"
                      r"(?:conflict|dispute|row) with (?:a |an |his |her |their )?"
                      r"(?!(?:the )?(?:army|military|police|government|security|rebels?|militants?|forces|troops)\b)\w+)",
                      re.I)  # violence over a private quarrel has no political purpose (codebook 1.1)
# parties' members or activists fighting after a quarrel: political sides, not a private feud
POLITICAL_SIDES = re.compile(r"\b(party|parties|league|congress|activists?|supporters|cadres?|student wing)\b", re.I)
COURT = re.compile(r"\b(court heard|(?:told|tells) (?:the|a) (?:court|jury|trial|inquest)|(?:trial|inquest|jury) "
                   r"(?:heard|was told)|the court was told)\b", re.I)  # a trial retells a crime of long ago
POLITICAL = re.compile(r"\b(protest\w*|demonstrat\w*|rall(?:y|ied|ies)|sit-in|march\w*|block\w*|election\w*|candidate|party|activist|journalist|"
                       r"mayor|councillor|councilor|official|militants?|rebels?|insurgents?|gang|cartel|militia\w*|"
                       r"soldiers?|troops|army|military|mobs?|lynch\w*|crowds?|villagers|residents|locals|"
                       r"vigilant\w*|abduct\w*|kidnap\w*)\b", re.I)  # a mob beating a thief is mob violence
NO_FIGHT = re.compile(r"\bwithout (?:\w+ing )?(?:a |any )?(?:fight(?:ing)?|clash(?:es)?|resistance|battle|bloodshed|"
                      r"(?:firing )?a (?:single )?shot)|\b(?:peacefully|unopposed|unchallenged)\b|\bno (?:fighting|clash(?:es)?|resistance|battles?|combat|bloodshed)\b|\bafter (?:[\w'-]+ ){1,6}(?:vacated|abandoned|left|withdrew|"
                      r"pulled out|retreated)\b|"
                      # fighting not reported: control changed with no armed interaction told (codebook 1.3)
                      r"\bno (?:information|info|reports?|details?|confirmation|word) (?:on |of |about |as to |regarding )?"
                      r"(?:whether |if )?(?:any )?(?:fighting|clash(?:es)?|resistance|violence|combat)"
                      r"(?: (?:took place|occurred|was reported|were reported|broke out))?|"
                      r"\b(?:fighting|clash(?:es)?|resistance|violence|combat) (?:was|were|has been|have been) not reported|"
                      r"\b(?:it is |it was )?unclear (?:whether|if) (?:any )?(?:fighting|clash(?:es)?) (?:took place|occurred)", re.I)
FIGHTING = re.compile(r"\b(fight|fights|fighting|fought|clash\w*|battl\w*|fierce|heavy|killed|shell\w*|stormed|crush\w*|"
                      r"smash\w*|tanks?|gunships?|driven out|drove out|chased out|uprising|assault(?!\s+rifles?)\w*|"
                      r"attack\w*|offensive|firefight|gunfire|gun ?battle|dead|wounded|casualties|airstrikes?|"
                      r"bombard\w*|siege|resistance)\b", re.I)
# the holders left: "after the troops withdrew", "a town NATO forces had pulled out of", "letting X take over"
HOLDERS_LEFT = re.compile(r"\b(withdr[ae]w\w*|pull(?:ed|ing)? (?:out|back)|pulled out of|retreat(?:ed|ing)|abandon(?:ed|ing)|"
                          r"vacat(?:ed|ing)|fled|left the (?:town|city|village|area|base))\b", re.I)
LEAVE_VERBS = frozenset({"withdraw", "pull", "retreat", "abandon", "vacate", "flee", "leave", "evacuate"})
FORCE_NOUNS = frozenset({"troop", "troops", "force", "forces", "soldier", "army", "military", "peacekeeper", "police",
                         "fighter", "militant", "rebel", "militia", "unit", "contingent", "battalion", "amisom"})
NEUTRAL_TAKING = frozenset({"take", "enter", "assume", "gain", "fall"})  # verbs that do not say a fight took place
WEAPON_CARRIERS = frozenset({"aircraft", "plane", "jet", "warplane", "helicopter", "drone", "bomber", "gunship",
                             "artillery", "battery", "tank", "missile", "rocket", "shell"})
NOT_WEAPON_GRENADES = frozenset({"stun", "smoke", "flash", "sound", "gas", "tear", "teargas"})
NOT_INTERCEPTED = frozenset({"way", "path", "road", "route", "convoy", "bus", "car", "vehicle", "truck", "boat",
                             "group", "caravan", "call", "message", "communication", "letter"})
FOUND_VERBS = frozenset({"find", "seize", "discover", "recover", "confiscate", "defuse", "dismantle", "secure",
                         "hand", "surrender", "detect", "disarm", "store", "include", "possess", "arm"})
PERSON_OBJECTS = re.compile(r"\b(\w+men|man|woman|women|persons?|people|migrants?|suspects?|members?|rector|priest|"
                            r"pastor|monk|leader|commander|officials?|civilians?|residents?|villagers?|children|"
                            r"boys?|girls?|spy|spies|soldiers?|fighters?|militants?|prisoners?|him|her|them|"
                            r"men|(?!headquarters|quarters|borders|centers|corners|waters)\w+ers)\b", re.I)
AIR_DEFENCE = re.compile(r"\bair[- ]defen[cs]es?\b", re.I)
LETHAL = re.compile(r"\b(live (?:ammunition|rounds|fire)|opened fire|shot dead|killed|killing|shot and killed|died)\b",
                    re.I)
WEAPON_OBJECTS = re.compile(r"\b(weapons?|depots?|arms|ammunition|ammo|materiel|munitions?|components|vehicles?|tanks?|equipment|supplies|cache|drugs?|"
                            r"rifles?|guns?|firearms?|pistols?|motorbikes?|motorcycles?|trucks?|cars?|boats?|canoes?|"
                            r"marijuana|cannabis|cocaine|narcotics|plants|contraband|goods|cattle|livestock|money|"
                            r"documents|phones?)\b", re.I)  # seized things, not places
ARMS = re.compile(r"\b(weapons?|arms|ammunition|ammo|materiel|explosives?|rifles?|guns?|firearms?|pistols?|grenades?|"
                  r"ieds?|mines?|rockets?|mortars?|bombs?|cache|munitions?|rounds)\b", re.I)
# what a seizure can take besides a place: property (codebook: Looting/property destruction) and people
PROPERTY_NOUNS = frozenset({"house", "home", "residence", "property", "land", "farm", "farmland", "plantation", "field",
                            "crop", "harvest", "laboratory", "lab", "shop", "store", "warehouse", "belonging", "cash",
                            "medicine", "food", "goods", "good", "tricycle", "bicycle", "motorbike", "motorcycle",
                            "livestock", "cattle", "cow", "goat", "sheep", "camel", "grain", "fuel", "vehicle", "car",
                            "truck", "money", "phone", "valuables", "jewellery", "jewelry", "item", "asset"})
ARMED_DOERS = frozenset({"gunman", "gunmen", "assailant", "attacker", "kidnapper", "bandit", "jihadist", "insurgent",
                         "gendarme", "guard", "agent", "officer", "member", "militiaman", "separatist"})
PERSON_NOUNS = frozenset({"robber", "thief", "criminal", "burglar", "bandit", "suspect", "man", "woman", "boy", "girl",
                          "rector", "priest", "pastor", "imam", "chief", "official", "journalist", "activist", "crew",
                          "member", "villager", "resident", "civilian", "passenger", "driver", "farmer", "worker",
                          "student", "teacher", "doctor", "nurse", "volunteer", "hostage", "people", "person", "family",
                          "wife", "husband", "son", "daughter", "child", "mayor", "councillor", "head", "leader"})
POSITIONS_WORDS = frozenset({"position", "site", "point", "frontier", "trench", "line", "front"})
CAPTURE_VERBS = frozenset({"capture", "seize", "recapture", "retake", "regain", "liberate", "conquer", "occupy", "overrun"})
PLACE_NOUNS = frozenset({"town", "city", "village", "district", "capital", "region", "province", "county", "enclave",
                         "stronghold", "garrison", "airport", "port", "base", "area", "neighbourhood", "neighborhood",
                         "suburb", "hill", "island", "crossing", "control", "territory", "position", "post", "outpost",
                         "checkpoint", "station", "headquarters", "camp", "site", "front", "frontier", "locality",
                         "settlement", "municipality", "road", "highway", "bridge", "border", "valley", "mountain"})
STATE_NOUNS = frozenset({"army", "military", "troop", "soldier", "government"})  # an unnamed state force
REGAIN_VERBS = frozenset({"recapture", "retake", "regain", "liberate"})
PEOPLE_WORDS = re.compile(r"\b(famil(?:y|ies)|people|residents|civilians|households|persons|individuals|"
                          r"villagers|inhabitants|children|women|fishermen|farmers|herders|staff|workers|"
                          r"migrants|refugees)\b", re.I)
CIVILIAN_OBJECTS = re.compile(r"\bcivilian (?:areas?|targets?|neighbou?rhoods?|homes?|infrastructure|objects?)|"
                              r"\bresidential (?:areas?|buildings?|districts?|neighbou?rhoods?)", re.I)
CIVILIAN_VICTIMS = re.compile(r"\b(civilians?|villagers?|residents?|people|children|women|worshippers?|farmers?|"
                              r"students?|passengers?|persons?|men|boys|girls|family|families|traders?|miners?|"
                              r"man|woman|boy|girl|child|teachers?|leaders?|drivers?|merchants?|workers?|"
                              r"labou?rers?|shepherds?|herders?|fishermen|vendors?|shopkeepers?|journalists?)\b", re.I)
ARMED_VICTIMS = re.compile(r"\b(soldiers?|troops?|fighters?|militants?|rebels?|police(?:m[ae]n)?|servicem[ae]n|gunmen|"
                           r"commanders?|militias?|militiam[ae]n|"
                           r"separatists?|jihadists?|guerrill(?:a|as|eros?)|insurgent commanders?|"
                           r"insurgents?|militiamen|combatants?|(?:police|army|military|security|intelligence|border|"
                           r"prison)\s+(?:officers?|personnel|guards?)|drug (?:dealers?|traffickers?)|"
                           r"(?:drug )?traffickers?|gang members?|gangsters?|cartel members?|auxiliar(?:y|ies)|"
                           r"(?:division|brigade|battalion|regiment|corps|militia) members?|"
                           r"members? of (?:a |an |the )?(?:(?:rival|drug[- ]trafficking|criminal|armed|islamist|jihadist|"
                           r"rebel|communal|ethnic) )+group|"
                           r"members? of (?:a |an |the )?(?:[\w-]+ ){0,3}(?:gang|cartel|militia|brigade|battalion|division|"
                           r"army|forces))\b", re.I)
ARMED_VICTIM_TOLD = re.compile(r"\b(?:victims?|target of the (?:attack|shooting)) (?:is|was|were|are) "
                               r"(?:(?:identified|recogni[sz]ed|named|described|reported) as |said to be )?"
                               r"(?:a |an |the )?(?:alleged |suspected |known )?"
                               r"(?:drug (?:dealers?|traffickers?)|gang members?|(?:members?|leaders?|heads?|bosses) of "
                               r"(?:a |an |the )?(?:local |rival |drug[- ]trafficking |criminal |armed |"
                               r"organi[sz]ed[- ]crime |organi[sz]ed criminal )*"
                               r"(?:group|gang|cartel|militia))|"
                               # ACLED's gang methodology: victims active in organised crime are combatants
                               r"\b(?:victims?|he|she|the man|the men) (?:was|were|had been) (?:allegedly |reportedly )?"
                               r"(?:involved|active|engaged) in (?:drug trafficking|drug dealing|organi[sz]ed crim\w*|"
                               r"(?:organi[sz]ed )?criminal activit\w*)", re.I)
ARMED_UNITS = re.compile(r"\b(military|army|police|patrol|troops?|soldiers?|security|armou?red|militia|rebel|"
                         r"fighters?|guards?|forces?|checkpoint|base)\b", re.I)
UNARMED_CONVOYS = re.compile(r"\b(ngos?|aid|humanitarian|relief|commercial|civilian|passenger|trucks?|lorr(?:y|ies)|"
                             r"bus(?:es)?|vehicles?|minibus(?:es)?|travell?ers|drivers?)\b", re.I)
RIOT_WORDS = re.compile(r"\b(riot(?:s|ed|ing|ers?)?|violen(?:t|ce)|barricad\w*|logs?|stones?|rocks?|bricks?|petrol bombs?|"
                        r"molotov\w*|arson|fires?|injur\w*|wounded|hurt)\b", re.I)
RIOT_UNITS = re.compile(r"\briot[- ](?:police\w*|gear|squads?|units?|control|officers?|troops?|shields?|cops?)\b", re.I)
FORCE_FIRE = re.compile(r"\b(?:open(?:ed|s|ing)? fire|fired (?:live )?(?:rounds|shots|bullets)?|live fire)\b", re.I)
ARMED_ATTACKERS = re.compile(r"\b(heavily[- ]armed|armed (?:men|groups?|assailants|attackers|militias?)|gunmen|"
                             r"gunfire|rifles?|machetes)\b", re.I)
DETAINED = re.compile(r"\b(prisoners?|detainees?|inmates?|in (?:\w+ )?(?:police |army |military )?custody)\b", re.I)
OFF_DUTY_TOLD = re.compile(r"\b(?:assumed |presumed |believed )?(?:to be )?(?:off[- ]duty|unarmed)\b", re.I)
OFF_DUTY = re.compile(r"\b(?:off-duty|retired|former|unarmed)\s+(?:(?:[\w-]+\s+){0,2}?[\w-]+\s+of\s+(?:the\s+)?"
                      r"(?:[\w-]+\s+){0,2}[\w-]+|(?:[\w-]+\s+){0,2}[\w-]+)", re.I)  # ACLED: civilians
# a target that is a force or its post: "a military convoy", "an army outpost", "NAS forces", "a checkpoint"
ARMED_TARGETS = re.compile(r"\b(forces|military|army|troops?|soldiers?|outposts?|barracks|garrisons?|checkpoints?|"
                           r"check ?posts?|border (?:posts?|points?|guards?)|(?:military|army|police|rebel|militant|enemy|frontline|front-line) "
                           r"(?:positions?|bases?|posts?|camps?|units?|patrols?|stations?|vehicles?|convoys?))\b", re.I)
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "student", "youth"})
CROWD_NOUNS = frozenset({"mob", "crowd", "villager", "resident", "supporter", "member", "youth", "local", "people",
                         "student", "worker", "group", "cadre", "activist", "relative", "family", "neighbour",
                         "neighbor", "trader", "farmer", "herder", "merchant", "vendor", "motorist", "pedestrian",
                         "passer-by", "passerby", "bystander", "shopkeeper", "driver", "parent"})
# a mob is a crowd the text names (codebook: Mob violence), not two men
CROWD_TOLD = re.compile(r"\b(mobs?|crowds?|villagers|residents|rioters|youths|locals|people|group of|groups|hundreds|"
                        r"dozens|scores|supporters|neighbou?rs|relatives|mourners|worshippers|students|workers|"
                        r"vigilant\w*|lynch\w*|angry|community|members|cadres|activists|several|numerous|many|"
                        r"(?:[3-9]|\d\d+)(?:\s*-\s*\d+)? (?:men|persons|individuals))\b", re.I)  # three or more
PARTS = frozenset({"section", "number", "band", "handful", "dozen", "dozens", "hundreds", "scores", "some", "part"})
OCCUPIERS = CROWD_NOUNS | {"citizen", "protester", "demonstrator", "activist", "inhabitant", "household"}
DONE_VERBS = frozenset({"force", "begin", "start", "continue", "manage", "compel", "oblige", "resume", "proceed",
                        "use"})  # "used kerosene to set fire to a school": the means of a done act
EXCHANGE_FIRE = re.compile(r"\b(?:fired|shot|shelled|struck|hit) back\b|\bshell(?:ing|s)? back\b|"
                           r"\breturn(?:ed|ing|s)? (?:the )?fire\b|\bin both directions\b|"
                           r"\b(?:react|respond|retaliat)(?:ed|ing|s|es)? with (?:[\w-]+ ){0,2}(?:gunfire|fire)\b|"
                           r"\bfollowed by (?:an? )?(?:[\w-]+ ){0,2}(?:gunfire|exchange of fire|firefight|clash(?:es)?)\b|"
                           r"\b(?:shelling|fire|gunfire|artillery|rocket) exchanges?\b|"
                           r"\bexchang\w* (?:of )?(?:[\w-]+ ){0,2}(?:fire|gunfire|shelling|shells|artillery|rockets|mortars|"
                           r"strikes|missiles)\b", re.I)
ASSAULT_WORDS = re.compile(r"\b(attacked|assaulted|raided|ambushed|stormed)\b", re.I)  # a deed, not "the attack"
SPEECH_VERBS = frozenset({"say", "state", "claim", "complain", "allege", "accuse", "explain", "argue", "denounce",
                          "report", "tell", "add", "insist", "note"})
DRONE_WORDS = re.compile(r"\b(drones?|uavs?|unmanned aerial vehicles?|quadcopters?|copters?)\b", re.I)
DEMO_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "sit-in", "vigil", "parade", "picket"})
STATE_SIDE = frozenset({1, 8})
FORCES_NAMED = re.compile(r"\b(police|army|military|soldiers?|troops?|forces?|gendarmes?|guards?|officers?)\b", re.I)
CREWED = frozenset({"helicopter", "aircraft", "jet", "plane", "warplane", "bomber", "fighter", "gunship", "airplane"})
UNCREWED = frozenset({"drone", "uav", "missile", "rocket", "projectile", "shell", "balloon"})
CREWED_MODELS = re.compile(r"(?:su|mig|ka|mi|tu|yak|l|an|il)-\d+\w*", re.I)  # "Su-25", "Ka-52", "Mi-8"
STRIKE_VERBS = frozenset({"destroy", "target", "hit", "strike", "bomb", "attack", "pound", "shell", "raid"})
FIRE_PREPS = frozenset({"at", "on", "upon", "towards", "toward", "against", "into", "in"})
SMALL_ARMS = re.compile(r"\bsmall[- ]arms\b|\bfirearms\b|\bassault rifles?\b|\bautomatic weapons\b", re.I)
BESIDE_WORDS = frozenset({"conjunction", "while", "as", "alongside", "amid", "meanwhile", "whereas"})
ASSAULT_LEMMAS = frozenset({"attack", "assault", "raid", "storm", "ambush"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                    "nov", "dec"})
ROCKET_SYSTEMS = frozenset({"grad", "tochka", "tochka-u", "iskander", "kalibr", "uragan", "smerch", "himars", "katyusha",
                            "qassam", "onyx"})
ACCUSING = frozenset({"accuse", "charge", "suspect", "sentence", "convict", "jail", "prosecute", "punish", "indict"})
ORGANISING = frozenset({"support", "organize", "organise", "coordinate", "incite", "lead", "finance", "fund", "plan",
                        "instigate", "mobilise", "mobilize"})
DISTINCT = frozenset({"also", "separately", "meanwhile", "elsewhere", "additionally"})
PROCEEDINGS = frozenset({"charge", "sentence", "convict", "fine", "sue", "prosecute", "indict", "punish", "acquit",
                         "jail", "imprison", "imprisonment", "ban", "suspend", "sanction", "blame", "investigate", "probe",
                         "try", "custody"})
GROUP_NOUNS = frozenset({"group", "party", "union", "association", "movement", "committee", "family", "community",
                         "organisation", "organization", "student", "worker", "prisoner", "detainee"})
RIOT_GEAR = frozenset({"police", "policeman", "officer", "squad", "unit", "force", "gear", "shield", "control", "act",
                       "trooper", "cop", "personnel", "van", "truck"})
# acts a protest can be the setting or cause of without being the event; not force against the
# protesters (arrests, a bomb among them), which the protest's own types take in (codebook 1.3)
SETTING_ACTS = frozenset({"Sexual violence", "Change to group/activity", "Agreement", "Headquarters or base established",
                          "Disrupted weapons use", "Non-violent transfer of territory", "Other"})
SYMBOLS = frozenset({"flag", "effigy", "uniform", "copy", "poster", "picture", "photo", "photograph", "portrait",
                     "banner", "placard", "document", "book", "letter", "ballot", "card", "bill", "manifesto"})
MEDIA_OBJECTS = frozenset({"television", "tv", "radio", "broadcaster", "station", "studio", "newspaper", "website"})
PAST_FORMS = frozenset({"retook", "overran", "took", "fought", "shot", "stormed", "recaptured", "seized"})
POSITIONS = re.compile(r"\b(?:at|on|towards?|against) (?:the )?([A-Z][\w'-]+) (?:military )?(?:positions|"
                       r"lines|trenches|strongholds)\b")
REPEL_LEMMAS = frozenset({"repel", "repulse", "repell"})
HARM_LEMMAS = frozenset({"kill", "murder", "execute", "behead", "shoot", "gun", "stab", "hack", "wound", "injure",
                         "torture", "assassinate", "lynch", "beat", "flog", "whip", "open", "fire"})  # "opened fire"
INJURY_LEMMAS = frozenset({"beat", "torture", "injure", "wound", "shoot", "stab", "hack", "maim", "mutilate"})
KILL_LEMMAS = frozenset({"kill", "murder", "execute", "behead", "slaughter", "assassinate"})
CAUSE_PREPS = frozenset({"after", "following", "amid", "during"})
GRIEVANCE_PREPS = frozenset({"after", "following", "regarding", "over", "about", "against", "of", "since", "concerning"})
CAUSE_WORDS = frozenset({"after", "following", "amid", "over"})
CAUSE_HEADS = frozenset({"due", "response", "wake", "because", "aftermath", "view", "owing"})
# acts that answer violence: a security measure, a force movement, a deal (codebook 1.3)
MEASURES = frozenset({"Change to group/activity", "Agreement"})
CAUSE_ONLY = MEASURES | {"Arrests"}  # "raped after their arrest": told as what came before, beside the act
ARMED_GROUPS = re.compile(r"\b(rebels?|militants?|militias?|insurgents?|jihadists?|factions?|fighters|armed|brigades?|"
                          r"guerrillas?|paramilitar\w*|terrorists?)\b", re.I)
PLANT_VERBS = frozenset({"plant", "place", "hide", "conceal", "leave", "rig", "bury"})
WENT_OFF = frozenset({"explode", "detonate", "blast", "explosion", "go", "kill", "injure", "wound", "die", "dead",
                      "destroy", "damage", "rip", "tear"})
NOT_EVENT_HEADS = frozenset({"camp", "site", "launcher", "leader", "commander", "zone", "route", "committee",
                             "network", "center", "centre", "group", "unit", "force", "team", "system", "capability",
                             "rifle", "weapon", "helicopter", "vehicle", "craft", "boat", "dog", "squad",
                             "threat", "scare", "hoax"})  # "assault rifles"
HYPHEN_ADJECTIVES = frozenset({"torn", "hit", "affected", "ravaged", "stricken", "free", "prone", "related", "hit",
                               "wracked", "racked", "scarred", "weary"})  # "riot-torn", "curfew-free": a place's state


# Rules whose type a weapon or an act defines (codebook 1.4): when they fire they decide. The
# other rules (protests, riots, clashes, generic attacks, property, group activity) name a family
# of types; the model picks within the family when it is sure enough.
DEFINING_RULES = frozenset({"label", "chemical", "suicide", "air", "shelling", "explosive", "grenade", "sexual", "abduct",
                            "agreement", "arrest", "intercept", "base", "territory", "transfer", "group",
                            "coup", "graves"})  # a coup and a mass grave are Other by definition
DEMONSTRATION = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                           "Violent demonstration", "Mob violence"})
VIOLENCE = frozenset({"Armed clash", "Attack", "Mob violence", "Violent demonstration"})
DAMAGE = frozenset({"Looting/property destruction", "Mob violence", "Violent demonstration"})  # by whom: a crowd?
OPEN = frozenset({"Change to group/activity", "Other", "Looting/property destruction"})
FAMILIES = (DEMONSTRATION, VIOLENCE, DAMAGE, OPEN)
MODEL_TYPES = DEMONSTRATION | VIOLENCE | DAMAGE | OPEN
REVISE_SHARE = 0.6  # the model overrules a family rule only above this share
FALLBACK_SHARE = 0.7  # and names an event no rule found only above this one
SURE_SHARE = 0.7  # and overrules the victims or the force the rules read only above this one


# ACLED's notes open many a Strategic development with a label naming the kind of development
# ("Property destruction: On 3 May ...", "Movement of forces: ..."). The label is the coder's own
# reading of the event, so it names the sub-event type (codebook 1.3, the SD definitions).
NOTE_LABELS = {
    "Looting/property destruction": ("property destruction", "looting", "land seizure", "arson"),
    "Change to group/activity": ("movement of forces", "security measures", "change to armed group",
                                 "change to group", "recruitment", "mobilisation", "mobilization"),
    "Disrupted weapons use": ("defusal", "interception", "weapons seizure", "weapon seizure", "detonation",
                              "weapons cache", "arms seizure"),
    "Other": ("other", "displacement", "non-violent activity", "elections/referendum", "mass grave",
              "training", "strikes", "explosive remnants of war", "coup"),
    "Agreement": ("agreement", "peace agreement", "ceasefire", "prisoner exchange", "prisoner release"),
    "Arrests": ("arrests", "arrest"),
    "Headquarters or base established": ("headquarters or base established", "base established"),
    "Non-violent transfer of territory": ("non-violent transfer of territory",),
    "Abduction/forced disappearance": ("abduction", "kidnapping"),
}
LABEL_TYPES = {label: kind for kind, labels in NOTE_LABELS.items() for label in labels}
NOTE_LABEL = re.compile(r"^\s*(" + "|".join(sorted((re.escape(k) for k in LABEL_TYPES), key=len, reverse=True))
                        + r")\s*:\s", re.I)


@dataclass
class Scene:
    """What a decision needs beyond the sentence: the actor registry, the article's country and
    the paragraph the sentence stands in (what the model reads)."""

    registry: Any = None
    country: str | None = None
    context: str | None = None
    use_model: bool = True

    def actor(self, phrase: str) -> Actor | None:
        if self.registry is None:
            return None
        found = self.registry.find(phrase, country=self.country)
        return found[0].actor if found else None


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
    territory: str | None = None  # captured | advanced
    displacement: bool = False
    distinct: bool = False  # the text marks it as another event ("also", "separately")
    definite: bool = False  # a definite noun ("the blast") that may point back to an event told before
    toll_only: bool = False  # only death words: a toll for an event told before
    revisable: bool = True  # named by a family rule, not by a defining weapon or act
    force_as_grievance: bool = False  # arrests or beatings told as what the protesters complain of


def classify_sentence(span: Any, actors: list[ActorMention], fatal: Any, scene: Scene | None = None) -> list[Decision]:
    """The events one sentence reports, as decisions; empty when it reports none."""
    scene = scene or Scene()
    labelled = _note_label(span, actors, scene)
    if labelled is not None:
        return [labelled]
    if _not_political(span, actors):
        return []
    found = find_triggers(span)
    if any(t.kind == PROTEST and _lone_hunger_strike(span.doc, t) for t in found):
        found = [t for t in found if t.kind != PROTEST]  # "started a hunger strike to protest ...": its purpose
    triggers = [t for t in found if _realis(span.doc, t) and _eventive(span.doc, t)
                and not (t.rule == "closure" and not DEMO_CONTEXT.search(span.text))]
    if any(t.kind != PROTEST for t in triggers):
        triggers = [t for t in triggers if not (t.kind == PROTEST and _protest_as_ground(t.head(span.doc)))]
    triggers = _measures_after_violence(span.doc, _protests_as_setting(span.doc, triggers))
    triggers = _displacement_by_an_act(span.doc, _entering_as_prelude(span.doc, triggers))
    triggers = _fight_as_background(span.doc, _fighters_named(span.doc, triggers))
    if not triggers:
        return []
    victims = _victims(span, fatal)
    if any(t.kind == PROTEST for t in triggers):
        decisions = [_protest(span, triggers, actors, victims, scene)]
    else:
        decisions = [d for t in triggers if t.kind != GENERIC
                     if (d := _decide(span, t, actors, fatal, victims, scene)) is not None]
        assault = _ground_assault(span.doc, triggers)
        if assault is not None and any(BY_NAME[d.sub_event_type].event_type == ERV for d in decisions):
            # "militants attacked soldiers, in conjunction with airstrikes by the army": the ground fight
            # is told beside the strike, and _hierarchy folds the strike into it (codebook 1.4)
            strikers = {d.actor1 for d in decisions if BY_NAME[d.sub_event_type].event_type == ERV}
            decisions += [d for d in _generic(span, [assault], actors, fatal, victims, scene)
                          if d.sub_event_type == "Armed clash" and len(_armed_sides(d)) == 2
                          and d.actor1 not in strikers]  # "attacked soldiers via heavy guns": the same act
        if not decisions:
            decisions = _generic(span, triggers, actors, fatal, victims, scene)
        elif all(d.displacement for d in decisions) and _acts_on_people(span, triggers):
            # "two persons were killed, thousands were displaced": the violence is the event, the flight its result
            decisions = _generic(span, triggers, actors, fatal, victims, scene) + decisions
        elif all(d.sub_event_type == "Looting/property destruction" for d in decisions) and _acts_on_people(span, triggers):
            # "killed villagers and set fire to two houses", "shot six civilians in a looting incident":
            # looting is coded only outside other violence (codebook 1.3); the violence is the event
            decisions += _generic(span, triggers, actors, fatal, victims, scene)
    return _revise(_hierarchy(decisions, span.text), scene)


def _note_label(span: Any, actors: list[ActorMention], scene: Scene) -> Decision | None:
    """"Looting: On 5 May, militiamen seized ...": the label before the colon names the type, and the
    sentence's verb the roles (roles.py reads them around the verb the label stands for)."""
    m = NOTE_LABEL.match(span.text)
    if m is None or span.doc.text[:span.start_char].strip("\n\r\t ") and \
            "\n" not in span.doc.text[max(0, span.start_char - 3):span.start_char]:
        return None  # a label opens a note or a paragraph, not a sentence inside one
    kind = LABEL_TYPES[m.group(1).lower()]
    label = span.doc.char_span(span.start_char + m.start(1), span.start_char + m.end(1), alignment_mode="expand")
    if label is None:
        return None
    trigger = Trigger("label", kind, label.start, label.end)
    roles = assign_roles(span.doc, label.root, actors, None)
    if kind == "Abduction/forced disappearance":
        roles.actor2 = roles.actor2 or scene.actor("civilians")
    return _make(kind, "label", roles, trigger, span, displacement=m.group(1).lower() == "displacement",
                 counts_dead=BY_NAME[kind].event_type != SD)


def _protest_as_ground(head: Any) -> bool:
    """"arrested for supporting demonstrations", "beat activists, accusing them of coordinating the
    protests": protests named as what someone is accused or punished for, not a protest held."""
    for token in [head, *list(head.ancestors)[:5]]:
        if token is not head and token.lemma_.lower() in ACCUSING:
            return True
        if token.dep_ == "pcomp" and token.head.lower_ in ("for", "of") and token.lemma_.lower() in ORGANISING:
            return True
    return False


def _protests_as_setting(doc: Any, triggers: list[Trigger]) -> list[Trigger]:
    """"ordered patrols after violent protests", "raped after their arrest during the protests":
    beside an act that its weapon or its deed defines, a protest told as the cause or setting is
    not the event."""
    defining = [t for t in triggers if t.kind in SETTING_ACTS]
    if not defining:
        return triggers
    return [t for t in triggers if not (t.kind == PROTEST and _in_cause_phrase(t.head(doc)))]


def _measures_after_violence(doc: Any, triggers: list[Trigger]) -> list[Trigger]:
    """"a curfew was imposed following clashes", "reimposed blockades following the shooting deaths":
    a security measure or a deal told with the violence that led to it is the event; the violence
    is told as its cause (codebook 1.3, Change to group/activity: non-violent security measures).
    And a measure or an arrest told only as a cause ("riots after the curfew was lifted", "raped after
    their arrest") is not the event when another act is told."""
    caused = [t for t in triggers if _told_as_cause(t.head(doc))]
    if any(t.kind in MEASURES for t in triggers if t not in caused):
        # "fighters surrounded during the battle last week agreed to surrender": violence told in a
        # modifier of the party is its background too
        caused += [t for t in triggers if t not in caused and t.kind not in MEASURES and _in_modifier(t.head(doc))]
    if not caused or len(caused) == len(triggers):
        return triggers
    if any(t.kind in MEASURES for t in triggers if t not in caused):
        return [t for t in triggers if t not in caused]
    return [t for t in triggers if not (t.kind in CAUSE_ONLY and t in caused)]


def _displacement_by_an_act(doc: Any, triggers: list[Trigger]) -> list[Trigger]:
    """"1,000 people fled after junta forces burnt down two homes": an act told with its doer is
    the event, and the flight its consequence; displacement "due to clashes" with no act told is
    ACLED's Other (displacement from fighting)."""
    if not any(t.kind == DISPLACEMENT for t in triggers):
        return triggers
    if any(t.kind != DISPLACEMENT and _told_with_doer(t.head(doc)) for t in triggers):
        return [t for t in triggers if t.kind != DISPLACEMENT]
    fled = [t.head(doc) for t in triggers if t.kind == DISPLACEMENT]
    return [t for t in triggers if t.kind == DISPLACEMENT or not (  # "fighting has displaced 15,000", "fled due to clashes"
        t.kind in (GENERIC, "Armed clash") and (_told_as_cause(t.head(doc)) or (t.head(doc).dep_ == "nsubj" and t.head(doc).head in fled)))]


def _fighters_named(doc: Any, triggers: list[Trigger]) -> list[Trigger]:
    """"Islamist rebel groups fighting to overthrow Assad announced a merger": a participle on a
    noun says who the group is; when the sentence tells another act, that act is the event."""
    def naming(t: Trigger) -> bool:
        head = t.head(doc)
        return t.rule == "clash" and head.dep_ == "acl" and head.tag_ == "VBG" and head.head.pos_ in ("NOUN", "PROPN")
    if any(not naming(t) for t in triggers):
        return [t for t in triggers if not naming(t)]
    return triggers


def _ground_assault(doc: Any, triggers: list[Trigger]) -> Trigger | None:
    """An assault told by its verb with a doer who is not a weapon ("PKK militants attacked Turkish
    soldiers"), apart from the strike words ("drones attacked", "attacked with drones"), and a strike
    told beside it ("in conjunction with airstrikes", "while jets bombed"), not as its weapon ("attacked
    soldiers via heavy guns (rockets)")."""
    erv = [t for t in triggers if BY_NAME.get(t.kind) is not None and BY_NAME[t.kind].event_type == ERV]
    strikes = {i for t in erv for i in range(t.start, t.end)}
    for t in triggers:
        head = t.head(doc)
        if t.kind != GENERIC or head.pos_ != "VERB" or head.lemma_.lower() not in ASSAULT_LEMMAS:
            continue
        doer = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if doer is None or doer.lemma_.lower() in WEAPON_CARRIERS or any(w.i in strikes for w in doer.subtree):
            continue
        if any(w.i in strikes for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "by", "using", "via")
               for w in c.subtree) or head.i in strikes:
            continue
        if any(_beside(s.head(doc), head) for s in erv):
            return t
    return None


def _beside(strike: Any, verb: Any) -> bool:
    """The strike is told outside the assault's clause, or joined to it as a separate act; not in
    brackets that gloss the assault's weapon ("via heavy guns (presumably rockets)")."""
    before = strike.doc[strike.sent.start:strike.i]
    if sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before):
        return False
    for token in [strike, *strike.ancestors]:
        if token is verb:
            return False
        if token.lower_ in BESIDE_WORDS or any(c.dep_ == "mark" and c.lower_ in BESIDE_WORDS for c in token.children):
            return True
    return True


def _fight_as_background(doc: Any, triggers: list[Trigger]) -> list[Trigger]:
    """"the army killed a villager after exchanging fire with the PDF": a fight told as what came
    before is the background of the act the main clause reports, which is the event."""
    before = [t for t in triggers if t.kind == "Armed clash" and _told_as_cause(t.head(doc))]
    acts = [t for t in triggers if t not in before and t.kind not in (PROTEST, DISPLACEMENT, INTERVENTION)
            and t.head(doc).pos_ == "VERB" and not _told_as_cause(t.head(doc))]
    return [t for t in triggers if t not in before] if before and acts else triggers


def _told_with_doer(head: Any) -> bool:
    verb = head if head.pos_ == "VERB" else None
    while verb is not None and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return verb is not None and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _entering_as_prelude(doc: Any, triggers: list[Trigger]) -> list[Trigger]:
    """"soldiers entered the village and arrested three men": entering is how the act began, not a
    place taken; only when the sentence tells nothing else is entering the event."""
    entering = [t for t in triggers if t.rule == "take-place" and t.head(doc).lemma_.lower() == "enter"]
    prelude = [e for e in entering if any(t is not e and _same_doer(e.head(doc), t.head(doc)) for t in triggers)]
    return [t for t in triggers if t not in prelude]


def _same_doer(first: Any, then: Any) -> bool:
    """"entered the village and arrested", "entered ..., pulled down a flag": verbs joined under one subject."""
    return (then.dep_ == "conj" and then.head == first) or (first.dep_ == "conj" and first.head == then) or \
        (then.dep_ in ("advcl", "xcomp") and then.head == first)


def _in_modifier(head: Any) -> bool:
    return any(t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" for t in [head, *head.ancestors])


def _told_as_cause(head: Any) -> bool:
    """Inside "after/following/amid/due to/in the wake of ..." or a clause opened by "after"."""
    for token in [head, *head.ancestors]:
        if token.dep_ in ("pobj", "pcomp") and (token.head.lower_ in CAUSE_WORDS
                                     or (token.head.lower_ in ("to", "of") and token.head.head.lower_ in CAUSE_HEADS)):
            return True
        if token.dep_ in ("dobj", "pobj") and token.head.lower_ == "following":
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "because") for c in token.children):
            return True
    return False


def _in_cause_phrase(head: Any) -> bool:
    token = head
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in CAUSE_PREPS:
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def _not_political(span: Any, actors: list[ActorMention]) -> bool:
    """Deaths from a disaster or an accident, and common crime (a robbery, a theft) with no armed
    group or political side named, are not ACLED events (codebook 1.1)."""
    text = span.text
    armed = [m for m in actors if m.actor.inter in (2, 3, 4, 8) and not m.actor.name.startswith("Unidentified")]
    if armed:
        return False
    if COURT.search(text) or (PERSONAL.search(text) and not ARMED_VICTIMS.search(text)
                              and not POLITICAL_SIDES.search(text)):
        return True
    return bool(DISASTER.search(text) or _crime_told(span)) and not POLITICAL.search(text)


def _crime_told(span: Any) -> bool:
    """Ordinary crime done, not a suspected thief beaten: "merchants caught and beat up a robber"
    is a crowd's violence (Mob violence), as noevent reads it too."""
    for m in COMMON_CRIME.finditer(span.text):
        words = span.doc.char_span(span.start_char + m.start(), span.start_char + m.end(), alignment_mode="expand")
        if words is None or not len(words) or not (crime_suspect(words.root) or _alleged(words.root)):
            return True
    return False


def _alleged(verb: Any) -> bool:
    """"attacked a man who allegedly stole a motorcycle": the crime is what the crowd's victim is
    said to have done, the ground of the violence told."""
    if verb.pos_ != "VERB":
        return False
    said = any(c.dep_ == "advmod" and c.lower_ in ("allegedly", "reportedly", "supposedly") for c in verb.children)
    return said or (verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "pobj"))


def predict(scene: Scene, text: str) -> Prediction | None:
    if not scene.use_model:
        return None
    return get_model().predict(scene.context or text)


def _revise(decisions: list[Decision], scene: Scene) -> list[Decision]:
    """The model picks the type within the family a rule named (a protest: peaceful, met with
    intervention, violent; violence: a clash, an attack, a mob), when it is sure enough."""
    first = next((d for d in decisions if d.revisable and d.sub_event_type in MODEL_TYPES), None)
    if first is None or not scene.use_model or first.toll_only or first.definite:
        return decisions  # a toll or "the attack" speaks of an event told before: that event's type holds
    prediction = predict(scene, "")
    if prediction is None or prediction.share < REVISE_SHARE or prediction.label == first.sub_event_type:
        return decisions
    if not _same_family(first.sub_event_type, prediction.label):
        return decisions
    if first.rule.startswith("protest") and prediction.label not in DEMONSTRATION:
        return decisions  # the rules read a demonstration; the model does not make it a clash or an attack
    if prediction.label == "Peaceful protest" and first.rule != "protest":
        return decisions  # force, arrests or rioting the rules read stay; the model only adds what they missed
    if any(d.sub_event_type == prediction.label for d in decisions):
        return decisions
    if {first.sub_event_type, prediction.label} == {"Attack", "Armed clash"} and first.actor2 is not None \
            and prediction.share < SURE_SHARE:
        return decisions  # the victims the rules read (civilians or combatants) decide, unless the model is sure
    if first.actor2 is not None and (first.sub_event_type, prediction.label, first.actor2.inter == 7) in (
            ("Attack", "Armed clash", True), ("Armed clash", "Attack", False)):
        return decisions  # the rules read who was hit, civilians or combatants: that decides (codebook 1.3)
    if first.rule.endswith("-by-crowd") and prediction.label in ("Attack", "Armed clash"):
        return decisions  # "a group of workers attacked a journalist": a crowd, no organised armed actor
    if first.rule == "clash" and prediction.label == "Attack" and not first.generic:
        return decisions  # "a gunbattle", "clashed", "exchanged fire": the text says both sides fought (codebook 1.3)
    if prediction.label in ("Mob violence", "Violent demonstration") and first.actor1 is not None \
            and first.actor1.inter in STATE and first.sub_event_type not in DEMONSTRATION:
        return decisions  # state forces burning homes or attacking are no riot (codebook: rioters, mobs)
    if first.rule == "protest" and prediction.label in ("Protest with intervention", "Excessive force against protesters") \
            and (prediction.share < SURE_SHARE or first.force_as_grievance):
        return decisions  # the rules read no force against this protest; only a sure model adds it
    if prediction.label == "Violent demonstration" and first.sub_event_type in DEMONSTRATION \
            and not _violence_told(scene.context or ""):
        return decisions  # nothing in the text says the demonstrators used violence
    if prediction.label == "Mob violence" and first.sub_event_type in ("Attack", "Armed clash") \
            and (ARMED_ATTACKERS.search(scene.context or "") or not CROWD_TOLD.search(scene.context or "")):
        return decisions  # "heavily-armed men attacked mourners", "two men set fire to a woman": no mob
    if prediction.label == "Attack" and ARMED_VICTIM_TOLD.search(scene.context or ""):
        return decisions  # "the victim was a drug dealer": the text says who the victim was
    _retype(first, prediction.label, scene)
    return decisions


def _violence_told(text: str) -> bool:
    """Words of demonstrators' violence, apart from the names of riot police and their gear and
    the force's own fire ("police opened fire on protesters")."""
    text = FORCE_FIRE.sub("", RIOT_UNITS.sub("", text))
    return bool(RIOTING.search(text) or RIOT_WORDS.search(text))


def _same_family(rule_type: str, model_type: str) -> bool:
    return any(rule_type in family and model_type in family for family in FAMILIES)


def _retype(decision: Decision, label: str, scene: Scene) -> None:
    """The new type, with the actors its definition asks for."""
    decision.rule = "model"
    decision.sub_event_type = label
    decision.generic = False
    actors = [a for a in (decision.actor1, decision.actor2, *decision.assoc_actor_1, *decision.assoc_actor_2) if a]
    force = next((a for a in actors if a.inter in ARMED), None)
    if label == "Peaceful protest":
        decision.actor1 = next((a for a in actors if a.inter == 6), None) or scene.actor("protesters")
        decision.actor2, decision.assoc_actor_2 = None, []
    elif label in ("Protest with intervention", "Excessive force against protesters"):
        decision.actor1 = next((a for a in actors if a.inter == 6), None) or scene.actor("protesters")
        decision.actor2 = force or scene.actor("police")
    elif label in ("Violent demonstration", "Mob violence"):
        if decision.actor1 is None or decision.actor1.inter in (6, 7):
            decision.actor1 = scene.actor("rioters") or decision.actor1
        if decision.actor2 is not None and decision.actor2.inter == 6:
            decision.actor2 = None
    elif label == "Attack":
        decision.actor2 = decision.actor2 or scene.actor("civilians")
    decision.civilian_targeting = label == "Attack" or _targets_civilians(Roles(decision.actor1, [], decision.actor2))


def classify_by_model(span: Any, actors: list[ActorMention], fatal: Any, scene: Scene) -> list[Decision]:
    """An event no rule found ("Peaceful protest" told tersely): the model names it when it is
    sure, and the parse gives the roles around the sentence's main verb."""
    if _not_political(span, actors):
        return []
    root = Trigger("root", "", span.root.i, span.root.i + 1)
    if not all(_realis(span.doc, t) for t in [*find_triggers(span), root]):
        return []  # what the rules read as threatened, planned or habitual stays no event
    if any(t.dep_ == "aux" and t.lower_ in MODALS for t in span):
        return []  # "they would blockade Paris": announced, not done
    if span.root.lemma_.lower() in PROCEEDINGS and span.root.pos_ == "VERB":
        return []  # "a court sentenced two men for the killing": the news is the sentence
    found = find_triggers(span)
    if any(_ground_of_proceedings(t.head(span.doc)) or (t.kind == PROTEST and _lone_hunger_strike(span.doc, t))
           for t in found):
        return []  # "charged over the attack", one man's hunger strike: what the rules set aside stays out
    prediction = predict(scene, span.text)
    if prediction is None or prediction.share < FALLBACK_SHARE:
        return []
    roles = assign_roles(span.doc, span.root, actors, _victims(span, fatal))
    decision = _make(prediction.label, "model", roles)
    _retype(decision, prediction.label, scene)
    return [decision]


def _victims(span: Any, fatal: Any) -> tuple[int, int] | None:
    """The toll phrase as article offsets: who is named there died, and did not act."""
    if fatal is None:
        return None
    return span.start_char + fatal.start, span.start_char + fatal.end


def _realis(doc: Any, trigger: Trigger) -> bool:
    """False for acts that are only threatened, planned, feared, denied or habitual."""
    head = trigger.head(doc)
    chain = [head, *list(head.ancestors)[:3]]
    for below, token in zip([None, *chain], chain):
        if below is not None and below.dep_ in ("nsubj", "nsubjpass"):
            break  # "protesters demanded ...": the act is the subject, not what is demanded
        if any(c.dep_ == "neg" for c in token.children) and not _aside(token):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return False
        if token is not head and token.lemma_ in DEMANDING and below.dep_ in ("ccomp", "parataxis", "conj") \
                and below.tag_ == "VBD" and any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children):
            break  # "members staged a protest ..., they also demanded cuts": a past clause of its own is no demand
        if token is not head and token.lemma_ == "call" and token.tag_ == "VBN" \
                and any(c.dep_ in ("agent", "auxpass") for c in token.children):  # "was called names": passive
            continue  # "nurses called by the unions protested": convened, not called for
        if token is not head and token.lemma_ in IRREALIS:
            return False
    if _denied(head):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for t in chain[:3] for c in t.children):
        return False  # "no information on whether fighting took place", "if clashes resume": not told as done
    if (_habitual(head) and not _headline(head.sent) and not _note_present(doc, trigger, head)) or _to_be_done(head):
        return False
    if head.dep_ == "acl" and head.tag_ == "VB" and head.head.pos_ == "NOUN" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False  # "a bid to destroy the market", "plans to attack": an aim named by a noun, not a deed
    if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in PLANNED for c in head.children):
        return False  # "an exchange that is expected to take place next week", "a march planned for Friday"
    return not any(c.lower_ in IRREALIS_MODS for c in head.children)


def _aside(token: Any) -> bool:
    """A bracketed aside ("blocked (means not specified) a school"): its "not" denies no act."""
    return token.dep_ in ("parataxis", "appos") and any(c.lower_ == "(" for c in token.children)


def _denied(head: Any) -> bool:
    """"taken without a fight", "without encountering resistance", "no clashes were reported"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    token = head
    for _ in range(3):
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without":
            return True
        if token.dep_ not in ("dobj", "pobj", "pcomp", "compound", "amod"):
            return False
        token = token.head
    return False


def _habitual(head: Any) -> bool:
    """Simple present ("gangs raid villages", "its strikes target military sites") states a
    habit or a position, not an event: news reports events in the past or present perfect."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "gangs raid villages and kidnap": the first verb carries the tense
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and auxes and all(a.lower_ in ("is", "are", "am") for a in auxes):
        return True  # "its strikes are aimed at army positions": a present-tense passive states a position
    if verb.tag_ not in ("VBZ", "VBP") or verb.pos_ != "VERB" or verb.lower_ in PAST_FORMS:
        return False  # the small model tags some past forms ("retook") as present
    return not auxes


def _note_present(doc: Any, trigger: Trigger, head: Any) -> bool:
    """A one- or two-sentence report of a protest in the present ("Doctors protest over pay in
    Nairobi.") tells what happened, as monitors' notes and captions do; unless an adverb makes it
    a habit ("often", "every year")."""
    if trigger.kind != PROTEST or len(list(doc.sents)) > 2:
        return False
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return verb.dep_ == "ROOT" and not any(c.lower_ in HABIT_WORDS for c in verb.subtree)


def _headline(sentence: Any) -> bool:
    """Headlines tell past events in the present ("IS targets SDF in al-Raqqa"): no final stop."""
    return not sentence.text.rstrip().endswith((".", "!", "?", "\"", "”"))


def _to_be_done(head: Any) -> bool:
    """"agreed to release", "plans to attack": an infinitive is an intention, unless the verb
    above says it happened ("were forced to flee", "began to shell")."""
    if head.tag_ != "VB" or head.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False  # a purpose ("parked trucks to protest") is done; a complement ("agreed to release") is not
    return head.head.lemma_ not in DONE_VERBS


def _eventive(doc: Any, trigger: Trigger) -> bool:
    """A trigger word used as a modifier names a thing, not an act ("displacement camp"), and a
    capitalised one inside a sentence is a name ("5 March 2022", "Operation Storm")."""
    head = trigger.head(doc)
    if (trigger.end - trigger.start == 1 or trigger.kind == ADVANCE) and head.pos_ == "PROPN" and head.i > 0 \
            and head.text[:1].isupper() and not (head.text.isupper() and trigger.kind in BY_NAME) \
            and not _weapon_fired(head):
        return False  # "The Associated Press on Wednesday" is no push on; but "an IED" is a weapon's acronym
    if any(c.dep_ == "amod" and c.lower_ in ("previous", "past", "earlier", "former", "recent") for c in head.children) \
            and head.dep_ == "pobj":
        return False  # "an IED from previous clashes exploded": the clashes are long over
    if trigger.kind == "Agreement" and head.head.lemma_.lower() in ("violate", "breach", "break"):
        return False  # "violating the ceasefire agreement signed in 2001" tells of an old agreement
    if trigger.kind in ("Grenade", "Shelling/artillery/missile attack") and head.i > 0 \
            and doc[head.i - 1].lower_ in NOT_WEAPON_GRENADES:
        return False  # stun grenades, tear gas shells disperse crowds; they are no weapon attack
    if BY_NAME.get(trigger.kind) is not None and BY_NAME[trigger.kind].event_type == ERV and _found_not_fired(head):
        return False  # "found a live grenade", "seized explosives": a weapon that did not go off
    if _ground_of_proceedings(head):
        return False  # "charged over the bus attack": a court or a body acts on an event told before
    if trigger.kind == PROTEST and _lone_hunger_strike(doc, trigger):
        return False  # codebook 1.3: an individual's hunger strike is not a Protest
    if trigger.kind == "Headquarters or base established" and any(
            w.lemma_.lower() == "camp" and any(t.lemma_.lower() in SHELTER_WORDS for t in w.subtree) for w in head.subtree):
        return False  # "set up camps for displaced families": shelter, not an armed group's base
    if trigger.rule == "group" and not ARMED_GROUPS.search(head.sent.text):
        return False  # a merger of firms or parties is no armed group's change (codebook: armed groups merging)
    if trigger.rule == "explosive" and _planted_only(head):
        return False  # "had planted a 15 kg bomb": a device placed is no blast until the text says it went off
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and doc[head.i + 2].lower_ in HYPHEN_ADJECTIVES:
        return False  # "the riot-torn district", "curfew-free areas" describe a place, not an act
    if trigger.kind == PROTEST and head.lemma_.lower() == "demonstrate" and any(c.dep_ in ("dobj", "ccomp")
                                                                                 for c in head.children):
        return False  # "to demonstrate the force", "demonstrated its strength": to show, not to protest
    if trigger.rule == "change" and head.lemma_.lower() == "send" and any(t.lemma_.lower() == "flee" for t in head.subtree):
        return False  # "sending government troops fleeing": a rout, not a deployment
    if trigger.rule == "intercept" and head.dep_ == "amod":
        return False  # "carried out an intercepted attack": an ambush, not a weapon stopped
    if trigger.kind == "Headquarters or base established" and any(
            w.lemma_.lower() in ("protest", "sit-in", "vigil") for w in head.subtree):
        return False  # "set up a protest camp": demonstrators camping, not an armed group's base
    if trigger.kind in ("Sexual violence", "Attack") and _accused_of(head):
        return False  # "a man accused of rape": the ground of an accusation, not an act reported
    if trigger.kind == TERRITORY and head.dep_ in ("relcl", "acl") and any(
            re.fullmatch(r"(?:19|20)\d\d", t.text) and t.head.lower_ not in MONTHS for t in head.subtree):
        return False  # "the territory that was captured during the 2020 war": a past capture describing a place
    if trigger.kind == TERRITORY and head.dep_ == "amod":
        return False  # "consolidated on the captured frontiers", "the occupied territories": a state, not a capture
    if trigger.kind == DISPLACEMENT and head.dep_ == "amod" and head.lemma_.lower() == "displace":
        return False  # "displaced women were raped": who the victims were, not a new displacement
    if trigger.kind == "Violent demonstration" and head.dep_ in ("compound", "amod", "nmod") \
            and head.head.lemma_.lower() in RIOT_GEAR:
        return False  # "riot police used tear gas": the police's name, not a riot
    return not (head.dep_ in ("compound", "amod") and head.head.lemma_ in NOT_EVENT_HEADS)


def _accused_of(head: Any) -> bool:
    """"accused of rape", "suspected of raping a girl": what someone is accused of."""
    for token in [head, *list(head.ancestors)[:3]]:
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "of" \
                and token.head.head.lemma_.lower() in ACCUSING | {"accuse", "suspect", "allege"}:
            return True
    return False


def _weapon_fired(head: Any) -> bool:
    """A rocket system's name used as the weapon: "fired Tochka-U at", "Grad rockets hit"."""
    near = {head.head.lemma_.lower(), *(t.lemma_.lower() for t in head.doc[max(0, head.i - 1):head.i + 3])}
    return head.lower_ in ROCKET_SYSTEMS and bool(near & {"fire", "launch", "rocket", "missile", "system", "use", "hit"})


def _planted_only(head: Any) -> bool:
    """A bomb told only as planted, placed or hidden, with no word that it went off or hurt anyone."""
    if head.pos_ != "NOUN" or head.dep_ not in ("dobj", "nsubjpass") or head.head.lemma_.lower() not in PLANT_VERBS:
        return False
    return not any(t.lemma_.lower() in WENT_OFF for t in head.sent)


def _ground_of_proceedings(head: Any) -> bool:
    """"UEFA charge Liverpool over the bus attack", "sentenced for the killing": the act is the
    ground of a charge, a sentence or an inquiry, which reports on it later; not a new report."""
    token = head
    for _ in range(6):  # "for their involvement in the blasts that left 88 people dead"
        parent = token.head
        if parent is token:
            return False
        if token.dep_ in ("pobj", "pcomp") and parent.lower_ in ("over", "for") and _proceeding(parent):
            return True
        token = parent
    return False


def _proceeding(prep: Any) -> bool:
    """The phrase an "over"/"for" hangs on names a charge or a sentence; headlines parse the verb
    as a noun ("UEFA charge Liverpool FC over ..."), so its words count, not only its head."""
    words = [t for t in prep.head.subtree if t.i < prep.i]
    verb = next((t for t in (prep.head, *prep.head.ancestors) if t.pos_ == "VERB"), None)
    if verb is not None and any(c.dep_ == "dobj" and c.lemma_.lower() in PROCEEDINGS for c in verb.children):
        return True  # "awarded life imprisonment to the chief for ...": the sentence is the verb's object
    return any(t.lemma_.lower() in PROCEEDINGS for t in words[-6:])


def _lone_hunger_strike(doc: Any, trigger: Trigger) -> bool:
    """A hunger strike whose striker is one person ("a member of parliament, X, started a hunger
    strike"), not a group or a number of people."""
    words = doc[trigger.start:trigger.end]
    if not any(t.lower_ == "hunger" for t in words):
        return False
    head = trigger.head(doc)
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ not in ("NN", "NNP"):
        return False
    if subject.lemma_.lower() in GROUP_NOUNS or any(c.dep_ in ("nummod", "conj") for c in subject.children):
        return False
    return True


def _found_not_fired(head: Any) -> bool:
    """"seized a quantity of arms, ammunition and improvised explosive devices (IEDs)": the weapon
    is what was found, however deep in the list it stands."""
    token = head
    for _ in range(6):
        if token.dep_ in ("dobj", "obj", "conj", "appos", "pobj", "prep", "nsubjpass", "amod", "compound") \
                and token.head is not token:
            token = token.head
            if token.lemma_.lower() in FOUND_VERBS:
                return True
        else:
            return False
    return False


def _decide(span: Any, trigger: Trigger, actors: list[ActorMention], fatal: Any,
            victims: tuple[int, int] | None, scene: Scene) -> Decision | None:
    head = trigger.head(span.doc)
    roles = assign_roles(span.doc, head, actors, victims)
    if trigger.kind == INTERVENTION:
        if not intervened(span):
            return None  # "the group later dispersed peacefully": the crowd's own act, no force met it
        # Only meaningful after a protest: claims.py drops it when none was told.
        return _make("Protest with intervention", "intervention-on-protest", _protest_roles(roles, scene), trigger, span)
    if trigger.kind == TERRITORY:
        return _territory(span, trigger, _territory_roles(span, head, actors, roles), scene)
    if trigger.kind == ADVANCE:
        return _advance(trigger, roles)
    if trigger.kind == DISPLACEMENT:
        return _displacement(span, trigger)
    if trigger.kind == "Arrests" and roles.actor1 is not None and roles.actor1.inter not in DETAINING:
        return _make("Abduction/forced disappearance", "arrest-by-non-state", roles, trigger, span)
    if trigger.kind == "Arrests" and _at_a_demonstration(head):
        # codebook 1.3: arrests of protesters are an intervention in their protest ("arrested 373 at a Pride March")
        return _make("Protest with intervention", "arrest-at-protest", _protest_roles(roles, scene), trigger, span)
    if trigger.kind == "Arrests" and _hurt_in_custody(span):
        roles.actor2 = roles.actor2 if roles.actor2 is not None and roles.actor2.inter == 7 else scene.actor("civilians")
        return _make("Attack", "arrest+hurt", roles, trigger, span, civilians=True)
    if trigger.kind == "Abduction/forced disappearance" and _by_a_crowd(span, trigger, roles):
        roles.actor1 = scene.actor("rioters") or roles.actor1  # "villagers kidnapped and beat suspected thieves"
        return _make("Mob violence", "abduct-by-crowd", roles, trigger, span)
    if trigger.kind == "Abduction/forced disappearance" and _and_killed(head):
        return _make("Attack", f"{trigger.rule}+killed", roles, trigger, span, civilians=True)  # codebook 1.4
    if trigger.kind in ("Abduction/forced disappearance", "Looting/property destruction") \
            and fatal is not None and fatal.best > 0:  # sexual violence ranks above Attack (codebook 1.3) and stays
        return _make("Attack", f"{trigger.rule}+killed", roles, trigger, span, civilians=True)
    if trigger.rule == "intercept" and head.lemma_ == "intercept" and any(
            c.dep_ == "dobj" and (PERSON_OBJECTS.fullmatch(c.text) or c.lemma_.lower() in NOT_INTERCEPTED)
            for c in head.children):
        return None  # "intercepted a man on a motorcycle", "intercepted the way": stopped people, not a weapon
    if trigger.kind == "Disrupted weapons use" and _target_of_strike(span, head):
        return None  # "air raids destroyed a weapons cache", "drones hit deminers as they defused mines": the target
    if trigger.kind == "Grenade" and DRONE_WORDS.search(span.text):
        # "dropped grenades from a drone": an air-to-ground attack (codebook 1.3, Air/drone strike)
        return _make("Air/drone strike", "grenade-from-drone", roles, trigger, span)
    if trigger.rule == "air" and _downed(head):
        return None  # "shot down a helicopter": the aircraft is what was hit, not the weapon used
    if trigger.rule == "intercept" and _crewed_aircraft_downed(head):
        # codebook 1.3: a crewed aircraft shot down is a Shelling/artillery/missile attack; a drone
        # or a missile brought down is Disrupted weapons use
        return _make("Shelling/artillery/missile attack", "aircraft-downed", roles, trigger, span)
    if trigger.kind == "Disrupted weapons use" and roles.actor1 is None and AIR_DEFENCE.search(span.text):
        roles.actor1 = scene.actor("troops")  # air defences are the home state's forces
    if trigger.rule == "clash" and head.lemma_.lower() in REPEL_LEMMAS and roles.actor1 is not None \
            and roles.actor2 is not None:
        # "were repelled by Ukrainian forces", "repulsed an attack by the rebels": the side repelled
        # began the fight; ACLED names the side that acts first as Actor 1
        roles.actor1, roles.actor2 = roles.actor2, roles.actor1
        roles.assoc_actor_1, roles.assoc_actor_2 = roles.assoc_actor_2, roles.assoc_actor_1
    if trigger.rule == "clash" and head.lemma_ == "ambush" and _ambushed_civilians(span, head, roles, fatal):
        roles.actor2 = scene.actor("civilians") or roles.actor2  # an ambush on aid workers is one-sided (codebook 1.3)
        return _make("Attack", "ambush-on-civilians", roles, trigger, span, civilians=True)
    if trigger.kind == "Violent demonstration" and (DEMO_CONTEXT.search(span.text)
                                                    or DEMO_TOLD.search(scene.context or "")):
        roles.actor1 = scene.actor("rioters") or roles.actor1
        return _make("Violent demonstration", f"{trigger.rule}-with-demands", roles, trigger, span)
    if trigger.kind == "Violent demonstration" or (trigger.kind == "Armed clash" and _by_a_crowd(span, trigger, roles)):
        # Rioting outside a demonstration, or a crowd's brawl, is mob violence (codebook 1.3).
        roles.actor1 = scene.actor("rioters") or roles.actor1
        if trigger.kind == "Armed clash" and (roles.actor2 is None or roles.actor2.inter in (5, 6, 7)):
            roles.actor2 = scene.actor("rioters") or roles.actor2  # two crowds fought: rioters on both sides
        return _make("Mob violence", f"{trigger.rule}-without-demonstration", roles, trigger, span)
    if trigger.kind == "Looting/property destruction" and _set_on_a_person(head):
        roles.actor2 = roles.actor2 or scene.actor("civilians")  # "set fire to a woman": violence on a person
        return _make("Attack", "burned-a-person", roles, trigger, span, civilians=True)
    if trigger.kind == "Looting/property destruction" and _by_a_crowd(span, trigger, roles):
        # a crowd wrecking property is a riot, not an armed group's looting (codebook 1.3: Mob
        # violence covers rioters attacking property; Looting/property destruction is by armed actors)
        roles.actor1 = scene.actor("rioters") or roles.actor1
        return _make("Mob violence", f"{trigger.rule}-by-crowd", roles, trigger, span)
    if trigger.rule == "explosive" and trigger.end - trigger.start == 1 and _counted_blasts(head):
        # a tally of explosions ("a total of 14 explosions involving unknown weapons") is ranged fire
        # watched from afar, not a planted device (codebook: IEDs are remotely or victim-activated)
        return _make("Shelling/artillery/missile attack", "explosions-counted", roles, trigger, span)
    if BY_NAME[trigger.kind].event_type == ERV:
        roles.actor1 = roles.actor1 or _weapon_owner(head, scene)
        if roles.actor2 is None:
            roles.actor2 = _positions_of(span, trigger, roles.actor1, scene)  # "fired mortars at DPR positions"
        if CIVILIAN_OBJECTS.search(span.text) and CIVILIANS_HURT.search(span.text) \
                and (roles.actor2 is None or roles.actor2.inter != 7):
            roles.actor2 = scene.actor("civilians") or roles.actor2  # "strikes on civilian areas"
    return _make(trigger.kind, trigger.rule, roles, trigger, span)


def _set_on_a_person(head: Any) -> bool:
    verb = head if head.pos_ == "VERB" else head.head
    hit = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("to", "on")
           for p in prep.children if p.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
    return any(p.lemma_.lower() in PERSON_NOUNS | {"man", "woman", "person", "child", "boy", "girl"}
               or CIVILIAN_VICTIMS.fullmatch(p.text) for p in hit)


def _at_a_demonstration(head: Any) -> bool:
    verb = head if head.pos_ == "VERB" else head.head
    return any(prep.lower_ in ("at", "during") and any(p.dep_ == "pobj" and p.lemma_.lower() in DEMO_NOUNS
                                                       for p in prep.children)
               for prep in verb.children if prep.dep_ == "prep")


def _crewed_aircraft_downed(head: Any) -> bool:
    """"shot down a Ka-52 helicopter", "downed an Su-25 jet": what was brought down carries a crew."""
    if head.lemma_.lower() not in ("shoot", "down", "destroy"):
        return False
    downed = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    words = [t for c in downed for t in c.subtree]
    if any(t.lemma_.lower() in UNCREWED for t in words):
        return False
    return any(t.lemma_.lower() in CREWED or CREWED_MODELS.fullmatch(t.text) for t in words)


def _downed(head: Any) -> bool:
    noun = head
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head is not noun:
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.lemma_.lower() == "down" or (verb.lemma_.lower() == "shoot" and any(c.lower_ == "down" for c in verb.children))


def _target_of_strike(span: Any, head: Any) -> bool:
    """A weapons cache or a defusal told as what a strike hit, or as the time it hit ("as they were
    defusing mines"), beside a strike in the same sentence: the strike is the event."""
    if not any(BY_NAME.get(t.kind) is not None and BY_NAME[t.kind].event_type == ERV and t.rule != "intercept"
               for t in find_triggers(span)):
        return False
    for token in [head, *list(head.ancestors)[:3]]:
        if token.dep_ in ("dobj", "conj", "appos") and token.head.lemma_.lower() in STRIKE_VERBS:
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in token.children):
            return True
    return False


def _hurt_in_custody(span: Any) -> bool:
    """Beaten or tortured in the arrest; not others described as hurt before ("along with three
    activists abducted and assaulted earlier this year")."""
    for m in HURT_IN_CUSTODY.finditer(span.text):
        words = span.doc.char_span(span.start_char + m.start(), span.start_char + m.end(), alignment_mode="expand")
        word = words[0] if words is not None and len(words) else None
        if word is None:
            return True
        chain = [word, *([word.head] if word.dep_ == "conj" else [])]
        if any(w.tag_ == "VBN" and w.dep_ in ("acl", "relcl", "amod") for w in chain):
            continue
        return True
    if DIED_IN_CUSTODY.search(span.text):
        return True
    after = next((s for s in span.doc.sents if s.start == span.end), None)  # "One of them was beaten"
    return after is not None and bool(HURT_IN_CUSTODY.search(after.text)) and bool(THE_DETAINED.search(after.text))


def _counted_blasts(head: Any) -> bool:
    if head.lemma_.lower() not in ("explosion", "blast") or head.tag_ != "NNS":
        return False
    counted = any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in head.children)
    told = " ".join(t.lower_ for t in head.subtree)
    return counted or "weapon" in told or "bursts" in told or "heavy" in told


def _and_killed(head: Any) -> bool:
    """"abducting and murdering the governor", "abducted, beaten up and tortured": the abduction
    ended in a killing or in serious injury (codebook 1.3: then it is an Attack)."""
    pair = [c for c in head.children if c.dep_ in ("conj", "dep") and c.pos_ == "VERB"] + \
        ([head.head] if head.dep_ == "conj" else [])
    pair += [c for t in list(pair) for c in t.children if c.dep_ == "conj"]  # "abducted, beaten up, and tortured"
    return any(t.lemma_.lower() in KILL_LEMMAS | INJURY_LEMMAS for t in pair)


def _ambushed_civilians(span: Any, head: Any, roles: Roles, fatal: Any) -> bool:
    """Who an ambush hit: a convoy of aid workers, traders or passengers is unarmed; a patrol,
    a military convoy or any armed actor named as the target makes it a clash."""
    hit = " ".join(_phrase(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass"))
    if OFF_DUTY.search(hit) and not ARMED_VICTIMS.search(OFF_DUTY.sub("", hit)):
        return True  # "vehicles carrying off-duty soldiers": civilians (codebook 1.5)
    if roles.actor2 is not None and roles.actor2.inter != 7:
        return False
    hit = f"{hit} {getattr(fatal, 'victims', None) or ''}" if fatal is not None else hit
    if not hit.strip() or ARMED_VICTIMS.search(hit) or ARMED_UNITS.search(hit):
        return False
    return bool(CIVILIAN_VICTIMS.search(hit) or UNARMED_CONVOYS.search(hit))


def _make(sub_event_type: str, rule: str, roles: Roles, trigger: Trigger | None = None, span: Any = None, *,
          civilians: bool = False, **extra: Any) -> Decision:
    decision = Decision(sub_event_type, rule, roles.actor1, roles.assoc_actor_1, roles.actor2, roles.assoc_actor_2,
                        civilian_targeting=civilians or _targets_civilians(roles), **extra)
    if trigger is not None and span is not None:
        decision.distinct = _marked_distinct(span, trigger)
        decision.definite = _definite(span.doc, trigger)
        decision.revisable = trigger.rule not in DEFINING_RULES
    return decision


def _marked_distinct(span: Any, trigger: Trigger) -> bool:
    """"HTS also attacked ...", "Elsewhere, ...": the writer says this is another event."""
    if span[0].lower_ in DISTINCT or span.text.lower().startswith(("in another", "in a separate")):
        return True
    head = trigger.head(span.doc)
    anchors = {head, head.head}
    return any(c.lower_ in DISTINCT and c.dep_ == "advmod" for a in anchors for c in a.children)


def _definite(doc: Any, trigger: Trigger) -> bool:
    """"the blast", "the aircraft dropped two bombs": a definite act, or a definite weapon acting."""
    head = trigger.head(doc)
    if head.pos_ == "VERB":
        head = next((c for c in head.children if c.dep_ == "nsubj" and c.lemma_.lower() in WEAPON_CARRIERS), head)
    return head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _positions_of(span: Any, trigger: Trigger, actor1: Actor | None, scene: Scene) -> Actor | None:
    """The side whose positions the fire hit: "at Ukrainian positions" names Ukraine's forces."""
    after = span.doc.text[trigger.head(span.doc).idx:span.end_char]
    m = POSITIONS.search(after)
    if m is None:
        return None
    actor = scene.actor(f"{m.group(1)} forces")
    return actor if actor is not None and actor != actor1 else None


def _weapon_owner(head: Any, scene: Scene) -> Actor | None:
    """"Russian ballistic missiles", "a Russian drone": the nationality names the state's forces."""
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.text[:1].isupper():
            actor = scene.actor(f"{child.text} forces")
            if actor is not None and actor.inter in (1, 8):
                return actor
    return None


def _targets_civilians(roles: Roles) -> bool:
    return roles.actor2 is not None and roles.actor2.inter == 7


def _territory_roles(span: Any, head: Any, actors: list[ActorMention], roles: Roles) -> Roles:
    """"The FARDC clashed with M23 rebels and regained the hill": a verb joined to the one before
    it, with no subject of its own, shares that verb's subject and its opponent."""
    if head.dep_ != "conj" or head.head.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass")
                                                              for c in head.children):
        return roles
    first = assign_roles(span.doc, head.head, actors, None)
    return first if first.actor1 is not None else roles


def _territory(span: Any, trigger: Trigger, roles: Roles, scene: Scene) -> Decision | None:
    """A capture of places; seizing weapons or depots is part of a battle, not territory. Taken
    without a fight, or after the holders left, it is a non-violent transfer (codebook 1.3)."""
    head = trigger.head(span.doc)
    heads = _taken(head)
    objects = " ".join(t.text for c in heads for t in _own_words(c))
    if objects and WEAPON_OBJECTS.search(objects) and not re.search(r"\b(areas?|villages?|towns?|control)\b", objects):
        if ARMS.search(objects) and (roles.actor1 is None or roles.actor1.inter in DETAINING) \
                and not _violence_beside(span, trigger):
            return _make("Disrupted weapons use", "arms-seized", roles, trigger, span)  # a cache seized (codebook 1.3)
        if not ARMS.search(objects) and trigger.rule == "territory":
            return _goods_seized(span, trigger, roles)
        return None
    if any(c.lower_ == "power" for c in heads):
        return None  # "seized power": a coup (Other), not a place
    if not heads and head.lemma_.lower() in CAPTURE_VERBS and head.pos_ == "VERB":
        return None  # "Police seized.": nothing named was taken
    held = [c for c in heads if c.lemma_.lower() != "control"]  # "gained control of some sites": the sites
    if held and not any(_a_place(c) for c in held) and all(
            WEAPON_OBJECTS.fullmatch(c.text) or c.lemma_.lower() in PROPERTY_NOUNS for c in held):
        return None  # "to regain control of an oil truck": a vehicle or goods, no location changed hands
    if trigger.rule == "territory" and held and all(_unnamed_positions(c) for c in held):
        # "recapturing several positions", "gained control of some sites": ground won inside a fight,
        # no location whose control changed (codebook 1.3: territory is a location's control)
        return _make("Armed clash", "positions-taken", roles, trigger, span) if FIGHTING.search(span.text) else None
    if trigger.rule == "territory" and heads and _person_taken(heads[0]) and not any(_a_place(c) for c in heads):
        return _people_seized(span, trigger, roles, scene)
    if trigger.rule == "territory" and heads and any(c.lemma_.lower() in PROPERTY_NOUNS for c in heads) \
            and not any(_a_place(c) for c in heads):
        return _goods_seized(span, trigger, roles)
    if trigger.rule != "expel" and any(WEAPON_OBJECTS.fullmatch(c.text) or PERSON_OBJECTS.fullmatch(c.text)
                                       or c.lower_ in ("those", "who") for c in heads):
        return None  # "seized 5,000 marijuana plants in a village", "captured two men": no place changed hands
    if head.dep_ == "acl" and head.tag_ == "VBG" and (CIVILIAN_VICTIMS.fullmatch(head.head.text)
                                                      or head.head.lemma_.lower() in OCCUPIERS):
        return None  # "citizens occupying a space near the office": a sit-in, no armed capture
    if (roles.actor1 is None or roles.actor1.inter in (5, 6, 7)) and DEMO_CONTEXT.search(span.text):
        # "workers took over the tax office to demand ...": an occupation is a protest (codebook 1.3)
        return _make("Peaceful protest", "occupation-with-demands", _protest_roles(roles, scene), trigger, span)
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in CROWD_NOUNS and (roles.actor1 is None or roles.actor1.inter not in ARMED):
        return None  # "unionized workers took over the tax office to demand ...": an occupation by a crowd, not a conquest
    if any(c.lemma_.lower() in MEDIA_OBJECTS for c in heads):
        return None  # "took over state television": a coup's act, not a place taken (codebook: Other)
    side = [a for a in (roles.actor1, *roles.assoc_actor_1) if a is not None]
    if roles.actor1 is not None and roles.actor1.inter not in STATE and any(a.inter in STATE for a in side):
        roles.actor1 = next(a for a in side if a.inter in STATE)  # "Giants Brigade and pro-Hadi forces gained control"
    told = scene.context or span.text
    if _taken_without_fight(told, span, head):
        return _make("Non-violent transfer of territory", "territory-without-fight", roles, trigger, span,
                     territory="captured")
    if subject is not None and subject.lemma_.lower() in STATE_NOUNS and (roles.actor1 is None or roles.actor1.inter not in ARMED
                                                                          or roles.actor1.inter not in STATE):
        roles.actor1 = scene.actor(f"{subject.text}") or roles.actor1  # "the army recaptured the town from Boko Haram"
        if roles.actor1 is None or roles.actor1.inter not in STATE:
            return _make("Government regains territory", "territory-by-state", roles, trigger, span, territory="captured")
    state = roles.actor1 is not None and roles.actor1.inter in STATE
    from_rebels = roles.actor1 is None and roles.actor2 is not None and roles.actor2.inter in (2, 3)
    if state or (roles.actor1 is None and head.lemma_ in REGAIN_VERBS) or from_rebels:
        # an unnamed force taking a town from rebels: government control returns (codebook 1.3)
        return _make("Government regains territory", "territory-by-state", roles, trigger, span, territory="captured")
    return _make("Non-state actor overtakes territory", "territory-by-non-state", roles, trigger, span,
                 territory="captured")


def _person_taken(noun: Any) -> bool:
    """"captured two men", "the rector was seized", "3 were killed and 1 captured": people, not a place."""
    if noun.pos_ == "NUM" and not any(c.dep_ == "prep" for c in noun.children):
        return True  # a bare count stands for the people just named
    return bool(PERSON_OBJECTS.fullmatch(noun.text)) or noun.lower_ in ("those", "who") \
        or noun.lemma_.lower() in PERSON_NOUNS


def _unnamed_positions(noun: Any) -> bool:
    """Military positions or sites with no name of their own: "several positions", "some sites"."""
    named = noun.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in noun.subtree if t.i < noun.i)
    return noun.lemma_.lower() in POSITIONS_WORDS and not named


def _a_place(noun: Any) -> bool:
    return noun.lemma_.lower() in PLACE_NOUNS or noun.ent_type_ in ("GPE", "LOC", "FAC")


def _people_seized(span: Any, trigger: Trigger, roles: Roles, scene: Scene) -> Decision | None:
    """People captured outside a fight: the home state's forces arrest them; anyone else abducts
    them (codebook 1.3: arrests by non-state groups and by forces abroad are abductions). Fighters
    captured in a battle are part of it."""
    if _violence_beside(span, trigger) or roles.actor1 is None or roles.actor1.inter not in ARMED \
            or not _doer_a_force(trigger.head(span.doc)):
        return None  # "residents captured two men accused of theft and beat them": a crowd, not an armed group
    if roles.actor1.inter in STATE:
        return _make("Arrests", "captured-by-state", roles, trigger, span)
    roles.actor2 = roles.actor2 or scene.actor("civilians")
    return _make("Abduction/forced disappearance", "captured-by-non-state", roles, trigger, span, civilians=True)


def _doer_a_force(verb: Any) -> bool:
    """The capture's doer, as the sentence names it, is a force or a named group ("soldiers", "M23"),
    not merchants or passers-by; an unnamed doer leaves it to the actors found."""
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
        verb = verb.head
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return doer is None or _a_force(doer) or doer.lemma_.lower() in ARMED_DOERS


def _goods_seized(span: Any, trigger: Trigger, roles: Roles) -> Decision | None:
    """Goods, cash, drugs, crops or a house seized by an armed actor, outside a fight: property
    taken is Looting/property destruction (codebook 1.3), not a place changing hands."""
    if roles.actor1 is None or roles.actor1.inter not in ARMED or _violence_beside(span, trigger):
        return None
    return _make("Looting/property destruction", "goods-seized", roles, trigger, span)


def _taken(head: Any) -> list[Any]:
    """What a capture took: its objects, those of a verb joined to it ("seized and destroyed 9,500
    plants"), the noun a reduced relative hangs on ("vehicles seized by the soldiers"), and the
    counted thing in "a total of 156 migrants"."""
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    deps = ("dobj", "obj", "attr", "nsubjpass")
    if head.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.head.children):
        deps += ("nsubj",)  # "were killed and 1 captured", "killed and weapons seized": the passive carries over
    out = [c for v in verbs for c in v.children if c.dep_ in deps]
    if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        out.append(head.head)
    for c in list(out):
        out.extend(p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj")
        out.extend(p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "out"  # "three out of five trucks"
                   for of in prep.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj")
    return out


def _own_words(noun: Any) -> list[Any]:
    """A noun phrase without the places and times hung on it ("arms ... from a hideout in the town")."""
    cut = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
    return [t for t in noun.subtree if t.i not in cut]


def _violence_beside(span: Any, trigger: Trigger) -> bool:
    """Another act of violence in the sentence: weapons taken in a fight are part of the fight."""
    return any(t is not trigger and (t.kind in (GENERIC, "Armed clash") or BY_NAME.get(t.kind) is not None
                                     and BY_NAME[t.kind].event_type in (ERV, "Battles"))
               and t.head(span.doc).lemma_.lower() not in ("operation",) and _realis(span.doc, t)
               and (t.kind in (GENERIC, "Armed clash") or not _found_not_fired(t.head(span.doc)))
               for t in find_triggers(span))


def _taken_without_fight(told: str, span: Any, head: Any) -> bool:
    """Control changed with no violent interaction (codebook 1.3): the text says so ("without a
    fight", "peacefully"), or says the holders left and names no fighting, or tells the taking
    with a verb that names no force ("took over", "entered") and no fighting at all."""
    if NO_FIGHT.search(told) and not FIGHTING.search(NO_FIGHT.sub("", span.text)):
        return True
    if FIGHTING.search(NO_FIGHT.sub("", told)):
        return False
    return _holders_left(span.doc) or head.lemma_.lower() in NEUTRAL_TAKING


def _holders_left(doc: Any) -> bool:
    """Forces leaving the place ("the troops withdrew", "the withdrawal of Ethiopian troops",
    "a town NATO forces had pulled out of"); not residents fleeing."""
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in LEAVE_VERBS and token.pos_ == "VERB":
            if any(c.dep_ in ("nsubj", "nsubjpass") and _a_force(c) for c in token.children):
                return True
        if lemma in ("withdrawal", "pullout", "pull-out", "departure") and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(_a_force(g) for g in c.children) for c in token.children):
            return True
    return False


def _a_force(noun: Any) -> bool:
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "conj"))]
    return any(w.lemma_.lower() in FORCE_NOUNS or w.lower_ in FORCE_NOUNS for w in words) or noun.pos_ == "PROPN"


def _advance(trigger: Trigger, roles: Roles) -> Decision | None:
    if roles.actor1 is None or roles.actor1.inter not in ARMED:
        return None
    return _make("Armed clash", "advance", roles, territory="advanced", counts_dead=False, revisable=False)


def _displacement(span: Any, trigger: Trigger) -> Decision | None:
    """People fleeing fighting: ACLED's Strategic developments / Other, with the numbers as data."""
    if not PEOPLE_WORDS.search(span.text):
        return None
    return _make("Other", f"{trigger.rule}-displacement", Roles(), trigger, span, displacement=True,
                 counts_dead=False)


def _protest(span: Any, triggers: list[Trigger], actors: list[ActorMention],
             victims: tuple[int, int] | None, scene: Scene) -> Decision:
    """Protests: peaceful, dispersed, met with lethal force, or turned violent. ACLED names the
    protesters first and the force that met them second, lethal or not."""
    text = span.text
    first = next(t for t in triggers if t.kind == PROTEST)
    roles = assign_roles(span.doc, first.head(span.doc), actors, victims)
    protesters, force = _protest_sides(roles, scene)
    if any(t.kind == "Violent demonstration" and not _grievance(t.head(span.doc)) and not _dated_event(t.head(span.doc))
           for t in triggers) or rioting(span):
        kind, rule = "Violent demonstration", "protest+riot"
        protesters = _as_rioters(protesters, scene)
    elif force is not None and _lethal_force(span):
        kind, rule = "Excessive force against protesters", "protest+lethal-force"
    elif intervened(span):
        kind, rule = "Protest with intervention", "protest+intervention"
    else:
        kind, rule, force = "Peaceful protest", "protest", None
    decision = _make(kind, rule, Roles(protesters, [], force, []), first, span)
    decision.force_as_grievance = kind == "Peaceful protest" and bool(INTERVENED.search(text) or LETHAL.search(text))
    return decision


def _lethal_force(span: Any) -> bool:
    """Lethal force used on this protest, not a killing the protesters decry: "to protest the
    death of a man who was shot by police", "against the killing of a journalist", "demanding
    justice for a man killed last year" name the grievance (codebook 1.3, Excessive force)."""
    for m in LETHAL.finditer(span.text):
        words = span.doc.char_span(span.start_char + m.start(), span.start_char + m.end(), alignment_mode="expand")
        if words is None or not len(words):
            return True
        word = words.root
        if word.pos_ in ("NOUN", "PROPN") and word.lemma_.lower() in ("killing", "death", "die"):
            continue  # "against the killing of", "the death of": a named grievance
        chain = [word, *list(word.ancestors)[:4]]
        if _accused_of(word):
            continue  # "detainees accused of killing a police officer": what they are tried for
        if any(t.dep_ in ("relcl", "acl") for t in chain):
            continue  # "a man who was shot dead by police", "a teenager killed in an operation"
        if any(t.dep_ == "pobj" and t.head.lower_ in GRIEVANCE_PREPS | {"for"} for t in chain[:3]):
            continue  # "justice for the man shot dead", "over the killing"
        return True
    return False


def intervened(span: Any) -> bool:
    """Force that met the protest, not force the protesters complain of: "to demand the release of
    workers who were arrested by police", "they suspect he was beaten by police" do not count."""
    for m in INTERVENED.finditer(span.text):
        token = span.doc.char_span(span.start_char + m.start(), span.start_char + m.end(), alignment_mode="expand")
        word = token[0] if token is not None and len(token) else None
        if word is None:
            return True
        verb = word if word.pos_ == "VERB" else word.head
        if verb.dep_ in ("relcl", "acl") or any(t.dep_ == "relcl" for t in list(verb.ancestors)[:2]):
            continue  # "workers, who were arrested the day before": the grievance
        if any(c.dep_ == "neg" for c in verb.children) or _told_as_cause(verb):
            continue  # "the insurers have not intervened", "after being beaten by classmates"
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is None and verb.dep_ == "conj":  # "parents locked the school and prevented teachers ..."
            doer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if doer is not None and doer.lemma_.lower() in PARTS | {"group"}:  # "a group of parents"
            doer = next((p for prep in doer.children if prep.lower_ == "of" for p in prep.children
                         if p.dep_ == "pobj"), doer)
        if doer is not None and (doer.lemma_.lower() in OCCUPIERS | PROTESTERS or (
                doer.lower_ in ("they", "we") and verb.lemma_.lower() == "disperse"
                and not any(c.dep_ == "dobj" for c in verb.children))):
            continue  # "the group later dispersed peacefully", "farmers prevented officials from ...": their own act
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.tag_ in ("PRP", "NN", "NNP") and subject.lower_ not in ("they", "we") \
                and subject.lemma_.lower() not in CROWD_NOUNS:
            continue  # "he was beaten to death by police": one person's fate, told as the cause
        return True
    return False


def rioting(span: Any) -> bool:
    """Violence the demonstrators did, not the grievance they name: "a civilian was assaulted by
    police", "families whose children were kidnapped", "its damaged facilities" do not count."""
    for m in RIOTING.finditer(span.text):
        token = span.doc.char_span(span.start_char + m.start(), span.start_char + m.end(), alignment_mode="expand")
        word = token[0] if token is not None and len(token) else None
        if word is None:
            return True
        done = word.i > 0 and word.doc[word.i - 1].lower_ in ("and", "then")  # "demonstrated and burnt machines"
        if word.tag_ == "VBN" and not done and (word.dep_ in ("amod", "acl", "relcl")
                                               or any(c.dep_ == "auxpass" for c in word.children)) \
                and not _done_by_crowd(word):
            continue
        if (word.dep_ == "amod" and not done) or _grievance(word):
            continue
        if word.pos_ == "PROPN" or _told_elsewhere(word) or _symbolic_burning(word):
            continue  # "Burnt Store Isles"; "where a far-right group burned a Quran"; "burned the party flag"
        if _denied(word) or _reported_grievance(word) or _dated_event(word):
            continue  # "with no clashes reported"; "they stated rationing has damaged their homes"; "the 2021 riots"
        return True
    return False


def _reported_grievance(word: Any) -> bool:
    """A deed inside what someone states or complains of ("demonstrators said the cuts damaged
    their shops") is their grievance, not the crowd's act."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS


def _dated_event(word: Any) -> bool:
    """"the 6 January 2021 riots": a riot named by its date is a past event, not this crowd's."""
    return word.pos_ == "NOUN" and any(t.ent_type_ == "DATE" for t in word.lefts)


def _told_elsewhere(word: Any) -> bool:
    """A deed in a relative clause ("a man who had assaulted a girl") or a cause clause ("after a
    fire destroyed 30 houses") says who or what the protest is about, not what its crowd did."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    clause = next((t for t in [verb, *list(verb.ancestors)[:2]] if t.dep_ == "relcl"), None)
    if clause is not None:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return True
        crowd = subject.lower_ == "they" or subject.lemma_.lower() in PROTESTERS or (
            subject.lower_ in ("who", "that") and clause.head.lemma_.lower() in PROTESTERS | CROWD_NOUNS
            and clause.head.dep_ not in ("pobj", "dobj"))  # "the arrest of people who attacked police": others
        return not crowd  # "marched to parliament, where they clashed with police" is the crowd's own deed
    return verb.pos_ == "VERB" and _told_as_cause(verb)


def _symbolic_burning(word: Any) -> bool:
    """Burning a flag, an effigy, a uniform or a copy of a text is a symbolic act, not violence or
    destruction (codebook 1.3: demonstrators who use no violence)."""
    if word.lemma_.lower() not in ("burn", "burnt", "burned", "torch", "set"):
        return False
    verb = word if word.pos_ == "VERB" else word.head
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SYMBOLS for c in verb.children)


def _grievance(word: Any) -> bool:
    """A riot or clash named as what the protest is about or follows, not what its demonstrators
    did: "on the anniversary of the Capitol riot", "detained following riots", "regarding the clashes"."""
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    token = word
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in GRIEVANCE_PREPS:
            return True
        if token.head is token or token.dep_ not in ("pobj", "prep", "compound", "conj"):
            return False
        token = token.head
    return False


def _done_by_crowd(verb: Any) -> bool:
    """"offices were ransacked and set on fire by protesters": the passive's agent is the crowd."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj"), *([verb.head] if verb.dep_ == "conj" else [])]
    for v in verbs:
        for agent in (c for c in v.children if c.dep_ == "agent"):
            if any(t.lemma_.lower() in PROTESTERS for t in agent.subtree):
                return True
    return False


def _protest_roles(roles: Roles, scene: Scene) -> Roles:
    protesters, force = _protest_sides(roles, scene)
    return Roles(protesters, [], force, [])


def _protest_sides(roles: Roles, scene: Scene) -> tuple[Actor | None, Actor | None]:
    actors = [a for a in (roles.actor1, roles.actor2, *roles.assoc_actor_1, *roles.assoc_actor_2) if a]
    protesters = next((a for a in actors if a.inter == 6), None) or scene.actor("protesters")
    force = next((a for a in actors if a.inter in ARMED), None)
    return protesters, force


def _as_rioters(protesters: Actor | None, scene: Scene) -> Actor | None:
    return scene.actor("rioters") or protesters


def _generic(span: Any, triggers: list[Trigger], actors: list[ActorMention], fatal: Any,
             victims: tuple[int, int] | None, scene: Scene) -> list[Decision]:
    """Attack/killing words alone: a crowd attacking is mob violence; civilian victims make it
    an Attack; armed ones a clash."""
    generic = [t for t in triggers if t.kind == GENERIC]
    acts = [t for t in generic if t.head(span.doc).lemma_ not in DEATH_ONLY and not _hurt_only(t.head(span.doc))]
    if not acts and fatal is None:
        return []
    # a verb that names whom it hit tells who did what to whom ("fired at two labourers in a targeted attack")
    trigger = next((t for t in acts if t.head(span.doc).pos_ == "VERB" and _hit_words(t.head(span.doc))), None) \
        if acts and acts[0].head(span.doc).pos_ != "VERB" else None
    trigger = trigger or (acts or generic)[0]
    roles = assign_roles(span.doc, trigger.head(span.doc), actors, victims)
    victim_words = (getattr(fatal, "victims", None) or "") if fatal is not None else ""
    toll_only = not acts
    if acts and _by_a_crowd(span, trigger, roles):
        roles.actor1 = scene.actor("rioters") or roles.actor1
        roles.actor2 = roles.actor2 or scene.actor("civilians")
        return [_make("Mob violence", f"{trigger.rule}-by-crowd", roles, trigger, span)]
    if _civilian_victims(roles, victim_words, span, trigger):
        roles.actor2 = roles.actor2 or scene.actor("civilians")
        return [_make("Attack", f"{trigger.rule}-on-civilians", roles, trigger, span, civilians=True, generic=True,
                      toll_only=toll_only)]
    if roles.actor1 is None and roles.actor2 is None and (fatal is None or fatal.best == 0) \
            and not ARMED_TARGETS.search(_hit_words(trigger.head(span.doc))):
        # "reported the ongoing attack": only a reference back to an event told before counts.
        if not _definite(span.doc, trigger):
            return []
        return [_make("Armed clash", f"{trigger.rule}-reference", roles, trigger, span, generic=True,
                      toll_only=toll_only)]
    return [_make("Armed clash", f"{trigger.rule}-between-armed", roles, trigger, span, generic=True,
                  toll_only=toll_only)]


def _acts_on_people(span: Any, triggers: list[Trigger]) -> bool:
    """A verb that hurts people ("shot six civilians", "attacked villagers"); not a toll, not an
    attack named by a noun ("amid threats of attacks"), not "no one was hurt", not an act in a
    modifier ("armed men who attempted an attack")."""
    for t in triggers:
        head = t.head(span.doc)
        if t.kind == GENERIC and head.pos_ == "NOUN" and head.lemma_.lower() in ("attack", "assault", "raid") \
                and head.head.lemma_.lower() in ("launch", "carry", "conduct", "stage", "mount") and head.dep_ == "dobj":
            return True  # "launched an attack in Kouyape, causing the injury of a girl"
        if t.kind != GENERIC or head.pos_ != "VERB" or head.lemma_.lower() in DEATH_ONLY or _in_modifier(head):
            continue
        hit = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(c.lower_ in ("nobody", "none") or any(d.lower_ == "no" for d in c.children) for c in hit):
            continue
        if head.lemma_.lower() in HARM_LEMMAS or any(PERSON_OBJECTS.search(c.text) or CIVILIAN_VICTIMS.search(c.text)
                                                     for c in hit):
            return True
    return False


def _hurt_only(head: Any) -> bool:
    """"More than 20 people were injured": a passive hurt with no doer counts the victims of an
    act told elsewhere; it is not an act of its own."""
    return (head.lemma_.lower() in HURT_LEMMAS and any(c.dep_ == "auxpass" for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children))


def _civilian_victims(roles: Roles, victims: str, span: Any, trigger: Trigger) -> bool:
    """Victims are civilians unless the text names them as armed ("a man", "the mayor", "a
    car wash owner" are civilians; "soldiers", "fighters" are not)."""
    head = trigger.head(span.doc)
    if not victims:  # "attacked and killed an off-duty officer": the joined verb's object too
        victims = _hit_words(head)
    died = " ".join(t.text for c in head.children if c.dep_ == "nsubj" for t in c.subtree) \
        if head.lemma_.lower() in DEATH_ONLY else ""  # "a prisoner died": the subject of a death is its victim
    if DETAINED.search(victims) or DETAINED.search(died):
        if roles.actor2 is not None and roles.actor2.inter in DETAINING and roles.actor1 is not None \
                and roles.actor1.inter not in DETAINING:
            roles.actor1 = roles.actor2  # "died of torture in police custody": the custodian acted
        roles.actor2 = None
        return True  # detainees, armed or not, are civilians in custody (codebook 1.3, VAC)
    named = victims if OFF_DUTY.search(victims) else _hit_words(head)  # the toll's words, else the act's object
    if OFF_DUTY.search(named) and not ARMED_VICTIMS.search(OFF_DUTY.sub("", named)):
        roles.actor2 = None  # "an off-duty soldier" names a state actor but a civilian victim
        return True
    if ARMED_VICTIM_TOLD.search(span.doc.text):
        return False  # "The victim was a drug dealer": ACLED counts gang members as armed
    if OFF_DUTY_TOLD.search(span.text) and _plain_or_armed_person(victims):
        roles.actor2 = None  # "the sergeant (assumed off duty and unarmed) was shot": ACLED counts a civilian
        return True
    after = _after_act(span, trigger)  # who was hit is told after the act, but not who did it ("by members of")
    if roles.actor2 is not None and roles.actor2.inter != 7 and _plain_people(victims) \
            and not ARMED_VICTIMS.search(OFF_DUTY.sub("", after)):
        roles.actor2 = None  # "shot a student ... after accusing him of supporting OLF": the student is the victim
        return True
    hit = OFF_DUTY.sub("", _hit_words(head))
    if roles.actor2 is not None and roles.actor2.inter == 7 and (ARMED_VICTIMS.search(hit) or ARMED_TARGETS.search(hit)) \
            and not CIVILIAN_VICTIMS.search(hit):
        roles.actor2 = None  # "opened fire on the vehicle of a commander": the words say whom, not a stray "civilian"
        return False
    if roles.actor2 is not None:
        return roles.actor2.inter == 7
    if not victims:
        return False
    return not (ARMED_VICTIMS.search(OFF_DUTY.sub("", victims)) or ARMED_TARGETS.search(OFF_DUTY.sub("", victims)))


def _hit_words(head: Any) -> str:
    """Who or what the act hit, as the sentence words it: the objects of the verb and of a verb
    joined to it, and the target of fire ("fired at two labourers", "opened fire in the direction
    of the army's positions")."""
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    hit = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if not hit and head.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in head.children):
        hit = [c for c in head.head.children if c.dep_ == "nsubj"]  # "three men claimed to be tortured"
    if head.lemma_.lower() in ("fire", "shoot", "open"):
        hit += [p for v in verbs for prep in v.children if prep.dep_ == "prep" and prep.lower_ in FIRE_PREPS
                for p in prep.children if p.dep_ == "pobj" and _fired_on(prep, p) and _someone(p)]
        hit = [t for t in hit if t.lower_ not in ("fire", "shots", "bullets", "rounds")] or hit
    return " ".join(_phrase(c) for c in hit)


def _phrase(token: Any) -> str:
    """A word's phrase as written ("off-duty soldiers", not "off - duty soldiers")."""
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def _plain_or_armed_person(victims: str) -> bool:
    return bool(victims) and bool(CIVILIAN_VICTIMS.search(victims) or ARMED_VICTIMS.search(victims)
                                  or re.search(r"\b(sergeant|officer|general|colonel|captain|major|lieutenant|policeman|"
                                               r"soldier|commander)\b", victims, re.I))


def _after_act(span: Any, trigger: Trigger) -> str:
    """The sentence after the act's word, without the passive agent ("killed by members of a gang")."""
    head = trigger.head(span.doc)
    verbs = [head, *(c for c in head.children if c.dep_ == "conj")]
    if head.dep_ == "conj":
        verbs.append(head.head)
    agent = {t.i for v in verbs for c in v.children if c.dep_ == "agent" for t in c.subtree}
    return " ".join(t.text for t in span if t.i >= head.i and t.i not in agent)


def _plain_people(victims: str) -> bool:
    """Victims named only by common nouns of civilians ("a university student", "a man"), with
    no group's name in them."""
    words = victims.split()
    return (bool(CIVILIAN_VICTIMS.search(victims)) and not ARMED_VICTIMS.search(OFF_DUTY.sub("", victims))
            and not any(w[:1].isupper() for w in words[1:]))


def _by_a_crowd(span: Any, trigger: Trigger, roles: Roles) -> bool:
    """"villagers lynched", "supporters of the party attacked": unorganised people, not an armed group.
    A crowd named as the subject outweighs a state force the roles read elsewhere ("youths burned two
    police vehicles"); a militia or rebel group the roles read does not."""
    if roles.actor1 is not None and roles.actor1.inter in ARMED - STATE_SIDE:
        return False
    head = trigger.head(span.doc)
    verb = head if head.pos_ == "VERB" else head.head
    if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "students assaulted and injured their teacher": the first verb has the subject
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in PARTS:  # "a section of the students"
        subject = next((p for prep in subject.children if prep.lower_ == "of" for p in prep.children
                        if p.dep_ == "pobj"), subject)
    if subject is None or subject.lemma_.lower() not in CROWD_NOUNS or any(c.lower_ == "armed" for c in subject.children):
        return False
    words = " ".join(t.text for t in subject.subtree)
    if roles.actor1 is not None and roles.actor1.inter in STATE_SIDE and (
            FORCES_NAMED.search(words) or any(c.dep_ in ("agent", "auxpass") for c in head.children)):
        return False  # "members of the police attacked", "they were attacked by soldiers": the force acted
    if subject.lemma_.lower() == "member" and any(c.pos_ == "PROPN" for c in subject.children):
        return False  # "the Mayi Mayi Buhirwa members": members of a named group, not a crowd
    return not ARMED_VICTIMS.search(words)  # "members of a militia"


def _hierarchy(decisions: list[Decision], text: str) -> list[Decision]:
    """One decision per act: E/RV tactics in a sentence collapse to the highest-ranked one, and
    "fighting" beside a strike is the same act unless it names an armed opponent of its own."""
    erv = [d for d in decisions if BY_NAME[d.sub_event_type].event_type == ERV]
    rest = [d for d in decisions if BY_NAME[d.sub_event_type].event_type != ERV]
    if erv and EXCHANGE_FIRE.search(text):
        # both sides firing ("shelled back", "exchanged artillery fire", "in both directions") is an
        # armed clash (codebook 1.3: it includes two groups exchanging long-range fire)
        top = min(erv, key=lambda d: RANK[d.sub_event_type])
        if not any(d.sub_event_type == "Armed clash" for d in rest):
            top.sub_event_type, top.rule = "Armed clash", f"{top.rule}+exchange"
            top.civilian_targeting = False
            rest.append(top)
        return _merge_same_type(rest)
    if erv and SMALL_ARMS.search(text) and not any(d.civilian_targeting for d in erv) \
            and not any(d.sub_event_type == "Armed clash" for d in rest):
        # "fired grenade launchers and small arms at the positions": direct fire is an engagement, so the
        # ranged weapons are part of a clash, not a strike "with no other engagement" (codebook 1.3)
        top = min(erv, key=lambda d: RANK[d.sub_event_type])
        top.sub_event_type, top.rule = "Armed clash", f"{top.rule}+small-arms"
        return _merge_same_type([*rest, top])
    if erv:
        top = min(erv, key=lambda d: RANK[d.sub_event_type])
        top.actor1 = top.actor1 or next((d.actor1 for d in erv if d.actor1), None)
        top.actor2 = top.actor2 or next((d.actor2 for d in erv if d.actor2), None)
        if top.actor2 is None and CIVILIAN_OBJECTS.search(text):
            top.civilian_targeting = True
        rest = [d for d in rest if not _same_act(d, top)]
        if not any(_in_battle(top, d) for d in rest):
            rest.append(top)  # a strike by one side of a fight told beside it is part of that battle (codebook 1.4)
    if any(BY_NAME[d.sub_event_type].event_type != SD for d in rest):
        rest = [d for d in rest if d.sub_event_type != "Looting/property destruction"]  # destruction within violence
    if any(d.territory == "captured" for d in rest):
        rest = [d for d in rest if d.sub_event_type != "Change to group/activity"]  # "withdrew, letting X take over"
    if any(BY_NAME[d.sub_event_type].event_type == PROTESTS for d in rest):
        rest = [d for d in rest if d.sub_event_type not in ("Arrests", "Armed clash")]
    return _merge_same_type(rest)


def _in_battle(strike: Decision, clash: Decision) -> bool:
    """The strike comes from or falls on one of the armed sides of a ground clash told in the
    same sentence, and hits no civilians: one battle, one Battles event (codebook 1.4). A clash
    the text names as such ("clashed with", "fighting") has a foe even when none is named."""
    if clash.sub_event_type != "Armed clash" or strike.actor1 is None or strike.civilian_targeting:
        return False
    sides = _armed_sides(clash)
    needed = 1 if _fight_told(clash) else 2
    return len(sides) >= needed and (strike.actor1 in sides or strike.actor2 in sides)


def _same_act(clash: Decision, strike: Decision) -> bool:
    """"Shelling killed two fighters": a generic act beside a strike, fought by the striker alone,
    is the strike itself; a fight the text names ("clashed with", "during clashes") is not."""
    if clash.sub_event_type != "Armed clash" or clash.territory or _fight_told(clash):
        return False
    return not (_armed_sides(clash) - {strike.actor1})


def _fight_told(clash: Decision) -> bool:
    return clash.rule == "clash" and not clash.generic


def _armed_sides(clash: Decision) -> set:
    return {a for a in (clash.actor1, clash.actor2) if a is not None and a.inter in ARMED}


def _merge_same_type(decisions: list[Decision]) -> list[Decision]:
    """Two triggers of one type in a sentence ("fighting ... crossfire") are one act."""
    out: list[Decision] = []
    for d in decisions:
        same = next((o for o in out if o.sub_event_type == d.sub_event_type and _agree(o, d)), None)
        if same is None:
            out.append(d)
            continue
        same.actor1 = same.actor1 or d.actor1
        same.actor2 = same.actor2 or d.actor2
        same.civilian_targeting = same.civilian_targeting or d.civilian_targeting
    return out


def _agree(a: Decision, b: Decision) -> bool:
    return all(x is None or y is None or x == y for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)))


def battles_across_sentences(claims: list[Any]) -> None:
    """A strike or shelling told in one sentence and the ground fight it belongs to told in
    another of the same passage are one Battles event (codebook 1.4: same actors, place and day;
    an air strike inside a ground battle is Battles). The strike's claim becomes the clash, so
    the two fuse: "Rebels shelled the base. The soldiers fired back.", "Warplanes struck the
    rebels. Two soldiers died in the fighting with them"."""
    for claim in claims:
        if claim.decided_by.startswith("clash") and claim.decided_by.endswith("+refers-back") \
                and BY_NAME[claim.sub_event_type].event_type == ERV:
            claim.sub_event_type = "Armed clash"  # "killed in the clashes": the strike told before was in a battle
    for n, strike in enumerate(claims):
        if BY_NAME[strike.sub_event_type].event_type != ERV or strike.civilian_targeting or strike.distinct:
            continue
        if any(_one_battle(strike, clash, i > n) for i, clash in enumerate(claims) if clash is not strike):
            strike.sub_event_type = "Armed clash"
            strike.decided_by = f"{strike.decided_by}+in-battle"


def _one_battle(strike: Any, clash: Any, after: bool) -> bool:
    """The clash is told in the strike's passage, on the same day, and is the target's armed reply
    told after the strike ("returned fire", "fired back"); or, in the same region, it is fought by
    the strike's sides: both of them, or one of them against a foe left unnamed."""
    if BY_NAME[clash.sub_event_type].event_type != "Battles" or clash.distinct or clash.paragraph != strike.paragraph:
        return False
    if None not in (clash.date.event_date, strike.date.event_date) and clash.date.event_date != strike.date.event_date:
        return False
    fighters = {a for a in (clash.actor1, clash.actor2) if a is not None and a.inter in ARMED}
    strikers = {a for a in (strike.actor1, strike.actor2) if a is not None and a.inter in ARMED}
    if after and EXCHANGE_FIRE.search(clash.evidence.text) and len(fighters) <= 1:
        return True  # the side hit answered where it was hit: whoever the text names, fire went both ways
    if clash.place is not None and strike.place is not None and \
            (clash.place.place.iso3, clash.place.place.admin1) != (strike.place.place.iso3, strike.place.place.admin1):
        return False
    if len(fighters | strikers) > 2 or not _fight_named(clash):
        return False  # "One soldier was killed": a toll of the strike, not a fight of its own
    # one side each and a foe left open on both: "Rebels shelled the town. Two soldiers died in the fighting."
    open_slots = None in (clash.actor1, clash.actor2) and None in (strike.actor1, strike.actor2)
    return bool(fighters & strikers) or (len(fighters) == 1 and len(strikers) == 1 and open_slots)


def _fight_named(claim: Any) -> bool:
    """The claim's own words name a fight ("clashes", "fired back"), a capture, or an armed side's
    assault ("the rebels attacked the outpost"), not only a death ("one soldier was killed")."""
    rule = claim.decided_by.split("+")[0]
    if rule in ("clash", "advance", "positions-taken") or claim.territory is not None:
        return True
    return rule == "attack-between-armed" and claim.actor1 is not None and claim.actor1.inter in ARMED \
        and bool(ASSAULT_WORDS.search(claim.evidence.text))


def _someone(noun: Any) -> bool:
    """Fire at people or at a force, not at a place ("fired at Gremyach", "at the village")."""
    words = " ".join(t.text for t in noun.subtree)
    if ARMED_TARGETS.search(words) or ARMED_VICTIMS.search(words):
        return True
    if noun.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or noun.lemma_.lower() in PLACE_NOUNS | BUILDINGS:
        return False
    return noun.pos_ != "PROPN" or noun.ent_type_ in ("PERSON", "NORP", "ORG")


def _fired_on(prep: Any, noun: Any) -> bool:
    """"at two labourers", "on a patrol", "in the direction of the army"; not "on 22 April", "in the town"."""
    if prep.lower_ == "in":
        return noun.lemma_.lower() == "direction"
    return noun.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
