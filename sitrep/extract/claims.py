"""The extract stage: an ``AnalyzedArticle`` becomes ``Claim``s, one per sourced report of an act.

Sentence by sentence: skip background, find the source, the triggers, the actors' roles,
the place, the date and the toll, then let ``classify`` name the ACLED sub-event type.
Sentences that only add to an event told before (a toll broken down by party, "21 bodies were
recovered", "the blast", "X claimed responsibility") add a claim to that event or fill it in,
instead of starting an event of their own.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import (
    ActorMention, AnalyzedArticle, Claim, DateInfo, Displacement, PlaceMention, Sentence, Span, TerritorialChange,
)
from ..taxonomy import BATTLES, BY_NAME, ERV, PROTESTS, RIOTS, SD, VAC
from .actors import civil_authority
from .classify import (ARMED, CIVILIAN_VICTIMS, PEOPLE_WORDS, Decision, Scene, battles_across_sentences,
                       classify_by_model, classify_sentence, intervened, rioting)
from .dates import is_historical, resolve_date
from .fatalities import check_breakdown, find_breakdown, find_fatalities, to_fatalities
from .noevent import SetAside, set_aside
from .numbers import find_quantities
from .roles import CIVILIANS_HURT, OWN_KIND, mention_root
from .sources import Attribution, find_source

# ACLED codes vague tolls as 10 rather than 3 in these high-intensity theatres (codebook 1.9).
HIGH_INTENSITY = frozenset({"SY", "UA", "YE", "SD", "PS", "Syria", "Ukraine", "Yemen", "Sudan", "Palestine"})
BACKGROUND = re.compile(
    r"\b(designated (?:as )?(?:an? )?[“\"]?(?:foreign )?terror|has long been|have long been|for decades|"
    r"in recent years|was founded|formerly known as|analysts (?:say|said|believe)|is widely seen|"
    r"since the (?:coup|war|conflict|invasion|start|beginning|outbreak|uprising|revolution|takeover)|"
    r"for (?:more than |over |nearly |almost )?(?:a|two|three|several|many|\d+) (?:decades?|years))\b", re.I)
AGGREGATE = re.compile(
    r"\b(over (?:the )?(?:two|three|four|five|six|seven|\d+|past|last) (?:days|weeks|months)|so far this|"
    r"in recent (?:days|weeks|months)|across (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|the) (?:regions|provinces|states|districts|country)|nationwide|cumulative|in total)\b", re.I)
AREA_WORDS = re.compile(r"\b(areas?|villages?|towns?|positions?|localit(?:y|ies)|neighbou?rhoods?|districts?|"
                        r"hills?|settlements?|cities|territor(?:y|ies))\b", re.I)
DESTINATION = re.compile(r"\b(?:fled|flee|fleeing|displaced|evacuated|escaped|moved|arrived)\b[^.;]*?"
                         r"\b(?:to|toward|towards|into|in)\s+(?P<dest>[^,.;()]+)", re.I)
RESPONSIBILITY = re.compile(r"\bclaimed responsibility\b", re.I)
OWN_CLAIM = re.compile(r"\b(?:(?:said|says|claimed|announced) (?:that )?|that )(?:it|they|its (?:fighters|forces|units|troops))\b", re.I)
CROWD_SUBJECT = re.compile(r"^\s*(?:They|The (?:demonstrators|protesters|protestors|rioters|participants|crowd|"
                           r"students|youths|group|marchers|residents|farmers|workers|villagers|supporters|drivers|"
                           r"teachers)|Demonstrators|Protesters|Some (?:of the )?"
                           r"(?:demonstrators|protesters|participants)|There (?:were|was) (?:direct |violent )?"
                           r"(?:clashes|a brawl|scuffles)|During the (?:demonstration|protest|march|rally))\b")
FORCES = re.compile(r"\b(police|security forces|soldiers|troops|gendarme\w*|army|authorities|officers)\b", re.I)
DEFINITE_GROUP = re.compile(r"\W*(?:The|These|Those) (?:assailants|attackers|gunmen|perpetrators|armed men|"
                            r"militants|fighters|militiamen|insurgents)\b")
# Strategic developments a state's forces carry out: named alone, the forces are who acted
# ("the state police detained 101 migrants", "troops were deployed"), never the one acted on.
STATE_ACTS = frozenset({"Arrests", "Change to group/activity", "Looting/property destruction"})
# "detained on charges of belonging to IS": the group is what the victims are accused of, not a party
# "accusing them of supporting the PDF", "for allegedly providing support to PDF" too
ACCUSED_TIE = re.compile(r"\b(?:accus\w*|charges?|charged|suspicion|suspect\w*|allegations?|allegedly)\s+"
                         r"(?:(?:him|her|them|us|it)\s+)?(?:of\s+|with\s+)?(?:having\s+)?(?:belonging|belong|"
                         r"being (?:an? )?members?|membership|affiliation|links?|ties|dealing|collaborat\w*|"
                         r"cooperat\w*|spying|working|(?:providing |giving |lending )?support(?:ing|ed)?|"
                         r"sympathi\w*|helping|aiding|informing|being (?:an? )?informers?(?: (?:for|of))?|being(?: an?| the)?)"
                         r"(?:\s+(?:to|with|of|in|for))?\s*(?:the\s+)?$", re.I)
ARMED_REPLY = re.compile(r"\b(returned fire|(?:reacted|responded|retaliated) with (?:\w+ )?(?:gunfire|fire))\b", re.I)
UNLOCATED_NOT_EVENTS = frozenset({"Change to group/activity"})
GROUP_HEADS = frozenset({"group", "affiliate", "organisation", "organization", "faction", "movement", "party",
                         "militia", "network", "front", "wing", "branch", "outfit", "alliance", "offshoot", "franchise"})
GROUP_RULES = frozenset({"group"})  # a merger or a new group is news in itself, wherever it is told
OWN_ACTS = frozenset({"Arrests", "Change to group/activity", "Agreement", "Disrupted weapons use",
                      "Headquarters or base established"})


@dataclass
class _Context:
    """What carries from sentence to sentence within one article."""

    analyzed: AnalyzedArticle
    registry: Any
    country: str | None
    default_date: DateInfo
    default_place: PlaceMention | None
    high_intensity: bool
    claims: list[Claim] = field(default_factory=list)
    source_by_paragraph: dict[int, Attribution] = field(default_factory=dict)
    place_by_paragraph: dict[int, PlaceMention] = field(default_factory=dict)
    background_paragraphs: set[int] = field(default_factory=set)
    paragraphs: dict[int, str] = field(default_factory=dict)
    use_model: bool = True
    set_aside: list[tuple[Span, SetAside]] = field(default_factory=list)  # sentences that report no event, and why

    def scene(self, sentence: Sentence) -> Scene:
        return Scene(self.registry, self.country, self.paragraphs.get(sentence.paragraph), self.use_model)


def extract_claims(analyzed: AnalyzedArticle, registry: Any = None, use_model: bool = True,
                   set_aside: list[tuple[Span, SetAside]] | None = None) -> list[Claim]:
    """Every claim an article makes about events, in text order. ``use_model=False`` leaves the
    types to the rules alone (the sub-event model neither revises nor adds events). A list given
    as ``set_aside`` receives the sentences that report no event (``noevent.py``) with the reason."""
    if registry is None:
        from .actors import get_registry

        registry = get_registry()
    published = analyzed.article.published
    dated = [(s, resolve_date(s.span.text, published)) for s in analyzed.sentences]
    country = _country(analyzed)
    ctx = _Context(analyzed, registry, country, _lead_date(analyzed, dated), _lead_place(analyzed),
                   country in HIGH_INTENSITY, use_model=use_model)
    ctx.paragraphs = _paragraph_texts(analyzed)
    for sentence, date in dated:
        _read_sentence(ctx, sentence, date)
    if not ctx.claims and use_model:
        _model_fallback(ctx, dated)
    if set_aside is not None:
        set_aside.extend(ctx.set_aside)
    _armed_replies(ctx)
    battles_across_sentences(ctx.claims)
    _how_protests_went(ctx)
    for i, claim in enumerate(ctx.claims):
        claim.actor1 = _referred_back(ctx.claims[:i], claim)
        if claim.actor1 is None and not _named_elsewhere(ctx, claim):
            # after the whole article: "X claimed responsibility" names it
            claim.actor1 = _armed_named(ctx, claim) or _unnamed_actor1(ctx, claim)
        if claim.actor1 is None and claim.actor2 is not None and claim.actor2.inter == 1 and (
                claim.sub_event_type in STATE_ACTS):
            claim.actor1, claim.actor2 = claim.actor2, None  # the only party named is the state that acted
        _civil_authorities(ctx, claim)
        if claim.sub_event_type in ONE_SIDED and not DEFECTION.search(claim.evidence.text):
            _one_sided(claim)
        claim.actor1 = _under_operation(ctx, claim, _by_convention(ctx, claim, claim.actor1))
        claim.actor2 = _under_operation(ctx, claim, _by_convention(ctx, claim, claim.actor2))
        if _kind(claim) == BATTLES:
            _crowds_armed(ctx, claim)
            if claim.actor2 is None:
                place = claim.place.place.country if claim.place is not None else ctx.country
                claim.actor2 = ctx.registry.gang_victim(place, ctx.paragraphs.get(claim.paragraph) or claim.evidence.text)
        if _displacing(claim) and (claim.actor1 is None or claim.actor1.inter == 7):
            _displaced(ctx, claim)
        if _kind(claim) in (PROTESTS, RIOTS):
            _group_in_a_crowd(ctx, claim)
            claim.actor1 = _crowd_by_nationality(ctx, claim)
        if claim.actor2 is None and _targets_people(claim, ctx.paragraphs.get(claim.paragraph, "")):
            claim.actor2 = _generic_actor(ctx, "civilians")
        if claim.actor2 is None and (_kind(claim) == BATTLES or claim.sub_event_type == "Disrupted weapons use"):
            claim.actor2 = ctx.registry.opponent(claim.actor1, ctx.country)
        if claim.actor2 is None and _kind(claim) == PROTESTS and COUNTER_PROTEST.search(
                ctx.paragraphs.get(claim.paragraph, "")):
            claim.actor2 = claim.actor1  # ACLED names a counter-demonstration as the protest's Actor 2
    return ctx.claims


# A group's own move (codebook: force movements, recruitment, security measures, a new base):
# ACLED names no one it acted on, even where the move was aimed at a foe ("deployed against PKK").
ONE_SIDED = frozenset({"Change to group/activity", "Headquarters or base established"})
# ... except a move from one group to another: "defected to the PDF", "surrendered to the army"
DEFECTION = re.compile(r"\b(?:defect\w*|deserted|surrender\w*|joined|merg\w*|switched sides)\b", re.I)


# What a government does itself: security measures, elections, agreements (ACLED's "Government of X")
GOVERNMENT_ACTS = frozenset({"Change to group/activity", "Other", "Agreement"})


def _civil_authorities(ctx: _Context, claim: Claim) -> None:
    """A government named as the party of any other act stands for its forces: ACLED codes
    arrests by "the authorities" to the police, and a government is no side of violence."""
    if claim.sub_event_type in GOVERNMENT_ACTS:
        if claim.actor1 is None and civil_authority(claim.actor2):  # "... upon the decision of the Polish government"
            claim.actor1, claim.actor2 = claim.actor2, None
        return
    if civil_authority(claim.actor1):
        police = ctx.registry.find("police", country=claim.actor1.country or ctx.country)
        claim.actor1 = police[0].actor if police and claim.sub_event_type == "Arrests" else None
    if civil_authority(claim.actor2):
        claim.actor2 = None
    claim.assoc_actor_1 = [a for a in claim.assoc_actor_1 if not civil_authority(a)]
    claim.assoc_actor_2 = [a for a in claim.assoc_actor_2 if not civil_authority(a)]


def _one_sided(claim: Claim) -> None:
    if claim.actor1 is None:
        claim.actor1, claim.assoc_actor_1 = claim.actor2, list(claim.assoc_actor_2)
    claim.actor2, claim.assoc_actor_2 = None, []


def _paragraph_texts(analyzed: AnalyzedArticle) -> dict[int, str]:
    texts: dict[int, list[str]] = {}
    for sentence in analyzed.sentences:
        texts.setdefault(sentence.paragraph, []).append(sentence.span.text)
    return {p: " ".join(parts) for p, parts in texts.items()}


def _model_fallback(ctx: _Context, dated: list[tuple[Sentence, DateInfo]]) -> None:
    """No rule found an event: the model may name one in the first sentence that is not background
    (terse reports: "protesters gathered", "the group was dissolved")."""
    for sentence, date in dated:
        if _read_sentence(ctx, sentence, date, classify_by_model) is not None:
            return


def _country(analyzed: AnalyzedArticle) -> str | None:
    """The nlp stage's answer; computed here only for analyses built by hand."""
    if analyzed.country is not None:
        return analyzed.country
    from ..nlp import focus_country

    return focus_country(analyzed.places)


