"""sitrep: reports of armed conflict in, structured and source-attributed event data out.

    >>> from sitrep import Pipeline, event_record
    >>> events = Pipeline().extract(text, published=datetime.date(2024, 11, 28))
    >>> [event_record(e) for e in events]
"""
from .errors import SitrepError
from .export.records import event_record
from .model import Article, ArticleResult, Claim, Event
from .pipeline import Pipeline

__all__ = ["Article", "ArticleResult", "Claim", "Event", "Pipeline", "SitrepError", "event_record"]
__version__ = "0.1.0"
