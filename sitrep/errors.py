"""Exceptions sitrep raises. Every message names the input and says what to do.

    SitrepError
    ├── InputError            a file or record we cannot read as an article
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── TooLarge
    │   ├── NotEnglish
    │   ├── MalformedRecord   a bad JSONL line or field
    │   ├── NotFound          a path that does not exist
    │   ├── NoArticles        a folder that holds no article files
    │   ├── BadFeed           a feed that is not RSS or Atom
    │   ├── FetchFailed       a URL that cannot be fetched (network, HTTP status)
    │   └── Disallowed        a URL that robots.txt forbids us to fetch
    ├── ModelMissing          the spaCy model is not installed
    └── StoreError            the event store cannot be opened or written
"""
from __future__ import annotations


class SitrepError(Exception):
    """Base class of every error sitrep reports to users."""


class InputError(SitrepError):
    """An input cannot be read as an article."""

    def __init__(self, origin: str, problem: str):
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class EmptyInput(InputError):
    """The file or record has no text."""


class BinaryInput(InputError):
    """The file is not text."""


class TooLarge(InputError):
    """The file is larger than an article can be."""


class NotEnglish(InputError):
    """The article is not in English; sitrep reads English only (a skip, not a failure)."""

    def __init__(self, origin: str, problem: str, article: object = None):
        super().__init__(origin, problem)
        self.article = article  # the Article skipped, so a store can record it and why


class MalformedRecord(InputError):
    """A JSONL line or field is not what an article record needs."""


class NotFound(InputError):
    """A path given does not exist."""


class NoArticles(InputError):
    """A folder given holds no article files; an InputError so a batch can go on."""


class BadFeed(InputError):
    """A feed (file or URL) is not RSS or Atom we can read."""


class FetchFailed(InputError):
    """A URL cannot be fetched: no connection, a timeout, or an HTTP error status."""


class Disallowed(InputError):
    """The site's robots.txt forbids sitrep to fetch this URL (a skip, not a failure)."""


class ModelMissing(SitrepError):
    """The spaCy model is not installed."""


class StoreError(SitrepError):
    """The event store cannot be opened or written."""
