"""Exceptions sitrep raises. Every message names the input and says what to do.

    SitrepError
    ├── InputError            a file or record we cannot read as an article
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── TooLarge
    │   ├── NotEnglish
    │   ├── MalformedRecord   a bad JSONL line or field
    │   ├── NotFound          a path that does not exist
    │   └── NoArticles        a folder that holds no article files
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
    """The article is not in English; sitrep reads English only."""


class MalformedRecord(InputError):
    """A JSONL line or field is not what an article record needs."""


class NotFound(InputError):
    """A path given does not exist."""


class NoArticles(InputError):
    """A folder given holds no article files; an InputError so a batch can go on."""


class ModelMissing(SitrepError):
    """The spaCy model is not installed."""


class StoreError(SitrepError):
    """The event store cannot be opened or written."""