def _lead_date(analyzed: AnalyzedArticle, dated: list[tuple[Sentence, DateInfo]]) -> DateInfo:
    """The date of the article's main event: the first day-precise date of a non-background sentence,
    else the publication date "as reported"."""
    published = analyzed.article.published
    for sentence, date in dated:
        if date.event_date and not is_historical(sentence.span.text, published):
            return date
    if published is None:
        return DateInfo()
    # No date in the whole report: ACLED codes such events "as reported", at the report's date,
    # within the week before it.
    return DateInfo(published, published - dt.timedelta(days=7), published, 2, "as reported")


def _lead_place(analyzed: AnalyzedArticle) -> PlaceMention | None:
    """The first place the article puts events at: news leads name the main event's place first."""
    return next((p for p in analyzed.places if p.role == "location" and p.place.feature_code != "CONT"), None)


def _read_sentence(ctx: _Context, sentence: Sentence, date: DateInfo, classify: Any = None) -> bool | None:
    """Claims of one sentence into ``ctx.claims``; None when the sentence is not read at all
    (background, a claim of responsibility), else whether it gave a claim."""
    analyzed = ctx.analyzed
    span = analyzed.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None or _background(ctx, sentence, date, span):
        return None
    text = sentence.span.text
    attribution = _attribution(ctx, sentence, span)
    actors = _actors_in(analyzed, sentence, attribution)
    if _claims_responsibility(ctx, sentence):
        return None
    if _no_event(ctx, sentence, span, actors, date):
        return False  # read, and it reports no event: the model fallback does not look further
    places = _places_in(ctx, sentence, span, attribution)
    _remember_place(ctx, sentence, places)
    fatal = find_fatalities(text, high_intensity=ctx.high_intensity)
    breakdown = find_breakdown(text)
    decisions = (classify or classify_sentence)(span, actors, fatal, ctx.scene(sentence))
    if _attach_breakdown(ctx, breakdown, sentence, decisions):
        return True
    before = len(ctx.claims)
    own_date, date = date, (date if date.text else _inherit_date(ctx, sentence))
    for decision in decisions:
        decision = _refer_back(ctx, sentence, decision, date)
        if decision.rule.endswith("-reference"):
            continue  # a reference to nothing told before is not an event
        if decision.rule == "intervention-on-protest" and not _protest_told(ctx):
            continue  # "police dispersed the crowd" adds to a protest; alone it says too little
        if decision.sub_event_type in UNLOCATED_NOT_EVENTS and decision.rule not in GROUP_RULES \
                and not (own_date.text or _located(places)):
            continue  # a deployment with no place or day of its own is context, not an event
        claim = _claim(ctx, sentence, decision, attribution, places, date, fatal, breakdown)
        if decision.rule.endswith("+refers-back"):
            _same_place(claim, ctx.claims[-1])
        ctx.claims.append(claim)
    return len(ctx.claims) > before


