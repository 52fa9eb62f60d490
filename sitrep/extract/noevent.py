"""Sentences that report no ACLED event, set aside before classification with the reason why.

A sentence can name violence without reporting a new act of political violence (codebook 1.1):
deaths from a flood, a robbery by private persons, a lawsuit or a trial over an earlier
attack, a claim of responsibility for last week's bombing, efforts "to end the fighting", a
survey's findings, a tally over months or years. ``set_aside`` reads the sentence's syntax and
lemmas (spaCy) and answers with a ``SetAside`` (rule and reason) or None; the extract stage
then skips the sentence and keeps the reason, so "no event" can always say why.

Two kinds of checks: frames that make the whole sentence no event (a disaster with no human
agent, ordinary crime, findings, tallies), and frames that set aside one trigger (an act
named as the ground of a complaint, a trial or a memorial; an act efforts aim to end). A
sentence is set aside by the second kind only when every trigger in it is.

Things ACLED does code stay events: a mob beating a thief (Mob violence), gang violence where
ACLED applies its gang methodology, strikes it codes as protests, attacks on officials.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import ActorMention
from .relevance import has_cue, relevance
from .senses import other_sense
from .triggers import DISPLACEMENT, GENERIC, PROTEST, TERRITORY, Trigger, find_triggers

ARMED_INTER = frozenset({1, 2, 3, 4, 8})
# named groups that are evidence of conflict by themselves: rebels, militias, rioters, protesters,
# foreign forces (a named state body, "the Russian government", is not: it figures in any news)
CONFLICT_INTER = frozenset({2, 3, 4, 5, 6, 8})
# ACLED applies its gang methodology here: violence by gangs and unknown gunmen is coded
# (Attack, Armed clash) even when it looks like ordinary crime.
GANG_COUNTRIES = frozenset({"MX", "BR", "CO", "EC", "HN", "GT", "SV", "HT", "JM", "TT", "VE", "PE", "BZ", "CR",
                            "PA", "DO", "PR", "BS", "PH"})
HAZARDS = frozenset({"flood", "flooding", "rain", "rainfall", "downpour", "landslide", "mudslide", "earthquake",
                     "quake", "tremor", "tsunami", "cyclone", "hurricane", "typhoon", "storm", "tornado", "lightning",
                     "drought", "heatwave", "avalanche", "wildfire", "bushfire", "blaze", "inferno", "accident", "crash",
                     "collision", "derailment", "capsize", "stampede", "collapse", "outbreak", "epidemic", "cholera",
                     "famine", "leak", "eruption"})
MISHAPS = frozenset({"plunge", "fall", "overturn", "skid", "veer", "derail", "capsize", "sink", "collide", "topple",
                     "roll"})
VEHICLES = frozenset({"bus", "minibus", "car", "truck", "lorry", "vehicle", "van", "tanker", "train", "boat", "ferry",
                      "ship", "vessel", "canoe", "coach", "jeep", "tractor", "motorcycle", "trailer"})
SPORT = frozenset({"goal", "goalkeeper", "keeper", "striker", "midfielder", "midfield", "penalty", "referee",
                   "umpire", "league", "tournament", "fixture", "innings", "wicket", "batsman", "bowler", "scorer",
                   "scoreline", "kickoff", "halftime", "playoff", "semifinal", "quarterfinal", "header", "touchdown",
                   "quarterback", "equaliser", "equalizer", "hat-trick", "match", "opponent", "championship", "coach",
                   "ball", "defender"})
REAL_VIOLENCE = re.compile(r"\b(killed|dead|died|death|wounded|gun\w*|bomb\w*|grenades?|knife|knives|stabb\w*|police|"
                           r"soldiers|troops|army|militan\w*|rebels?|riot\w*|hooligan\w*|tear ?gas|stones?|protest\w*|"
                           r"gunmen|fans? clash\w*|supporters clash\w*)\b", re.I)
CRIME = frozenset({"rob", "robbery", "robber", "burglary", "burglar", "burgle", "thief", "theft", "steal", "mugger",
                   "mugging", "carjack", "carjacking", "carjacker", "pickpocket", "shoplift", "shoplifting", "fraud",
                   "fraudster", "embezzle", "dowry"})
# words that put a crime inside ACLED's scope: armed or organised perpetrators, crowds taking
# the law into their own hands (Mob violence), political victims or settings
NOT_PRIVATE = re.compile(
    r"\b(armed|gun(?:men|man)|militan\w*|rebels?|insurgen\w*|jihad\w*|terror\w*|soldiers?|troops|army|military|"
    r"militia\w*|fighters?|bandits?|gangs?|gangsters?|cartels?|mobs?|crowds?|lynch\w*|vigilant\w*|villagers|"
    r"residents|locals|youths|protest\w*|demonstrat\w*|riot\w*|election\w*|party|parties|activists?|journalists?|"
    r"politic\w*|candidates?|mayor|councill?ors?|officials?|lawmakers?|chief|commander|security forces|raiders?|"
    r"clans?|communal|ethnic|tribal|group of)\b", re.I)
PRIVATE_PERSONS = frozenset({"man", "male", "person", "individual", "stranger", "neighbour", "neighbor", "relative",
                             "uncle", "father", "stepfather", "teacher", "boyfriend", "husband", "driver", "colleague",
                             "employer", "acquaintance", "cousin", "brother", "friend", "landlord", "classmate",
                             "suspect"})
UNAFFILIATED = frozenset({"unaffiliated", "private", "civilian"})
# an act named as what someone complains of, sues over, is tried or jailed for, or remembers
GROUND_FRAMES = {
    "a complaint or lawsuit": {"complain", "complaint", "sue", "lawsuit", "compensate", "compensation", "apologise",
                               "apologize", "apology", "reparation"},
    "a trial, sentence or inquiry": {"guilty", "convict", "conviction", "sentence", "acquit", "acquittal", "jail", "imprison",
                                     "prosecute", "prosecution", "indict", "indictment", "trial", "verdict",
                                     "investigate", "investigation", "probe", "inquiry", "inquest", "testify",
                                     "testimony", "extradite", "extradition", "parole", "pardon"},
    "an anniversary or memorial": {"anniversary", "commemorate", "commemoration", "remembrance",
                                   "mourn", "tribute"},
}
FRAME_OF = {lemma: frame for frame, lemmas in GROUND_FRAMES.items() for lemma in lemmas}
GROUND_EDGES = frozenset({"prep", "dobj", "pobj", "attr", "oprd", "npadvmod"})  # what is complained of, tried, marked
JUSTICE_CONTEXT = re.compile(r"\b(prison\w*|jail\w*|inmates?|offenders?|convict\w*|court|trials?|sentenc\w*|"
                             r"paroled?|prosecut\w*|investigat\w*|acquit\w*)\b", re.I)
HARM_WORDS = frozenset({"die", "dead", "death", "toll", "kill", "injure", "wound", "missing", "destroy", "damage",
                        "displace", "flee", "evacuate", "bury", "drown", "casualty"})
UNDERGONE = frozenset({"die", "drown", "perish", "dead", "death", "toll", "missing", "casualty", "flee"})
DEATH_WORDS = frozenset({"die", "dead", "death", "toll", "body", "casualty"})
STATES = frozenset({"fighting", "violence", "war", "conflict", "clash", "hostility", "attack", "killing", "bloodshed",
                    "unrest", "insurgency", "bombing", "shelling", "airstrike", "strike", "raid", "massacre"})
STOPPAGE = re.compile(r"\b(general strike|shutdown|shut-down|stay-?away)\b", re.I)
GATHERING = re.compile(r"\b(march\w*|rall(?:y|ies|ied)|demonstrat\w*|gather\w*|sit-?ins?|picket\w*|block\w*|"
                       r"chant\w*|banners?|placards?|processions?|protesters|protestors|crowds?|streets)\b", re.I)
THREATS = frozenset({"threaten", "threat", "vow", "warn", "warning", "plan", "pledge", "promise", "intend", "plot"})
FUTURE = frozenset({"will", "would", "could", "may", "might", "should", "shall", "'ll", "can", "must"})
LIKELY = frozenset({"likely", "unlikely", "set", "bound", "expected", "poised", "certain"})
STOP_VERBS = frozenset({"end", "stop", "halt", "avert", "curb", "resolve", "calm", "ease", "prevent", "contain"})
FINDINGS = frozenset({"find", "show", "reveal", "suggest", "indicate", "estimate", "conclude", "document"})
STUDIES = frozenset({"survey", "study", "report", "analysis", "research", "poll", "review", "assessment", "audit",
                     "census", "data", "figure", "statistic", "index"})
WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "several": 3, "few": 3}
PERIOD = re.compile(r"\b(?:during|over|in|within|throughout) the (?:first|past|last|previous|preceding) "
                    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few) "
                    r"(?P<unit>days|weeks|months|years)\b|\bso far this (?P<unit2>year|month)\b", re.I)
YEAR_SPAN = re.compile(r"\b(?:between|from) (?P<a>(?:19|20)\d\d) (?:and|to|until|till) (?P<b>(?:19|20)\d\d)\b", re.I)
LONG_AGO = re.compile(r"\blast (?:week|month|year|weekend)\b|\bearlier this (?:week|month|year)\b|"
                      r"\b(?:weeks|months|years) ago\b|\bprevious (?:week|month|year)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# the words of a trial or an inquest: a report full of them retells what the court hears
COURT_WORDS = frozenset({"trial", "jury", "juror", "prosecutor", "prosecution", "defendant", "verdict", "testify",
                         "testimony", "acquit", "convict", "plead", "magistrate", "courtroom", "sentencing",
                         "barrister", "inquest", "coroner"})
COURT_REPORT = 3  # court words in the whole report
# private motives of a killing ("stabbed by his cousin over a land dispute"): a quarrel, not a side
PRIVATE_MOTIVES = frozenset({"dispute", "land", "quarrel", "argument", "row", "debt", "money", "property",
                             "inheritance", "dowry", "affair", "jealousy", "altercation", "squabble"})
KIN = frozenset({"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "cousin", "uncle",
                 "aunt", "nephew", "niece", "stepfather", "stepmother", "grandfather", "grandmother", "villager",
                 "neighbour", "neighbor", "girlfriend", "boyfriend", "relative", "in-law"})
DRUGS = frozenset({"drug", "narcotic", "cocaine", "heroin", "cannabis", "marijuana", "methamphetamine", "meth",
                   "hashish", "opium", "trafficker", "dealer", "peddler"})
# buying, selling or paying for arms: a trade, not a use of them (codebook 1.1)
ARREST_GROUNDS = frozenset({"for", "over", "following", "after", "on"})  # "arrested for theft", "after burglaries"
PURCHASE = frozenset({"buy", "purchase", "sell", "sale", "acquire", "acquisition", "procure", "procurement"})
TRADE = PURCHASE | {"export", "import", "deliver", "delivery", "supply", "resell", "pay", "payment"}
MONEY = re.compile(r"^(\$|€|£|billion|million|bn|dollars?|euros?|pounds?|funds?|money)$", re.I)
CHANGES = frozenset({"rise", "fall", "spike", "drop", "increase", "decrease", "decline", "climb", "jump", "surge",
                     "double", "halve", "soar", "plunge", "grow", "dip", "rose", "fell"})
MEMORIAL_VERBS = frozenset({"commemorate", "mark", "mourn", "remember", "honour", "honor", "pray"})
DEMANDS = re.compile(r"\b(protest\w*|demand\w*|against|condemn\w*|slogans?|chant\w*|call\w* for|justice|"
                     r"accountab\w*|placards?|banners?|police|tear ?gas|arrest\w*|clash\w*|march\w*)\b", re.I)
PERCENT = frozenset({"%", "percent", "per cent", "pct"})


@dataclass(frozen=True)
class SetAside:
    """Why a sentence reports no ACLED event: a rule's name and a one-line reason."""

    rule: str
    reason: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.reason}"


