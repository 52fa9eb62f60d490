"""The fixed train / dev / test split every evaluation uses.

A text goes to a split by the SHA-1 of its normalised form: the first 8 hex digits as an
integer, mod 100: below 70 train, 70-84 dev, 85 and above test. Hashing the *text* (not a
row id) keeps every copy of a text in one split: ACLED codes one report as several rows
with the same notes, and UCDP reuses headlines, so an id-based split would put the same
text in train and test and leak. The split never changes with the file order, the file,
or the machine.
"""
from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

SPLITS = ("train", "dev", "test")
CHOICES = (*SPLITS, "all")
TRAIN_BELOW, DEV_BELOW = 70, 85  # buckets 0-69 train, 70-84 dev, 85-99 test

_SPACE = re.compile(r"\s+")
T = TypeVar("T")


def normalise_text(text: str) -> str:
    """The form a text is hashed in: NFKC, lower case, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


def bucket(key: str) -> int:
    """0..99 from the SHA-1 of the normalised key."""
    digest = hashlib.sha1(normalise_text(key).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100


def split_of(key: str) -> str:
    """"train", "dev" or "test" for a text (or any key)."""
    b = bucket(key)
    return "train" if b < TRAIN_BELOW else "dev" if b < DEV_BELOW else "test"


def in_split(key: str, split: str) -> bool:
    return split == "all" or split_of(key) == split


def fixed_sample(items: Sequence[T], n: int, seed: int = 0) -> list[T]:
    """n items drawn with a seeded generator, kept in their original order (for CI)."""
    if n >= len(items):
        return list(items)
    picked = sorted(random.Random(seed).sample(range(len(items)), n))
    return [items[i] for i in picked]