def _no_event(ctx: _Context, sentence: Sentence, span: Any, actors: list[ActorMention], date: DateInfo) -> bool:
    """A disaster, ordinary crime, a trial over an old act, findings, a tally: kept with the reason."""
    found = set_aside(span, actors, published=ctx.analyzed.article.published,
                      country=ctx.registry.countries.code(ctx.country) if ctx.country else None,
                      context=ctx.paragraphs.get(sentence.paragraph),
                      dated=bool(date.text) and date.time_precision == 1)
    if found is not None and (sentence.span, found) not in ctx.set_aside:
        ctx.set_aside.append((sentence.span, found))
    return found is not None


def _same_place(claim: Claim, told: Claim) -> None:
    """A sentence that speaks of the event told just before ("the aircraft dropped two bombs") is
    at that event's place unless it names a more precise one."""
    if told.place is not None and (claim.place is None or claim.place.precision > told.place.precision):
        claim.place = told.place


def _background(ctx: _Context, sentence: Sentence, date: DateInfo, span: Any = None) -> bool:
    """History, designations and analysis; and what follows them in a paragraph without a date of its own."""
    text = _without_group_history(span) if span is not None else sentence.span.text
    dated_today = date.event_date is not None and date.time_precision == 1 and bool(date.text)  # "On 28 Feb 2022, ..."
    if is_historical(text, ctx.analyzed.article.published) or (BACKGROUND.search(text) and not dated_today):
        ctx.background_paragraphs.add(sentence.paragraph)
        return True
    if sentence.paragraph in ctx.background_paragraphs and not date.event_date:
        return True
    return False


def _without_group_history(span: Any) -> str:
    """The sentence less the clauses that tell a group's past ("an al-Qaida affiliate that started in
    South Asia last year"): who the group is, not when the reported act happened."""
    cut = {t.i for w in span if w.dep_ == "relcl" and w.head.lemma_.lower() in GROUP_HEADS for t in w.subtree}
    return "".join(t.text_with_ws for t in span if t.i not in cut) if cut else span.text


def _attribution(ctx: _Context, sentence: Sentence, span: Any) -> Attribution | None:
    found = find_source(span, actor_name=_actor_namer(ctx))
    if found:
        ctx.source_by_paragraph[sentence.paragraph] = found
        return found
    return ctx.source_by_paragraph.get(sentence.paragraph)


def _actor_namer(ctx: _Context):
    """Maps a speaker phrase ("the Syrian army") to the actor's canonical name."""
    def name(phrase: str) -> str | None:
        found = [m for m in ctx.registry.find(phrase, country=ctx.country) if m.actor.inter != 7]
        return found[0].actor.name if found else None
    return name


def _actors_in(analyzed: AnalyzedArticle, sentence: Sentence, attribution: Attribution | None) -> list[ActorMention]:
    """Actor mentions in the sentence, leaving out the speaker of the attribution."""
    inside = [m for m in analyzed.actors if sentence.span.start <= m.span.start < sentence.span.end
              and not ACCUSED_TIE.search(analyzed.doc.text[max(sentence.span.start, m.span.start - 60):m.span.start])]
    if attribution is None:
        return inside
    return [m for m in inside if not (attribution.start <= m.span.start < attribution.end)
            and not (attribution.speaker is not None and m.actor.name == attribution.speaker)]


def _claims_responsibility(ctx: _Context, sentence: Sentence) -> bool:
    """"Al-Shabaab claimed responsibility": names the perpetrator of the event just told."""
    if not RESPONSIBILITY.search(sentence.span.text) or not ctx.claims:
        return False
    inside = [m for m in ctx.analyzed.actors if sentence.span.start <= m.span.start < sentence.span.end]
    armed = [m.actor for m in inside if m.actor.inter in ARMED]
    last = ctx.claims[-1]
    if armed and last.actor1 is None:
        last.actor1 = armed[0]
        last.more_evidence.append(sentence.span)
    return True