def set_aside(span: Any, actors: list[ActorMention], *, published: dt.date | None = None,
              country: str | None = None, context: str | None = None, dated: bool = False) -> SetAside | None:
    """The reason this sentence (a spaCy Span) reports no ACLED event, or None when it may.

    ``actors``: the actor mentions of the sentence, less its source; ``country``: the article's
    country code; ``context``: the sentence's paragraph; ``dated``: the sentence names its own day.
    """
    triggers = find_triggers(span)
    context = context or span.text
    found = (_off_topic(span, actors) or _told_in_court(span, triggers, actors) or _disaster(span, triggers, actors)
             or _sport(span)
             or _ordinary_crime(span, triggers, actors, country, context)
             or _private_quarrel(span, triggers, actors, country, context)
             or _criminal_arrest(span, triggers, actors, country, context)
             or _trend(span, triggers) or _proceedings(span, triggers)
             or _memorial_gathering(span, triggers)
             or (None if dated else _findings(span) or _tally(span, triggers)))
    if found is not None:
        return found
    reasons = [_trigger_set_aside(span, t, actors, published, context, dated) for t in triggers]
    if triggers and all(reasons):
        return reasons[0]
    return None


# ------------------------------------------------------------------ whole-sentence frames


def _off_topic(span: Any, actors: list[ActorMention]) -> SetAside | None:
    """A sentence of a report that is not about conflict at all (a ball game, a market, an
    outbreak), with no conflict word or armed or political group of its own: its "blast",
    "fighting" or "deaths" are in another sense (``relevance.py``)."""
    if not relevance(span.doc).off_topic or has_cue(span):
        return None
    if any(m.actor.inter in CONFLICT_INTER for m in actors):
        return None
    return SetAside("off-topic", "the report is not about conflict or protest and the sentence names no force, "
                                 "weapon, protest or act of violence: another sense of the words")


