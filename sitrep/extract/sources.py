"""Who says so: the reporting source of a sentence ("according to SOHR", "SANA reported").

The source is the monitor, agency, official or witness a sentence attributes its content to,
not the outlet that published the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SPEECH_LEMMAS = frozenset({
    "say", "report", "state", "tell", "claim", "announce", "confirm", "add", "describe", "allege",
    "accuse", "document", "record", "write", "post", "tweet", "declare", "note", "estimate", "deny",
})
TOLL_WORDS = frozenset({"toll", "number", "figure", "count", "tally"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "this", "that", "which", "who"})

_ACCORDING = re.compile(r"\baccording to (?P<src>[^,.;:()\n]+)", re.I)
_CARRIED = re.compile(
    r"\bin an? (?:statement|report|post|communiqu[eé]|bulletin) (?:carried|published|released|issued|reported|quoted) "
    r"(?:by|on|in) (?P<src>[^,.;:()\n]+)", re.I)
_CUT = re.compile(r"\s*(?:\(|,| in a | that | on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b| who\b| which\b).*$", re.I)
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class Attribution:
    name: str  # canonical source name
    start: int  # character offsets of the source phrase in the article
    end: int
    speaker: str | None = None  # who made the statement when an agency carried it


@dataclass(frozen=True)
class SourceTable:
    aliases: tuple[tuple[str, str], ...]  # (lowercased alias, canonical), longest alias first

    def canonical(self, phrase: str) -> str | None:
        low = f" {phrase.lower()} "
        for alias, name in self.aliases:
            if f" {alias} " in low or f" {alias}," in low or f"({alias})" in low:
                return name
        return None


@lru_cache(maxsize=1)
def source_table(path: str | None = None) -> SourceTable:
    file = Path(path) if path else Path(__file__).with_name("sources.yaml")
    pairs: list[tuple[str, str]] = []
    for entry in yaml.safe_load(file.read_text(encoding="utf-8")):
        for alias in [entry["name"], *entry.get("aliases", [])]:
            pairs.append((alias.lower(), entry["name"]))
    pairs.sort(key=lambda p: -len(p[0]))
    return SourceTable(tuple(pairs))


def clean_phrase(phrase: str) -> str:
    phrase = _CUT.sub("", phrase.strip())
    return _LEAD.sub("", phrase).strip(" '\"“”’")


def name_source(phrase: str, actor_name: Any = None) -> str | None:
    """A canonical name for a source phrase: a known source, an actor, or the phrase itself."""
    raw, phrase = phrase, clean_phrase(phrase)
    if not phrase or phrase.lower() in PRONOUNS:
        return None
    known = source_table().canonical(phrase)
    if known:
        return known
    if actor_name is not None:
        actor = actor_name(_CUT.sub("", raw.strip()))  # "the army" needs its article to be the army
        if actor:
            return actor
    return phrase[:80]


def find_source(sentence: Any, actor_name: Any = None) -> Attribution | None:
    """The attribution of one sentence (a spaCy Span), or None when it states no source.

    ``actor_name`` maps a phrase to an actor's canonical name ("the Syrian army" -> "Military
    Forces of Syria") so that a party's own statements are attributed to the party.
    """
    text, base = sentence.text, sentence.start_char
    for pattern in (_CARRIED, _ACCORDING):
        m = pattern.search(text)
        if m:
            name = name_source(m.group("src"), actor_name)
            if name:
                speaker = _speaker(sentence, actor_name) if pattern is _CARRIED else None
                return Attribution(name, base + m.start("src"), base + m.end("src"), speaker)
    return _speech_subject(sentence, actor_name)


_TRAILING = re.compile(r"(?:^|,)\s*(?P<src>[^,;]{3,90}?)\s+(?:said|say|says|told reporters|told \w+|reported|"
                       r"stated|added|confirmed|wrote|announced)(?: in a statement| on \w+| by phone)?\s*[.”\"]?$", re.I)
_BAD_SOURCE = re.compile(r"\b(?:of them|of whom|among them|including)\b", re.I)


def _trailing(sentence: Any, actor_name: Any) -> Attribution | None:
    """", residents and a local rescue group said." closes most news sentences."""
    m = _TRAILING.search(sentence.text)
    if not m or _BAD_SOURCE.search(m.group("src")):
        return None
    name = name_source(m.group("src"), actor_name)
    if not name:
        return None
    return Attribution(name, sentence.start_char + m.start("src"), sentence.start_char + m.end("src"))


def _speech_subject(sentence: Any, actor_name: Any) -> Attribution | None:
    trailing = _trailing(sentence, actor_name)
    if trailing:
        return trailing
    for token in sentence:
        if not _attributes(token) or any(c.dep_ == "auxpass" for c in token.children):  # "is said to": no speaker
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in PRONOUNS:
            continue
        start, end = _subject_extent(subject)
        phrase = sentence.text[start - sentence.start_char:end - sentence.start_char]
        name = name_source(phrase, actor_name)
        if name:
            return Attribution(name, start, end)
    return None


def _attributes(token: Any) -> bool:
    """A verb of saying, or "put" with a toll ("X put the death toll at 14")."""
    if token.lemma_ == "put":
        return any(c.dep_ == "dobj" and c.lemma_ in TOLL_WORDS for c in token.children)
    return token.lemma_ in SPEECH_LEMMAS and token.pos_ == "VERB"


def _speaker(sentence: Any, actor_name: Any) -> str | None:
    found = _speech_subject(sentence, actor_name)
    return found.name if found else None


def _subject_extent(subject: Any) -> tuple[int, int]:
    """The subject phrase without appositions and relative clauses."""
    tokens = [t for t in subject.subtree]
    end = subject.idx + len(subject.text)
    start = tokens[0].idx
    for t in tokens:
        if t.i > subject.i and (t.dep_ in ("appos", "relcl", "acl", "punct") or t.text == "("):
            break
        end = max(end, t.idx + len(t.text))
    return start, end