def _places_in(ctx: _Context, sentence: Sentence, span: Any, attribution: Attribution | None) -> list[PlaceMention]:
    """Places in the sentence, less the seat of the source ("a spokesman in Goma said") and
    countries that act ("Russia launched ...")."""
    out = []
    for p in ctx.analyzed.places:
        if not sentence.span.start <= p.span.start < sentence.span.end:
            continue
        if attribution is not None and attribution.start <= p.span.start < attribution.end:
            p = replace(p, role="seat")
        elif p.place.feature_code == "PCLI" and _acts(span, p):
            p = replace(p, role="actor")
        out.append(p)
    return out


def _acts(span: Any, mention: PlaceMention) -> bool:
    token = span.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return token is not None and token.root.dep_ in ("nsubj", "nsubjpass", "poss")


def _protest_told(ctx: _Context) -> bool:
    return any(BY_NAME[c.sub_event_type].event_type == PROTESTS for c in ctx.claims)


def _located(places: list[PlaceMention]) -> bool:
    return any(p.role == "location" for p in places)


def _remember_place(ctx: _Context, sentence: Sentence, places: list[PlaceMention]) -> None:
    located = [p for p in places if p.role == "location" and p.place.feature_code != "CONT"]
    if located:
        ctx.place_by_paragraph[sentence.paragraph] = located[0]


def _inherit_date(ctx: _Context, sentence: Sentence) -> DateInfo:
    for claim in reversed(ctx.claims):
        if claim.paragraph == sentence.paragraph and claim.date.text:
            return claim.date
    return ctx.default_date


def _attach_breakdown(ctx: _Context, breakdown: list, sentence: Sentence, decisions: list[Decision]) -> bool:
    """A sentence that breaks down an earlier toll by party adds to that claim, nothing more."""
    if not breakdown or not ctx.claims or any(not d.generic for d in decisions):
        return False
    for claim in reversed(ctx.claims[-6:]):
        toll = claim.fatalities
        if toll and not toll.by_party and check_breakdown(toll.best, [n for _, n, *_ in breakdown]):
            claim.fatalities = replace(toll, by_party=_parties(ctx, breakdown))
            claim.more_evidence.append(sentence.span)
            return True
    return False


def _parties(ctx: _Context, breakdown: list) -> dict[str, int]:
    """Party names for a breakdown: the registry's actor where the phrase names one."""
    parties: dict[str, int] = {}
    for phrase, count, *_ in breakdown:
        name = _party_name(ctx, phrase)
        parties[name] = parties.get(name, 0) + count
    return parties


def _party_name(ctx: _Context, phrase: str) -> str:
    """"65 HTS fighters" -> the HTS; "18 members of allied rebel groups" stays a described party."""
    cleaned = re.sub(r"^(?:members|fighters|soldiers|militants|elements) of\s+", "", phrase.strip(), flags=re.I)
    if re.search(r"\b(allied|affiliated|other|unidentified)\b", cleaned, re.I):
        return cleaned
    found = ctx.registry.find(cleaned, country=ctx.country)
    return found[0].actor.name if found else cleaned


def _refer_back(ctx: _Context, sentence: Sentence, decision: Decision, date: DateInfo) -> Decision:
    """A toll ("21 bodies were recovered") or a definite noun ("the blast") with no new actor
    speaks of the event told just before: it takes that event's type and actors."""
    if not ctx.claims or decision.distinct or date.event_date not in (None, ctx.claims[-1].date.event_date):
        return decision
    last = ctx.claims[-1]
    if sentence.paragraph - last.paragraph > 1:
        return decision
    if decision.toll_only or (decision.definite and _no_new_actor(decision, last)):
        return replace(decision, sub_event_type=last.sub_event_type, actor1=last.actor1, actor2=last.actor2,
                       assoc_actor_1=list(last.assoc_actor_1), assoc_actor_2=list(last.assoc_actor_2),
                       civilian_targeting=last.civilian_targeting, rule=f"{decision.rule}+refers-back")
    return decision


def _no_new_actor(decision: Decision, last: Claim) -> bool:
    known = {last.actor1, last.actor2, None}
    return decision.actor1 in known and decision.actor2 in known


def _claim(ctx: _Context, sentence: Sentence, decision: Decision, attribution: Attribution | None,
           places: list[PlaceMention], date: DateInfo, fatal: Any, breakdown: list) -> Claim:
    toll = None
    if fatal is not None and decision.counts_dead:
        parts = {} if not breakdown or not check_breakdown(fatal.best, [n for _, n, *_ in breakdown]) \
            else _parties(ctx, breakdown)
        toll = to_fatalities(fatal, parts)
    claim = Claim(
        article_id=ctx.analyzed.article.id,
        sub_event_type=decision.sub_event_type,
        evidence=sentence.span,
        source=attribution.name if attribution else None,
        actor1=decision.actor1, assoc_actor_1=decision.assoc_actor_1,
        actor2=decision.actor2, assoc_actor_2=decision.assoc_actor_2,
        civilian_targeting=decision.civilian_targeting,
        place=_event_place(ctx, sentence, places), places=places, date=date, fatalities=toll,
        decided_by=decision.rule, paragraph=sentence.paragraph, distinct=decision.distinct,
        aggregate=bool(AGGREGATE.search(sentence.span.text)),
    )
    _fill_actor1(ctx, claim, attribution)
    claim.territory = _territory(decision, sentence, places)
    claim.displacement = _displacement(decision, sentence, places)
    claim.confidence = _confidence(claim)
    return claim


def _fill_actor1(ctx: _Context, claim: Claim, attribution: Attribution | None) -> None:
    """An act with no named agent: a party announcing its own act did it ("the ministry said its
    forces arrested ..."); an attack the lead blamed on someone keeps that someone."""
    if claim.actor1 is not None:
        return
    party = ctx.registry.by_name(attribution.name) if attribution is not None else None
    if party is None and attribution is not None and attribution.speaker:
        # "the military's information team said in a statement carried by state media that it ..."
        found = ctx.registry.find(attribution.speaker, country=ctx.country)
        party = found[0].actor if found else None
    own_act = claim.sub_event_type in OWN_ACTS or OWN_CLAIM.search(claim.evidence.text)
    if party is not None and own_act and party != claim.actor2:
        claim.actor1 = party
        return
    kind = BY_NAME[claim.sub_event_type].event_type
    if kind == SD:
        return
    for earlier in reversed(ctx.claims):
        same_story = earlier.paragraph == claim.paragraph or earlier.paragraph == 0
        if same_story and earlier.actor1 is not None and BY_NAME[earlier.sub_event_type].event_type == kind:
            if earlier.actor1 != claim.actor2:
                claim.actor1 = earlier.actor1
            return