def _told_in_court(span: Any, triggers: list[Trigger], actors: list[ActorMention]) -> SetAside | None:
    """A killing or an assault told in the report of a trial or an inquest ("the court heard the
    victim was shot by two men"): the news is the trial, the act is told before. Acts of named
    armed or political groups stay (a trial does not stop a new attack reported beside it)."""
    if not triggers or any(t.kind not in (GENERIC, TERRITORY, "Sexual violence") for t in triggers):
        return None
    if _court_words(span.doc) < COURT_REPORT or any(m.actor.inter in CONFLICT_INTER
                                                   and not m.actor.name.startswith("Unidentified") for m in actors):
        return None  # "gunmen" in a murder trial are no named group
    return SetAside("court-report", "an act told in the report of a trial or an inquest: what the court hears, "
                                    "not a new event (codebook 1.1)")


def _court_words(doc: Any) -> int:
    cached = doc.user_data.get("sitrep.court_words")
    if cached is None:
        cached = doc.user_data["sitrep.court_words"] = sum(1 for t in doc if t.lemma_.lower() in COURT_WORDS)
    return cached


def _disaster(span: Any, triggers: list[Trigger], actors: list[ActorMention]) -> SetAside | None:
    """Deaths, damage or flight from a natural or industrial hazard, with nobody doing them."""
    if any(t.kind not in (GENERIC, DISPLACEMENT) for t in triggers):
        return None  # a weapon or a named act ("an airstrike caused a landslide") is violence
    harms = [t.head(span.doc) for t in triggers] + [t for t in span if t.lemma_.lower() in HARM_WORDS]
    hazard = None
    for head in harms:
        agent = _agent(head)
        if agent is not None and agent.lemma_.lower() not in HAZARDS:
            return None  # "gunmen killed five flood victims": someone acted
        hazard = hazard or next((t for t in [*_clause(head).subtree, *head.ancestors] if _hazard(t)), None)
    if hazard is None:
        return None  # the harm is not told as the hazard's ("killed after heavy rains", "toll from landslides")
    return SetAside("disaster", f"harm from a natural or industrial hazard ({hazard.text!r}) with no one acting: "
                                "not political violence (codebook 1.1)")


