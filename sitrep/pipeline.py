"""The whole pipeline over articles: ingest -> nlp -> extract -> fuse.

``Pipeline`` loads the model, the gazetteer and the actor registry once and reuses them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from .extract.claims import extract_claims
from .fuse import fuse_article
from .model import Article, ArticleResult, Event
from .nlp import Analyzer

NO_EVENT = "no event reported"


class Pipeline:
    """Articles in, events out; one ``ArticleResult`` per article, in input order."""

    def __init__(self, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()

    def run(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        for analyzed in self.analyzer.analyze_many(articles, batch_size=batch_size):
            claims = extract_claims(analyzed, self.analyzer.registry)
            events = fuse_article(analyzed.article, claims)
            yield ArticleResult(analyzed.article, events, None if events else NO_EVENT)

    def extract(self, text: str, *, published: dt.date | None = None, article_id: str = "text",
                outlet: str | None = None) -> list[Event]:
        """Events of one text; the convenience entry for library users."""
        article = Article(id=article_id, text=text, published=published, outlet=outlet, origin=article_id)
        return next(self.run([article])).events