def _how_protests_went(ctx: _Context) -> None:
    """A protest told as peaceful, then in the next sentences "They broke windows" or "Police
    dispersed them with tear gas": the later sentences say how it went (codebook 1.3)."""
    for claim in ctx.claims:
        if claim.sub_event_type != "Peaceful protest":
            continue
        later = [s for s in ctx.analyzed.sentences
                 if s.paragraph == claim.paragraph and s.span.start >= claim.evidence.end]
        spans = [(ctx.analyzed.doc.char_span(s.span.start, s.span.end, alignment_mode="expand"), s.span.text)
                 for s in later]
        if any(span is not None and CROWD_SUBJECT.search(text) and rioting(span) for span, text in spans):
            # demonstrators' violence makes it a riot, whether or not police stepped in (codebook 1.3)
            claim.sub_event_type, claim.decided_by = "Violent demonstration", f"{claim.decided_by}+rioting-after"
            claim.actor1 = _generic_actor(ctx, "rioters") or claim.actor1
            continue
        for span, text in spans:
            if span is not None and intervened(span) and FORCES.search(text):
                claim.sub_event_type = "Protest with intervention"
                claim.decided_by = f"{claim.decided_by}+intervention-after"
                claim.actor2 = claim.actor2 or _generic_actor(ctx, "police")
                break


VICTIM_TYPES = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence", "Looting/property destruction"})
PEOPLE_HIT = frozenset({"Mob violence", "Arrests"})
COUNTER_PROTEST = re.compile(r"\bcounter[- ]?(?:demonstrat\w*|protest\w*|rall\w*|march\w*)", re.I)
STRIKES = frozenset({"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
                     "Grenade"})


def _targets_people(claim: Claim, paragraph: str) -> bool:
    """Violence against civilians always names its victims as Actor 2 (codebook 1.1): civilians
    when no group is named. A strike whose paragraph tells of civilians killed or hurt, with no
    other side named, hit civilians. A mob's victim, or the people arrested, are civilians too
    when the text names people."""
    if claim.sub_event_type in VICTIM_TYPES:
        return True  # looting and destruction too: ACLED always names whose property it was
    if claim.sub_event_type in STRIKES and CIVILIANS_HURT.search(paragraph or claim.evidence.text):
        return True
    return claim.sub_event_type in PEOPLE_HIT and bool(CIVILIAN_VICTIMS.search(claim.evidence.text))


def _kind(claim: Claim) -> str:
    return BY_NAME[claim.sub_event_type].event_type


def _generic_actor(ctx: _Context, phrase: str) -> Any:
    found = ctx.registry.find(phrase, country=ctx.country)
    return found[0].actor if found else None


def _armed_replies(ctx: _Context) -> None:
    """"Militants threw a grenade at soldiers. Soldiers reacted with gunfire.": a strike met with
    armed resistance is a battle (codebook 1.4), so the strike told just before becomes the clash."""
    for before, after in zip(ctx.claims, ctx.claims[1:]):
        if after.sub_event_type == "Armed clash" and ARMED_REPLY.search(after.evidence.text) \
                and before.paragraph == after.paragraph and BY_NAME[before.sub_event_type].event_type == ERV:
            before.sub_event_type = "Armed clash"
            before.decided_by = f"{before.decided_by}+armed-reply"


def _by_convention(ctx: _Context, claim: Claim, actor: Any) -> Any:
    """A generic actor with no country takes the event's place's, then ACLED's own name for unknown
    perpetrators there (actors.yaml ``conventions``: gangs in Mexico, Brazil's police militias)."""
    country = claim.place.place.country if claim.place is not None else None
    actor = ctx.registry.localize(actor, country, ctx.country)
    text = ctx.paragraphs.get(claim.paragraph) or claim.evidence.text
    return ctx.registry.by_convention(actor, country or ctx.country, text)


def _referred_back(before: list[Claim], claim: Claim) -> Any:
    """"Kaduna militiamen attacked ... The assailants shot ...": a sentence whose subject is a
    definite unnamed group ("the assailants", "the gunmen") speaks of the group named before."""
    actor = claim.actor1
    if actor is None or not actor.name.startswith("Unidentified Armed Group") or not DEFINITE_GROUP.match(
            claim.evidence.text):
        return actor
    named = [c.actor1 for c in before if c.actor1 is not None
             and not c.actor1.name.startswith("Unidentified") and c.actor1.inter in ARMED]
    return named[-1] if named else actor


def _under_operation(ctx: _Context, claim: Claim, actor: Any) -> Any:
    """ACLED codes the forces of a named joint operation as the operation ("Turkish forces
    supported by JWS who operate under OPS" -> Operation Peace Spring): a state's forces or a
    faction on its side, in a paragraph that names an operation (a rebel-typed umbrella entry in
    actors.yaml whose side is that state) they fight under. A coalition typed 8 (Operation
    Restoring Hope) is an actor of its own beside its allies, so it is left out."""
    if actor is None:
        return actor
    text = ctx.paragraphs.get(claim.paragraph) or claim.evidence.text
    if "Operation" not in text and "OPS" not in text:
        return actor  # cheap guard: most paragraphs name no operation
    # an operation's short name ("OPS") is read in its own country's terms, wherever the place fell
    countries = {ctx.country} | {a.country for a in ctx.registry.actors if a.name.startswith("Operation ")}
    found = [m for iso in countries for m in ctx.registry.find(text, country=iso)]
    for mention in found:
        operation = mention.actor
        if (operation.name.startswith("Operation ") and operation.inter == 2 and operation.side
                and operation.name != actor.name and operation.side in (actor.name, actor.side)):
            return operation
    return actor


def _named_elsewhere(ctx: _Context, claim: Claim) -> bool:
    """Another claim of the article, of the same event type, names its agent: this one may be the
    same event told again (fusion joins them), so it is not given an unnamed agent of its own."""
    kind = BY_NAME[claim.sub_event_type].event_type
    return any(c is not claim and c.actor1 is not None and BY_NAME[c.sub_event_type].event_type == kind
               for c in ctx.claims)


CUSTODY = re.compile(r"\b(?:in custody|under torture|in detention|in (?:\w+ )?prison|while detained|after (?:being|his|her) "
                     r"(?:arrest|detention))", re.I)
# A later sentence that says who did the act: "X are suspected to be behind the attack"
BLAMES = re.compile(r"\b(?:behind|suspect\w*|blam\w*|claim\w*|believ\w*|responsib\w*|accus\w*|attribut\w*|"
                    r"perpetrat\w*|belong\w*|carried out|planted)\b", re.I)