def _hazard(word: Any) -> bool:
    """A hazard's name ("floods", "an earthquake"), or a vehicle's mishap ("the bus plunged into a gorge")."""
    lemma = word.lemma_.lower()
    if lemma in HAZARDS and word.pos_ in ("NOUN", "VERB"):
        return True
    if lemma not in MISHAPS:
        return False
    if word.dep_ in ("acl", "relcl") and word.head.lemma_.lower() in VEHICLES:
        return True  # "when a crowded minibus overturned" parsed as the bus and its mishap
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in VEHICLES for c in word.children)


def _sport(span: Any) -> SetAside | None:
    """A match report: "attacked the right side", "let fire a shot", "a shock defeat". Fans
    fighting police or each other stay events (riots)."""
    words = {t.lemma_.lower() for t in span.doc if t.lemma_.lower() in SPORT}  # the whole report
    if len(words) < 2 or REAL_VIOLENCE.search(span.doc.text):
        return None
    return SetAside("sport", f"a sports report ({', '.join(sorted(words)[:3])}): no political violence")


def _clause(head: Any) -> Any:
    """The verb whose clause holds the word ("dead" in "were confirmed dead": "confirmed")."""
    token = head
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _ordinary_crime(span: Any, triggers: list[Trigger], actors: list[ActorMention], country: str | None,
                    context: str) -> SetAside | None:
    """Violence in a robbery or theft by private persons, with no armed group, crowd or political
    side. Not a crowd beating a thief: ACLED codes that as Mob violence."""
    if not triggers or any(t.kind != GENERIC for t in triggers):
        return None
    crime = next((t for t in span if t.lemma_.lower() in CRIME and not crime_suspect(t)), None)
    if crime is None or (country or "").upper() in GANG_COUNTRIES:
        return None
    if _armed_or_political(actors, context):
        return None
    return SetAside("ordinary-crime", f"{crime.text!r} by private persons, no armed or political group: "
                                      "crime, not political violence (codebook 1.1)")


