"""What every evaluation works on: texts (``Case``) with their gold events (``Gold``).

Each dataset reader turns its rows into cases; the runner feeds the case texts to the
pipeline; the scorers compare each gold event with a predicted event record.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import SitrepError
from .split import fixed_sample, in_split


class EvalError(SitrepError):
    """Gold data that cannot be read or evaluated; the message names the file and the fix."""


@dataclass(frozen=True)
class Gold:
    """One gold event. Actor and admin1 fields hold alternatives: any one may match.

    ``actor2 == ()`` means "no second actor" (a one-sided event); ``None`` means "not
    coded", and the field is not scored.
    """

    id: str
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: tuple[str, ...] | None = None
    actor2: tuple[str, ...] | None = None
    inter1: int | None = None
    admin1: tuple[str, ...] = ()
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    event_date: dt.date | None = None
    date_start: dt.date | None = None  # a window the date may fall in (UCDP, "last week")
    date_end: dt.date | None = None
    source: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # dataset-specific gold


@dataclass(frozen=True)
class Case:
    """One text to run, with the gold events coded from it."""

    id: str
    text: str
    published: dt.date | None
    golds: tuple[Gold, ...]
    split_key: str  # the text the split is decided on
    title: str = ""
    outlet: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Options:
    """Which cases to evaluate and how much to report."""

    split: str = "test"
    limit: int | None = None
    sample: int | None = None
    seed: int = 0
    country: str | None = None
    errors: int = 0
    top: int = 10
    batch_size: int = 32


def select(cases: Sequence[Case], options: Options) -> list[Case]:
    """The cases of the split (and country), then the fixed sample, then the first ``limit``."""
    chosen = [c for c in cases if in_split(c.split_key, options.split)]
    if options.country:
        chosen = [c for c in (_only_country(c, options.country) for c in chosen) if c.golds]
    if options.sample is not None:
        chosen = fixed_sample(chosen, options.sample, options.seed)
    return chosen[:options.limit] if options.limit is not None else chosen


def _only_country(case: Case, country: str) -> Case:
    wanted = country.casefold()
    golds = tuple(g for g in case.golds
                  if wanted in ((g.country or "").casefold(), str(g.extra.get("iso3", "")).casefold()))
    return replace(case, golds=golds)
