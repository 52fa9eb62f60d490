"""The whole pipeline over articles: ingest -> nlp -> extract -> fuse.

``Pipeline`` loads the model, the gazetteer and the actor registry once and reuses them.
"""
from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .extract.claims import extract_claims
from .fuse import fuse_article
from .model import Article, ArticleResult, Event

if TYPE_CHECKING:
    from .nlp import Analyzer

NO_EVENT = "no event reported"


def no_event_reason(set_aside: list) -> str:
    """Why an article gave no events: the first sentence set aside as no event, if any."""
    if not set_aside:
        return NO_EVENT
    return f"{NO_EVENT} ({set_aside[0][1]})"


class Pipeline:
    """Articles in, events out; one ``ArticleResult`` per article, in input order."""

    def __init__(self, analyzer: Analyzer | None = None):
        from .nlp import Analyzer  # imports spaCy: only when a pipeline is made, not on import

        self.analyzer = analyzer or Analyzer()

    def run(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        for analyzed in self.analyzer.analyze_many(articles, batch_size=batch_size):
            aside: list = []
            claims = extract_claims(analyzed, self.analyzer.registry, set_aside=aside)
            events = fuse_article(analyzed.article, claims)
            yield ArticleResult(analyzed.article, events, None if events else no_event_reason(aside))

    def extract(self, text: str, *, published: dt.date | None = None, article_id: str = "text",
                outlet: str | None = None) -> list[Event]:
        """Events of one text; the convenience entry for library users."""
        article = Article(id=article_id, text=text, published=published, outlet=outlet, origin=article_id)
        return next(self.run([article])).events


class LazyPipeline:
    """A Pipeline made on first need, once, whichever thread asks first.

    Loading the model takes seconds: a server or a feed watcher that may never see an
    article should not pay it at start.
    """

    def __init__(self, factory: Callable[[], Pipeline] | None = None):
        self._factory = factory or Pipeline
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def get(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._factory()
            return self._pipeline

    def run(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        """Pipeline.run, loading the pipeline only once there is an article to run."""
        articles = iter(articles)
        first = next(articles, None)
        if first is not None:
            yield from self.get().run(itertools.chain([first], articles), batch_size=batch_size)