def _armed_or_political(actors: list[ActorMention], context: str) -> bool:
    """An armed actor or a political side near: violence ACLED codes, not private crime."""
    return any(m.actor.inter in ARMED_INTER for m in actors) or bool(NOT_PRIVATE.search(context))


def crime_suspect(word: Any) -> bool:
    """"beat up two men suspected to be robbers", "a suspected thief", "captured a robber": the
    thief is the victim of the violence, not its author."""
    if word.pos_ == "VERB":
        return False
    if word.dep_ in ("dobj", "attr", "oprd", "pobj", "nsubjpass") and word.head.lower_ not in ("during", "in", "after", "by", "of"):
        return True
    return any(t.lemma_.lower() in ("suspect", "suspected", "alleged", "accuse") for t in [*word.children, word.head])


def _private_quarrel(span: Any, triggers: list[Trigger], actors: list[ActorMention], country: str | None,
                     context: str) -> SetAside | None:
    """"stabbed to death by his cousin over a land dispute", "confessed to killing his brother over
    land": a killing between relatives or neighbours over a private matter, no armed or political side."""
    if not triggers or any(t.kind != GENERIC for t in triggers) or (country or "").upper() in GANG_COUNTRIES:
        return None
    before = span.doc[span.start - 1].sent if span.start > 0 else span[:0]
    motive = next((t for t in [*span, *before] if t.lemma_.lower() in PRIVATE_MOTIVES and t.dep_ == "pobj"
                   and t.head.lower_ in ("over", "about")), None)  # or told just before: "... over land. He ..."
    if motive is None or NOT_PRIVATE.search(context) or any(m.actor.inter in CONFLICT_INTER for m in actors):
        return None  # the police who hold the killer are no side
    private = [t for t in span if t.lemma_.lower() in KIN or t.lemma_.lower() in PRIVATE_PERSONS]
    if not any(t.lemma_.lower() in KIN or _agent(t.head) is t for t in private):
        return None  # "a man was killed over land": nobody told as a relative or a neighbour
    return SetAside("private-quarrel", f"a killing between private persons over {motive.text!r}, no armed or "
                                       "political side: crime, not political violence (codebook 1.1)")


def _criminal_arrest(span: Any, triggers: list[Trigger], actors: list[ActorMention], country: str | None,
                     context: str) -> SetAside | None:
    """"four alleged robbers have been arrested", "police arrested two drug dealers": the arrest of
    ordinary criminals, no armed or political group: police work, not an event (codebook 1.1)."""
    if not any(t.kind == "Arrests" for t in triggers) or any(t.kind not in ("Arrests", GENERIC) for t in triggers):
        return None
    if (country or "").upper() in GANG_COUNTRIES or NOT_PRIVATE.search(context):
        return None
    for trigger in (t for t in triggers if t.kind == "Arrests"):
        head = trigger.head(span.doc)
        held = [t for c in head.children if c.dep_ in ("nsubjpass", "dobj") for t in c.subtree]
        why = [t for c in head.children if c.dep_ == "prep" and c.lower_ in ARREST_GROUNDS for t in c.subtree]
        criminal = next((t for t in why if t.lemma_.lower() in CRIME or t.lemma_.lower() in DRUGS), None)
        criminal = criminal or next((t for t in held if t.lemma_.lower() in CRIME or t.lemma_.lower() in DRUGS), None)
        if criminal is None:
            continue
        starts = {t.idx for t in held}
        # police making the arrest are no side, nor the "gang" of the criminals held; rebels are
        if any(m.actor.inter in CONFLICT_INTER and m.span.start not in starts for m in actors):
            return None
        return SetAside("criminal-arrest", f"the arrest of ordinary criminals ({criminal.text!r}), no armed "
                                           "or political group: not an event (codebook 1.1)")
    return None


def _proceedings(span: Any, triggers: list[Trigger]) -> SetAside | None:
    """"A court pronounced its verdict and sentenced the man to 10 years": a court's work, with no
    act named in the sentence, is no event (the act it judges was told before)."""
    if triggers:
        return None
    root = span.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    court = next((v for v in verbs if FRAME_OF.get(v.lemma_.lower()) == "a trial, sentence or inquiry"
                  or any(c.dep_ == "dobj" and c.lemma_.lower() == "verdict" for c in v.children)), None)
    if court is None:
        return None
    return SetAside("court-work", f"a court's work ({court.text!r}) with no act named: not an event (codebook 1.1)")


