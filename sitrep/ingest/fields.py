"""Field values shared by every input format: article ids and publication dates."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from sitrep.model import Article

# Besides ISO dates, the forms people type in a "Date:" header line.
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def article_id(text: str) -> str:
    """A stable id from the text alone: the same report gets the same id in every run."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def parse_date(value: str) -> dt.date | None:
    """A date from ``YYYY-MM-DD``, an ISO datetime, or "28 November 2024"; None if neither.

    An ISO datetime keeps its own calendar date, not the UTC one: "On Wednesday" is read
    in the outlet's local time.
    """
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Overrides:
    """Values the user gave (``--published``, ``--outlet``); they beat the file's own."""

    published: dt.date | None = None
    outlet: str | None = None

    def apply(self, article: Article) -> Article:
        changes: dict[str, object] = {}
        if self.published is not None:
            changes["published"] = self.published
        if self.outlet is not None:
            changes["outlet"] = self.outlet
        return replace(article, **changes) if changes else article