SPEAKS = re.compile(r"^\W*(?:said|says|say|reported|reports|claimed|claims|confirmed|told|stated|announced|added|"
                    r"denied|blamed|accused|alleged)\b", re.I)
ACTED_ON_PREPS = frozenset({"on", "against", "at", "targeting", "upon"})


def _armed_named(ctx: _Context, claim: Claim) -> Any:
    """Nobody is named as the doer, yet the report names an armed actor other than the one acted
    on ("a suicide bomber from Al Shabaab militants detonated", "members of the Red Command held a
    family hostage"): where the parse missed the link, a coder names that actor, not an unknown
    group. It is looked for in the paragraph (the act and who did it are often told in two
    sentences; a battle's sides anywhere in it, another act's doer in or before its sentence or
    in a later one that blames someone),
    passing over speakers and the people an attack was done to. State forces count in a battle,
    or as the subject in the sentence of an attack on people ("Pakistani forces fired on
    vehicles") or a death in their custody, never for a bomb: there they are its target ("an explosion at a checkpoint
    guarded by the military and police")."""
    kind = _kind(claim)
    if kind not in (BATTLES, ERV, VAC):
        return None
    taken = {claim.actor2, *claim.assoc_actor_2}
    own = claim.evidence
    same = [s.span for s in ctx.analyzed.sentences if s.paragraph == claim.paragraph]
    start, end = min([own.start, *(s.start for s in same)]), max([own.end, *(s.end for s in same)])
    told_after = [s for s in same if s.start >= own.end and (kind == BATTLES or BLAMES.search(s.text))]
    text = ctx.analyzed.doc.text
    custody = CUSTODY.search(own.text) is not None  # who holds a prisoner answers for his death
    for mention in ctx.analyzed.actors:
        actor = mention.actor
        if not start <= mention.span.start < end or actor.inter not in ARMED or actor in taken \
                or civil_authority(actor):
            continue
        if mention.span.start >= own.end and not any(s.start <= mention.span.start < s.end for s in told_after):
            continue  # "TNLA and RCSS fought around the area in January": background after the act
        if actor.inter == 1 and kind != BATTLES and (kind == ERV or not own.start <= mention.span.start < own.end
                                                      or not (custody or _subject(ctx.analyzed.doc, mention))):
            continue  # "Police are investigating": state forces told of after an attack did not do it
        if SPEAKS.match(text[mention.span.end:mention.span.end + 30]) or re.search(
                r"according to\s+(?:the\s+)?$", text[max(0, mention.span.start - 20):mention.span.start], re.I):
            continue
        if kind != BATTLES and mention.span.start < own.end and _acted_on(ctx.analyzed.doc, mention):
            continue
        return actor
    return None


def _subject(doc: Any, mention: ActorMention) -> bool:
    """The subject of a verb, or who a passive verb was done by ("arrested by the military")."""
    root = mention_root(doc, mention)
    return root is not None and (root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.lower_ == "by"))