def _memorial_gathering(span: Any, triggers: list[Trigger]) -> SetAside | None:
    """"Bosnians gathered to commemorate the anniversary of the massacre": a memorial, not a
    protest, when nothing is demanded or opposed."""
    if not triggers or any(t.kind not in (PROTEST, GENERIC) for t in triggers):
        return None
    if DEMANDS.search(span.text):
        return None  # "gathered to mark the anniversary and demand justice": a protest
    for trigger in (t for t in triggers if t.kind == PROTEST):
        head = trigger.head(span.doc)
        purpose = next((c for c in head.children if c.dep_ in ("xcomp", "advcl")
                        and c.lemma_.lower() in MEMORIAL_VERBS), None)
        if purpose is not None:
            return SetAside("memorial", f"people gathered to {purpose.lemma_.lower()} an old event, with no demand: "
                                        "a memorial, not a protest")
    return None


def _trend(span: Any, triggers: list[Trigger]) -> SetAside | None:
    """"homicides fell 9%", "the toll spiked 14% in 2013": a change in a count of harm, a trend
    figure. Only counts of deaths or attacks: "protested for a pension rise above 10%" is a protest."""
    if not triggers or any(t.kind != GENERIC for t in triggers):
        return None
    for token in span:
        if token.lower_ not in PERCENT:
            continue
        for up in [token.head, token.head.head]:
            if up.lemma_.lower() in CHANGES or up.lower_ in CHANGES:
                return SetAside("trend", f"a change in a count ({up.text!r} by a percentage): a trend figure, "
                                         "not one event (codebook 1.4)")
    return None


def _findings(span: Any) -> SetAside | None:
    """"A survey of women who fled ... found that ...": a study's findings, not an event's report."""
    root = span.root
    if root.lemma_.lower() not in FINDINGS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in STUDIES or subject.tag_ != "NN":
        return None  # "reports from the region indicate that ...": news reports, a source of events
    return SetAside("findings", f"the findings of a {subject.lemma_.lower()}, with no day of their own: "
                                "analysis, not an event (codebook 1.1)")


def _tally(span: Any, triggers: list[Trigger]) -> SetAside | None:
    """Acts counted over a span of years, months, weeks or many days: no single event (codebook 1.4).
    The period must date an act (a verb), not a grievance ("against the water cuts of the past
    eight days"); a protest told over days is a protest still going on, which ACLED codes."""
    if any(t.kind == PROTEST for t in triggers):
        return None
    years = YEAR_SPAN.search(span.text)
    if years is not None and int(years.group("b")) - int(years.group("a")) >= 1 and _dates_a_verb(span, years):
        return SetAside("tally", f"acts counted {years.group(0)!r}: a tally over years, not one event (codebook 1.4)")
    for m in PERIOD.finditer(span.text):
        if not _dates_a_verb(span, m):
            continue
        unit = (m.group("unit") or m.group("unit2") or "").lower()
        n = m.group("n")
        count = int(n) if n and n.isdigit() else WORD_NUMBERS.get((n or "").lower(), 0)
        if unit != "days" or count >= 5:
            return SetAside("tally", f"acts counted {m.group(0)!r}: a tally over a period, not one event "
                                     "(codebook 1.4)")
    return None


def _dates_a_verb(span: Any, match: re.Match[str]) -> bool:
    words = span.doc.char_span(span.start_char + match.start(), span.start_char + match.end(), alignment_mode="expand")
    return words is not None and len(words) > 0 and words.root.head.pos_ in ("VERB", "AUX")


# ------------------------------------------------------------------ one trigger at a time


def _trigger_set_aside(span: Any, trigger: Trigger, actors: list[ActorMention], published: dt.date | None,
                       context: str, dated: bool) -> SetAside | None:
    head = trigger.head(span.doc)
    return (_other_sense(trigger, head) or _trade(trigger, head) or _ground(head, published, dated)
            or _past_deed(span, head)
            or _to_be_ended(head) or _forecast(head)
            or _threat(head) or _general_strike(span, trigger, head)
            or _private_sexual_violence(trigger, head, actors, context))


def _trade(trigger: Trigger, head: Any) -> SetAside | None:
    """"signed an agreement to buy 18 fighter jets", "selling artillery", "would spend $3 billion
    to reinstate a squadron of jets": arms bought, sold or paid for, not used."""
    if trigger.kind == "Agreement":
        deal = next((w for w in _deal_terms(trigger, head.doc) if w.lemma_.lower() in PURCHASE), None)
        return SetAside("trade", f"a deal to buy or sell ({deal.text!r}): a purchase, not a political agreement") \
            if deal is not None else None
    if head.pos_ not in ("NOUN", "PROPN"):
        return None  # "troops who bought time attacked": only a weapon named as goods
    for token, parent in _climb(head, 5):
        lemma = parent.lemma_.lower()
        paid = lemma == "spend" and any(MONEY.match(c.text) for c in parent.subtree)
        if lemma in TRADE or paid:
            return SetAside("trade", f"the weapon is bought, sold or paid for ({parent.text!r}), not used")
        if token.dep_ not in ("dobj", "pobj", "prep", "compound", "amod", "conj", "nummod", "xcomp", "appos"):
            return None
    return None


