"""The typed objects that flow between stages.

ingest -> ``Article`` -> nlp -> ``AnalyzedArticle`` -> extract -> ``Claim`` -> fuse -> ``Event``.

Character offsets (``start``, ``end``) always index into ``Article.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One report, as read from a file, a feed or a web page."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str = ""  # file path (and line) it was read from, for messages


@dataclass(frozen=True)
class Span:
    """A stretch of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    latitude: float
    longitude: float
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames: P populated place, A admin area, S spot (airport, base)
    feature_code: str | None = None
    population: int = 0
    source: str = "GeoNames"


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, resolved against the gazetteer."""

    span: Span
    place: Place
    precision: int = 1  # ACLED geo_precision: 1 the place, 2 near it, 3 a region
    role: str = "location"  # location | seat (of a source) | destination | origin | adjectival
    confidence: float = 1.0


@dataclass(frozen=True)
class Actor:
    """An actor from the registry, or one typed from context ("gunmen")."""

    name: str  # canonical, ACLED style
    inter: int  # ACLED actor type 1-8
    country: str | None = None
    side: str | None = None  # the canonical name of the actor it fights for, if any
    registered: bool = True


@dataclass(frozen=True)
class ActorMention:
    span: Span
    actor: Actor


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int  # 0-based paragraph index


@dataclass
class AnalyzedArticle:
    """An article with its linguistic annotation; ``doc`` is the spaCy Doc."""

    article: Article
    doc: Any
    sentences: list[Sentence]
    places: list[PlaceMention]
    actors: list[ActorMention]
    language: str = "en"
    country: str | None = None  # the country the article is about, from its places


@dataclass(frozen=True)
class DateInfo:
    """When an event happened, as far as the text allows."""

    event_date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int | None = None  # ACLED: 1 day, 2 week, 3 month
    text: str | None = None  # the expression it came from


@dataclass(frozen=True)
class Fatalities:
    """A death toll as one source states it."""

    low: int
    best: int
    high: int
    text: str  # the phrase the count came from
    vague: bool = False  # "dozens", "several": ACLED's conventional numbers
    by_party: dict[str, int] = field(default_factory=dict)
    civilians: int | None = None
    children: bool = False
    note: str | None = None  # e.g. "killed or injured with no number: counted 0"


@dataclass(frozen=True)
class TerritorialChange:
    taken_by: str | None
    taken_from: str | None
    areas: int | None  # how many areas, when a number is given
    places: tuple[str, ...] = ()
    text: str = ""
    kind: str = "captured"  # captured | advanced | withdrew | handed over


@dataclass(frozen=True)
class Displacement:
    people: int | None  # lowest credible count of people, when given
    families: int | None
    text: str
    origin: str | None = None
    destination: str | None = None


@dataclass
class Claim:
    """One sourced statement that an event happened, read from one sentence or passage."""

    article_id: str
    sub_event_type: str
    evidence: Span
    more_evidence: list[Span] = field(default_factory=list)  # later sentences that add to it
    source: str | None = None  # who says so ("SOHR", "SANA", "witnesses"), not the outlet
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    place: PlaceMention | None = None
    places: list[PlaceMention] = field(default_factory=list)
    date: DateInfo = field(default_factory=DateInfo)
    fatalities: Fatalities | None = None
    territory: TerritorialChange | None = None
    displacement: Displacement | None = None
    decided_by: str = ""  # which rule or model chose the sub-event type
    paragraph: int = 0
    confidence: float = 0.5
    aggregate: bool = False
    distinct: bool = False  # the text marks it as another event ("also", "separately")


@dataclass
class Event:
    """One real event, with every claim behind it. ``to_record`` gives DESIGN.md's record."""

    event_id: str
    article_ids: list[str]
    claims: list[Claim]
    event_date: dt.date | None
    date_start: dt.date | None
    date_end: dt.date | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    assoc_actor_1: list[Actor]
    actor2: Actor | None
    assoc_actor_2: list[Actor]
    civilian_targeting: bool
    place: PlaceMention | None
    places: list[PlaceMention]
    fatalities: int
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    fatalities_by_party: dict[str, int]
    civilian_fatalities: int | None
    sources: list[str]
    outlets: list[str]
    territory: list[TerritorialChange]
    displacement: list[Displacement]
    notes: str
    confidence: float
    aggregate: bool = False
    decided_by: str = ""
    conflicting: bool = False


@dataclass(frozen=True)
class ArticleResult:
    """What the pipeline made of one article: events, or why there are none."""

    article: Article
    events: list[Event]
    reason: str | None = None  # why no events: "no event reported", "not English", ...
