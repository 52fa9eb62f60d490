"""Publication date and outlet from the text itself, when no metadata gave them.

Wire copy opens with a dateline: "BEIRUT, Nov. 28, 2024 (Reuters) - ..." or
"GOMA, 9 March 2025 (AFP) — ...". Only that opening is read, never the body: a date in the
body is when something happened, not when it was published. A first line that is only a
date ("Sunday 9 March 2025") counts as well.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sitrep.ingest.fields import parse_date
from sitrep.model import Article

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = re.compile(rf"\b(\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d\d-\d\d)\b")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"
_DATE_LINE = re.compile(rf"{_WEEKDAY}({_DATE.pattern})\s*")
# An upper-case place, optional words after a comma, an optional (Agency), then a dash.
_DATELINE = re.compile(
    r"(?P<head>[A-Z][A-Z .'’-]{1,40}(?:,[^()\n—–]{1,60}?)?)\s*"
    r"(?:\((?P<outlet>[A-Z][A-Za-z .&'’-]{1,30})\))?\s*(?:—|–|-{1,2})\s")


def fill_from_text(article: Article) -> Article:
    """The article with a missing date or outlet taken from its dateline, if it has one."""
    if article.published is not None and article.outlet is not None:
        return article
    published, outlet = dateline(article.text)
    changes: dict[str, object] = {}
    if article.published is None and published is not None:
        changes["published"] = published
    if article.outlet is None and outlet is not None:
        changes["outlet"] = outlet
    return replace(article, **changes) if changes else article


def dateline(text: str) -> tuple[dt.date | None, str | None]:
    """(date, outlet) from the opening of text; either may be None."""
    first_line = text.lstrip()[:300].split("\n", 1)[0]
    if match := _DATE_LINE.fullmatch(first_line):
        return _date(match[1]), None
    match = _DATELINE.match(first_line)
    if not match:
        return None, None
    found = _DATE.search(match["head"])
    return (_date(found[1]) if found else None), match["outlet"]


def _date(value: str) -> dt.date | None:
    return parse_date(value.replace(".", "").replace("Sept ", "Sep "))
