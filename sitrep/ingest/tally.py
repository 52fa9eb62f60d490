"""Counting a run: articles read, skipped (and why), failed, and the events they gave.

Skipped is not failed: a non-English article or a page robots.txt keeps us from is left out
on purpose and said so; a failure is an input we could not read.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from sitrep.errors import Disallowed, InputError, NotEnglish
from sitrep.store.base import SaveOutcome

# Deliberate skips, by the reason the summary gives; every other InputError is a failure.
SKIP_REASONS: dict[type[InputError], str] = {NotEnglish: "not English", Disallowed: "robots.txt disallows"}


def skip_reason(error: InputError) -> str | None:
    """The summary's reason when the error is a deliberate skip, else None (a failure)."""
    for kind, reason in SKIP_REASONS.items():
        if isinstance(error, kind):
            return reason
    return None


@dataclass
class Tally:
    read: int = 0  # articles that went through the pipeline
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    events_found: int = 0
    events_new: int = 0
    events_updated: int = 0
    unchanged: int = 0  # articles the store already had, word for word
    duplicates: int = 0  # articles repeating another stored one
    stored: bool = False  # results go to a store: the summary gives its events new and updated
    started: float = field(default_factory=time.monotonic)

    def add_error(self, error: InputError) -> str | None:
        """Count a bad or skipped input; returns the skip reason, None for a failure."""
        reason = skip_reason(error)
        if reason is None:
            self.failed += 1
        else:
            self.skipped[reason] += 1
        return reason

    def add_result(self, events: int) -> None:
        self.read += 1
        self.events_found += events

    def add_outcome(self, outcome: SaveOutcome) -> None:
        """Count what the store did with one article."""
        self.events_new += outcome.events_new
        self.events_updated += outcome.events_updated
        self.unchanged += outcome.status == "unchanged"
        self.duplicates += outcome.status == "duplicate"

    def rate(self) -> float:
        """Articles read per second so far."""
        elapsed = time.monotonic() - self.started
        return self.read / elapsed if elapsed > 0 else 0.0

    def summary(self) -> str:
        """One line: "8 read (1 duplicate), 2 skipped (not English: 2), 1 failed; events: 5 new, 1 updated"."""
        known = [f"{n} {what}" for n, what in ((self.unchanged, "unchanged"), (self.duplicates, "duplicate")) if n]
        read = f"{self.read} read" + (f" ({', '.join(known)})" if known else "")
        skipped = f"{sum(self.skipped.values())} skipped"
        if self.skipped:
            skipped += " (" + ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items())) + ")"
        if self.stored:
            events = f"events: {self.events_new} new, {self.events_updated} updated"
        else:
            events = f"events: {self.events_found} found"
        return f"{read}, {skipped}, {self.failed} failed; {events}"