def _deal_terms(trigger: Trigger, doc: Any) -> list[Any]:
    """What a deal is for: "an agreement to buy", "signed a deal for the purchase of"."""
    terms = []
    for word in (t for t in doc[trigger.start:trigger.end] if t.pos_ in ("NOUN", "VERB")):
        for child in word.children:
            if child.dep_ == "acl":
                terms.append(child)
            elif child.dep_ == "prep":
                terms.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return terms


def _other_sense(trigger: Trigger, head: Any) -> SetAside | None:
    """The word is used in a sense that is no act: who does it or what it acts on says so (``senses.py``)."""
    reason = other_sense(trigger, head)
    return SetAside("other-sense", reason) if reason else None


def _ground(head: Any, published: dt.date | None, dated: bool = False) -> SetAside | None:
    """"complained over two air raids", "suing for damages caused by a missile attack",
    "claimed responsibility for last week's attack": the act is what the news is about, told before."""
    for token, parent in _climb(head):
        frame = _frame(parent, token)
        if frame is None:
            continue
        if token.dep_ not in GROUND_EDGES:
            return None  # "complained that jets struck ...": the complaint reports the act
        if frame != "claim":
            return SetAside("ground-of-" + frame.split()[1].rstrip(","),
                            f"the act is the ground of {frame} ({parent.text!r}), told as known: not a new event")
        if token.lower_ == "for" and (_long_ago(token, published) or (not dated and _definite(token))):
            return SetAside("old-claim", "a claim of responsibility for an attack told before (of an earlier week, "
                                         "month or year, or named as known): a claim, not a new event")
        return None
    return None


def _frame(word: Any, below: Any) -> str | None:
    """The frame a word opens: "sue", "a complaint", "lodged a complaint (over)", "claimed
    responsibility (for)"."""
    lemma = word.lemma_.lower()
    if lemma in FRAME_OF:
        return FRAME_OF[lemma]
    if lemma in ("responsibility", "credit") and word.head.lemma_.lower() == "claim":
        return "claim"
    if lemma == "claim" and any(c.lemma_.lower() in ("responsibility", "credit") for c in word.children):
        return "claim"
    if word.pos_ == "VERB":  # a light verb and its noun: "lodged a complaint", "opened an investigation"
        return next((FRAME_OF[c.lemma_.lower()] for c in word.children
                     if c.dep_ == "dobj" and c.lemma_.lower() in FRAME_OF and c is not below), None)
    return None


def _climb(head: Any, steps: int = 10) -> Iterator[tuple[Any, Any]]:
    """(token, its head) pairs from the trigger up to the root."""
    token = head
    for _ in range(steps):
        parent = token.head
        if parent is token:
            return
        yield token, parent
        token = parent


def _definite(prep: Any) -> bool:
    """"for the botched Christmas Day bombing", "for last week's attack": an act named as known."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another")
                                    for c in pobj.children)


def _long_ago(prep: Any, published: dt.date | None) -> bool:
    """The "for" phrase dates the act to an earlier week, month or year."""
    text = " ".join(t.text for t in prep.subtree)
    if LONG_AGO.search(text):
        return True
    return published is not None and any(int(y) < published.year for y in YEAR.findall(text))


def _past_deed(span: Any, head: Any) -> SetAside | None:
    """"eight sex offenders, three of whom raped children, to be freed": in a story of courts or
    prisons, an act in a relative clause describes who the people are."""
    if not JUSTICE_CONTEXT.search(span.text) or head.lemma_.lower() in DEATH_WORDS:
        return None  # "the inmate who died": a death in custody is told as it is
    for token, _parent in _climb(head, 4):
        if token.dep_ == "relcl" and _personal(token):
            return SetAside("past-deed", "the act describes people in a story of courts or prisons "
                                         "(a past deed), not a new event")
        if token.dep_ not in ("conj", "compound", "amod", "dobj", "nsubjpass", "prep", "pobj"):
            return None
    return None


def _personal(clause: Any) -> bool:
    """A relative clause about people: its subject is "who", "whom", "three of whom"."""
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in ("who", "whom") for t in child.subtree):
            return True
    return False


def _general_strike(span: Any, trigger: Trigger, head: Any) -> SetAside | None:
    """"organized a general strike that shut down Kathmandu in protest of last week's arrest": a
    work stoppage with no gathering told is not a Protest (codebook 1.3), and what it is "in
    protest of" is its purpose, not an act reported."""
    if GATHERING.search(span.text) or not STOPPAGE.search(span.text):
        return None
    stoppage = trigger.kind == PROTEST and bool(STOPPAGE.search(span.doc[trigger.start:trigger.end].text))
    if stoppage or any(_purpose(t) for t in [head, *list(head.ancestors)[:4]]):
        return SetAside("general-strike", "a general strike with no demonstration told: not a Protest "
                                          "(codebook 1.3)")
    return None


