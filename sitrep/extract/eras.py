"""Actors named by era: a report from before a change of power gets the names of its time."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Actor, ActorMention


@dataclass(frozen=True)
class EraRule:
    match: str
    actor: str
    before: dt.date
    name: str
    inter: int


@lru_cache(maxsize=1)
def era_rules(path: str | None = None) -> tuple[EraRule, ...]:
    file = Path(path) if path else Path(__file__).with_name("eras.yaml")
    rules = []
    for raw in yaml.safe_load(file.read_text(encoding="utf-8")):
        rules.append(EraRule(raw["match"].lower(), raw["actor"], raw["before"],
                             raw["becomes"]["name"], int(raw["becomes"]["inter"])))
    return tuple(rules)


def apply_eras(mentions: list[ActorMention], published: dt.date | None) -> list[ActorMention]:
    """Mentions renamed where the report predates the actor's current era; unchanged without a date."""
    if published is None:
        return mentions
    return [_rename(m, published) for m in mentions]


def _rename(mention: ActorMention, published: dt.date) -> ActorMention:
    for rule in era_rules():
        if (mention.actor.name == rule.actor and published < rule.before
                and rule.match in mention.span.text.lower()):
            actor = Actor(rule.name, rule.inter, mention.actor.country, None, True)
            return replace(mention, actor=actor)
    return mention