def _acted_on(doc: Any, mention: ActorMention) -> bool:
    """Is the mention the one acted on ("an off-duty officer was shot", "attacked the police")?"""
    root = mention_root(doc, mention)
    if root is None:
        return False
    if root.dep_ in ("nsubjpass", "dobj", "obj"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ACTED_ON_PREPS


CROWD_TYPES = frozenset({5, 6, 7})
IDENTITY_MILITIAS = ((re.compile(r"\btrib(?:e|es|al|esmen)\b", re.I), "tribal militia"),
                     (re.compile(r"\b(?:sub-)?clans?\b", re.I), "clan militia"),
                     (re.compile(r"\bethnic\b", re.I), "ethnic militia"))


def _crowds_armed(ctx: _Context, claim: Claim) -> None:
    """No crowd fights a battle: both sides of one are armed and organised (codebook 1.4), and ACLED
    types no rioter, protester or civilian in it. Villagers or farmers who clash with arms are a
    communal militia (tribal, clan or ethnic where the report says so); named alone in a clash
    "between" groups of them, they fought their own kind."""
    text = ctx.paragraphs.get(claim.paragraph) or claim.evidence.text
    phrase = next((p for rx, p in IDENTITY_MILITIAS if rx.search(text)), "communal militia")

    def armed(actor: Any) -> Any:
        if actor is None or actor.inter not in CROWD_TYPES:
            return actor
        found = ctx.registry.find(phrase, country=actor.country or ctx.country)
        return found[0].actor if found else actor

    first, second = armed(claim.actor1), armed(claim.actor2)
    if first is not claim.actor1 and second is None and OWN_KIND.search(claim.evidence.text):
        second = first
    claim.actor1, claim.actor2 = first, second


def _displacing(claim: Claim) -> bool:
    """A displacement: found by its trigger, or labelled so by the report ("Displacement: ...")."""
    return claim.displacement is not None or claim.evidence.text.lstrip().lower().startswith("displacement:")


FROM_COUNTRY = re.compile(r"\bfrom\s+(?:the\s+)?(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")


def _displaced(ctx: _Context, claim: Claim) -> None:
    """The actors of a displacement: an armed actor that drove people out as the subject of the
    sentence ("JNIM militants evicted fishermen") acted on civilians; otherwise ACLED names the
    people who fled as Actor 1, alone: civilians of the country they fled ("refugees from
    Ukraine" arriving in Poland are Civilians (Ukraine))."""
    inside = [m for m in ctx.analyzed.actors if claim.evidence.start <= m.span.start < claim.evidence.end]
    for mention in inside:
        root = mention_root(ctx.analyzed.doc, mention)
        if mention.actor.inter in ARMED and root is not None and root.dep_ == "nsubj" and root.head.dep_ == "ROOT":
            claim.actor1, claim.actor2 = mention.actor, claim.actor2 or _generic_actor(ctx, "civilians")
            return
    claim.actor1 = _people_displaced(ctx, claim, [m.actor for m in inside if m.actor.inter == 7])


def _people_displaced(ctx: _Context, claim: Claim, named: list[Any]) -> Any:
    text = claim.evidence.text
    if named and named[0].country is not None and named[0].country != ctx.registry.countries.code(ctx.country):
        return named[0]  # "Ukrainian refugees": the demonym names their country
    for m in FROM_COUNTRY.finditer(text):
        home = ctx.registry.countries.code(m.group("name"))
        if home is not None:
            found = ctx.registry.find("civilians", country=home)
            return found[0].actor if found else None
    place = claim.place.place.country if claim.place is not None else None
    return ctx.registry.localize(_generic_actor(ctx, "civilians"), place, ctx.country)


CROWD_NAMES = {6: "protesters", 5: "rioters"}


def _group_in_a_crowd(ctx: _Context, claim: Claim) -> None:
    """"Israeli settlers assaulted a Palestinian" as mob violence: ACLED's Actor 1 of a riot or a
    protest is always the crowd ("Rioters (Israel)"), and the group it came from is associated."""
    group = claim.actor1
    if group is None or group.inter not in (3, 4, 7):
        return
    kind = 6 if _kind(claim) == PROTESTS else 5
    found = ctx.registry.find(CROWD_NAMES[kind], country=group.country or ctx.country)
    if found:
        claim.actor1 = found[0].actor
        claim.assoc_actor_1 = [a for a in [group, *claim.assoc_actor_1] if a.inter != 7]


def _crowd_by_nationality(ctx: _Context, claim: Claim) -> Any:
    """A crowd whose nationality the text gives as the subject of its act ("Ukrainians rallied in
    Nicosia", "Senegalese youths marched", "40 British nationals protested") is named after its
    country, not the country it protests in: ACLED's "Protesters (Ukraine)" in Cyprus."""
    crowd = claim.actor1
    if crowd is None or crowd.registered or crowd.inter not in CROWD_NAMES:
        return crowd
    doc = ctx.analyzed.doc
    span = doc.char_span(claim.evidence.start, claim.evidence.end, alignment_mode="expand")
    if span is None:
        return crowd
    countries = ctx.registry.countries
    first = next((m for m in ctx.analyzed.actors if claim.evidence.start <= m.span.start < claim.evidence.end), None)
    subjects = [t for t in span if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
    verb = next((t.idx for t in span if t.pos_ == "VERB"), claim.evidence.end)
    if first is not None and first.actor.inter == 7 and first.span.end <= verb:
        subjects.append(doc.char_span(first.span.start, first.span.end, alignment_mode="expand").root)
    for token in subjects:
        named = [t for t in token.subtree if t.i <= token.i and t.text[:1].isupper() and t.pos_ in ("ADJ", "PROPN", "NOUN")]
        homes = [_nationality(countries, t.text) for t in named]
        home = homes[0] if homes and None not in homes and len(set(homes)) == 1 else None  # "Slovenian and Ukrainian"
        if home is not None and home != crowd.country:
            found = ctx.registry.find(CROWD_NAMES[crowd.inter], country=home)
            return found[0].actor if found else crowd
    return crowd


def _nationality(countries: Any, word: str) -> str | None:
    """The country of a demonym, as an adjective or a plural noun ("Ukrainian", "Ukrainians")."""
    for form in (word, word[:-1] if word.endswith("s") else None):
        if form and form in countries.demonym_set:
            return next(iso for iso, names in countries.demonyms.items() if form in names)
    return None


def _unnamed_actor1(ctx: _Context, claim: Claim) -> Any:
    """Nobody named: ACLED still codes a side, by what the act says of it (unknown shooters are an
    unidentified armed group; a crowd that riots are rioters)."""
    kind = BY_NAME[claim.sub_event_type].event_type
    phrase = {BATTLES: "unidentified armed group", ERV: "unidentified armed group", VAC: "unidentified armed group",
              RIOTS: "rioters", PROTESTS: "protesters"}.get(kind)
    if phrase is None:
        return None
    found = ctx.registry.find(phrase, country=ctx.country)
    actor = found[0].actor if found else None
    return actor if actor is not None and actor != claim.actor2 else None


def _event_place(ctx: _Context, sentence: Sentence, places: list[PlaceMention]) -> PlaceMention | None:
    located = [p for p in places if p.role in ("location", "origin") and p.place.feature_code != "CONT"]
    if located:
        text = ctx.analyzed.article.text
        inner = [p for p in located if not _holds_another(text, p, located)] or located
        # A bracketed area or a name that qualifies a thing is never chosen over a place,
        # even a less precise one ("near Khairpur Nathan Shah town (Dadu, Sindh)").
        return _at_seat(min(inner, key=lambda p: (_qualifies(text, p, located), _modifier(ctx.analyzed.doc, p),
                                                  p.precision, p.role == "origin", _part_or_building(text, p),
                                                  _clause_depth(ctx.analyzed.doc, p), -len(p.span.text))))
    return _at_seat(ctx.place_by_paragraph.get(sentence.paragraph) or ctx.default_place)


# Between a place and a bracket of the areas that hold it: "Kandiaro town (Naushahro Feroze,
# Sindh)", "Ndhiwa (Ndhiwa, Homa Bay county)", "Balabala (Banyali-Kilo, Djugu, Ituri)".
_QUALIFIER_GAP = re.compile(r"^(?:\s+(?:town|village|city|township|municipality|commune|locality|kebele|"
                            r"ward|sub-?county|barangay))?\s*\((?:[^()]*,\s*)?$", re.I)


def _qualifies(text: str, mention: PlaceMention, located: list[PlaceMention]) -> bool:
    """The mention names an area in brackets after another place of the sentence: the
    place it qualifies is where the event is, not the district or town that holds it (both
    in one country: "Council of Korea (Seoul ...)" is no place and its area)."""
    return any(other.span.end <= mention.span.start and other.place.iso3 == mention.place.iso3
               and _QUALIFIER_GAP.match(text[other.span.end:mention.span.start]) is not None
               for other in located)


# Between a place and the larger place that holds it: "Thiban town in Deir ez Zor", "Baykan
# district of Siirt", "Rmelan town in Al Hasakeh countryside", "Uspenivka, Zaporizhia region".
_CONTAINER_GAP = re.compile(r"^(?:\s+(?:town|village|city|district|area|locality|neighbou?rhood|suburb|camp|"
                            r"municipality|sub-?district|township|region))?(?:\s+(?:in|of)\s+(?:the\s+)?|,\s*)$",
                            re.I)
_CONTAINER_KM = 150.0


def _holds_another(text: str, mention: PlaceMention, located: list[PlaceMention]) -> bool:
    """The mention names the larger place right after a place it holds: the smaller one, in
    the same admin1 and nearby, is where the event is (ACLED codes the town, not its
    province's capital)."""
    from ..gazetteer.grid import distance_km

    place = mention.place
    for other in located:
        if other is mention or other.span.end > mention.span.start or other.place.iso3 != place.iso3:
            continue
        gap = _CONTAINER_GAP.match(text[other.span.end:mention.span.start])
        if gap is None:
            continue
        if gap.group(0).strip() == ",":
            if other.place.population >= place.population:
                continue  # "Marte, Dikwa and Ngala" is a list
        elif not _own_spelling(other):
            continue  # "City Hall in San Jose": a name read as another place's alternate holds nothing
        if (other.place.admin1 and other.place.admin1 == place.admin1 and other.place.feature_code not in
                ("PCLI", "ADM1") and distance_km(other.place.latitude, other.place.longitude, place.latitude,
                                                  place.longitude) <= _CONTAINER_KM):
            return True
    return False


def _own_spelling(mention: PlaceMention) -> bool:
    from ..gazetteer.normalize import normalize

    written = mention.span.text.split()
    if len(written) > 1 and written[-1].lower() in _PLACE_HEADS:
        written = written[:-1]  # "Baykan district"
    return normalize(" ".join(written)) == normalize(mention.place.name)


def _place_heads() -> frozenset[str]:
    from ..gazetteer.context import UNIT_WORDS

    return frozenset({"city", "town", "village", "villages", "district", "districts", "province", "governorate",
                      "region", "area", "areas", "countryside", "outskirts", "suburb", "suburbs", "border", "state",
                      "county", "oblast", "municipality", "camp", "strip", "valley", "plain", "plains", "desert",
                      "front", "township", "commune", "ward", "locality", "sector", "zone", "quarter", "island",
                      "road", "highway", "river", "mountain", "mountains", "hills", "forest", "neighbourhood",
                      "neighborhood", "department", "division", "prefecture", "subdistrict", "sub-district",
                      "axis", "frontline", "side", "port", "airport", "base", "crossing", "checkpoint",
                      "junction", "bridge", "market", "centre", "center", "station", "territory", "frontlines",
                      "lines", "badia", "positions", "outskirts", "farms", "fields", "lands", "streets", "coast",
                      # buildings lie in the town named with them ("Idlib central prison")
                      "prison", "jail", "hospital", "school", "university", "mosque", "church", "court",
                      "courthouse", "office", "offices", "headquarters", "barracks", "square", "stadium",
                      "airbase", "building", "compound", "hall", "palace", "embassy", "consulate"}
                     | {w for w in UNIT_WORDS if " " not in w})


_PLACE_HEADS = _place_heads()


def _modifier(doc: Any, mention: PlaceMention) -> bool:
    """The name qualifies a thing rather than a place: "the Khartoum sit-in massacre",
    "Molotov cocktails", "the Luhansk People's Militia" (not "Aleppo countryside")."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "poss", "nmod") or head.i < span.end or head.lower_ in _PLACE_HEADS:
        return False
    if head.pos_ == "NOUN":
        return True
    # A proper noun right after the name, in the same phrase ("Luhansk People's Militia"), not
    # the area of a list or a bracket ("Reno (Nevada)", "Los Angeles - Central").
    between = doc[span.end:head.i]
    return head.pos_ == "PROPN" and not any(t.is_punct and t.text not in ("'s", "’s") for t in between)


# A neighbourhood ("Colonia Villa Fontana", "the Barrocas neighborhood") or a building named
# after a saint or a town ("San Jeronimo school"): ACLED codes the town it lies in, and a
# gazetteer reading of such a name is mostly a namesake elsewhere.
_PART_BEFORE = re.compile(r"^(?:colonia|col\.|barrio|bairro|fraccionamiento|urbanizaci[oó]n)\b", re.I)
_PART_AFTER = re.compile(r"^\s+(?:(?:middle|high|primary|secondary|elementary|general|district|state|national|"
                         r"regional|central|main|grand|old|new)\s+)?"
                         r"(?:neighbou?rhoods?|quarter|estate|slums?|school|college|university|theat(?:er|re)|"
                         r"church|parish|cathedral|mosque|temple|hospital|stadium|market|prison|square|"
                         r"street|avenue|road|bridge)\b", re.I)


def _part_or_building(text: str, mention: PlaceMention) -> bool:
    return bool(_PART_BEFORE.match(mention.span.text)
                or _PART_AFTER.match(text[mention.span.end:mention.span.end + 20]))


_CLAUSE_LINKS = {"relcl", "acl", "advcl", "xcomp", "ccomp", "csubj", "pcomp"}


def _clause_depth(doc: Any, mention: PlaceMention) -> int:
    """How many clauses down from the sentence's main verb the name sits: "protested in Artuklu
    over killings that occurred in Silopi" happened in Artuklu."""
    token = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if token is None:
        return 0
    node, depth = token.root, 0
    while node.head.i != node.i:
        depth += node.dep_ in _CLAUSE_LINKS
        node = node.head
    return depth


def _at_seat(mention: PlaceMention | None) -> PlaceMention | None:
    """An event placed only in a province or district is coded at its seat town (ACLED:
    the provincial capital, or a representative town), with the mention's precision."""
    if mention is None or mention.place.feature_code not in ("ADM1", "ADM2"):
        return mention
    from ..gazetteer import get_gazetteer

    seat = get_gazetteer().seat(mention.place)
    return replace(mention, place=seat) if seat is not None else mention


def _territory(decision: Decision, sentence: Sentence, places: list[PlaceMention]) -> TerritorialChange | None:
    if decision.territory is None:
        return None
    text = sentence.span.text
    areas = None
    for start, end, qty in find_quantities(text):
        if AREA_WORDS.match(text[end:].lstrip()):
            areas = qty.low
            break
    names = tuple(p.place.name for p in places if p.role not in ("seat", "actor"))
    return TerritorialChange(
        taken_by=decision.actor1.name if decision.actor1 else None,
        taken_from=decision.actor2.name if decision.actor2 else None,
        areas=areas, places=names, text=text, kind=decision.territory)


def _displacement(decision: Decision, sentence: Sentence, places: list[PlaceMention]) -> Displacement | None:
    if not decision.displacement:
        return None
    text = sentence.span.text
    people = families = None
    for start, end, qty in find_quantities(text):
        after = re.sub(r"^of\s+", "", text[end:].lstrip())
        if re.match(r"famil(?:y|ies)|households", after, re.I):
            families = families or qty.low
        elif PEOPLE_WORDS.match(after):
            people = people or qty.low
    origin = next((p.place.name for p in places if p.role in ("location", "origin")), None)
    m = DESTINATION.search(text)
    destination = m.group("dest").strip() if m else next(
        (p.place.name for p in places if p.role == "destination"), None)
    return Displacement(people=people, families=families, text=text, origin=origin, destination=destination)


def _confidence(claim: Claim) -> float:
    score = 0.3
    score += 0.2 if claim.actor1 else 0.0
    score += 0.1 if claim.actor2 else 0.0
    score += 0.15 if claim.place else 0.0
    score += 0.1 if claim.date.event_date else 0.0
    score += 0.15 if claim.source else 0.0
    return round(min(score, 1.0), 2)