def _purpose(word: Any) -> bool:
    """"in protest of/against": the purpose of what the sentence tells."""
    return word.lemma_.lower() == "protest" and word.dep_ == "pobj" and word.head.lower_ == "in"


def _threat(head: Any) -> SetAside | None:
    """"threatened further strikes", "vowed to attack", "warned that it would strike": a threat
    or a plan, not an act."""
    for token, parent in _climb(head, 3):
        if parent.lemma_.lower() in THREATS and token.dep_ in ("dobj", "xcomp", "ccomp", "prep", "pobj"):
            return SetAside("threat", f"the act is threatened or planned ({parent.text!r}), not done")
        if token.dep_ not in ("pobj", "prep", "compound", "amod", "conj", "xcomp"):
            return None  # "vowed to keep fighting": the act hangs on the vow through "keep"
    return None


def _forecast(head: Any) -> SetAside | None:
    """"attacks will continue", "violence is likely to rise", "the attack could be linked to": the
    act as the subject of what may or will be, a forecast or a guess, not of what happened."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children):
        return SetAside("forecast", f"the act is the subject of what may or will be ({verb.text!r}): a forecast "
                                    "or a guess, not an event report")
    if any(c.dep_ == "acomp" and c.lemma_.lower() in LIKELY for c in verb.children):
        return SetAside("forecast", "the act is what is thought likely: a forecast, not an event")
    return None


def _to_be_ended(head: Any) -> SetAside | None:
    """"efforts to end the fighting", "calls for an end to the violence": what is to be stopped
    is a state of affairs, not an act reported."""
    if head.lemma_.lower() not in STATES:
        return None  # "to stop the demonstrators": people met by force are the event
    parent = head.head
    if head.dep_ == "dobj" and parent.lemma_.lower() in STOP_VERBS and _not_done(parent):
        return SetAside("to-be-ended", f"the act is what efforts aim to {parent.lemma_.lower()}: not an event report")
    if head.dep_ == "pobj" and parent.lower_ == "to" and parent.head.lemma_.lower() == "end":
        return SetAside("to-be-ended", "the act is what calls aim to end: not an event report")
    return None


def _not_done(verb: Any) -> bool:
    """An infinitive ("to end") or a verb hanging on a noun ("efforts to end"), not "troops ended"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ in ("acl", "pcomp")


def _private_sexual_violence(trigger: Trigger, head: Any, actors: list[ActorMention], context: str) -> SetAside | None:
    """"raped by two men in a taxi", "assaulted by an unaffiliated male": sexual violence by
    private persons, with no armed or political group near, is crime (codebook 1.1)."""
    if trigger.kind != "Sexual violence":
        return None
    agent = _agent(head)
    if agent is None:
        return None
    words = {t.lower_ for t in agent.subtree}
    if words & UNAFFILIATED:
        return SetAside("private-person", "sexual violence by an unaffiliated person: crime, not political violence")
    if agent.lemma_.lower() not in PRIVATE_PERSONS or "armed" in words:
        return None
    if _armed_or_political(actors, context):
        return None
    return SetAside("private-person", f"sexual violence by private persons ({agent.text!r}) with no armed or "
                                      "political group: crime, not political violence (codebook 1.1)")


def _agent(head: Any) -> Any:
    """Who did the act: the "by" phrase of a passive, else the subject of an active verb."""
    if head.lemma_.lower() in UNDERGONE:
        return None  # "people died", "the toll rose": the subject suffered it
    verbs = [head, head.head] if head.dep_ == "conj" else [head]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for v in verbs for c in v.children if v.tag_ == "VBN")
    if head.pos_ in ("VERB", "AUX") and not passive:  # "were killed and 35 injured": the conjunct is passive too
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None
