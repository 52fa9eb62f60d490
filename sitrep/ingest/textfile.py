"""Plain text and Markdown articles: an optional headline, header lines, then the body.

    Rebels seize Aleppo depots          <- title: short, no final period
    Published: 2024-11-28               <- optional headers: Published/Date, Source/Outlet, URL
                                        <- blank lines
    HTS fighters, along with ...        <- text: from here to the end of the file, unaltered

Without a title or header lines, ``text`` is the whole file. Either way ``text`` is one
unaltered stretch of the file (after CRLF -> LF), so offsets into it stay meaningful.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sitrep.errors import EmptyInput, MalformedRecord
from sitrep.ingest.fields import Overrides, article_id, parse_date
from sitrep.model import Article

MAX_TITLE_CHARS = 200
# A title this much shorter than the line after it is a headline, not a wrapped sentence.
MAX_TITLE_SHARE_OF_NEXT_LINE = 0.6
_HEADER = re.compile(r"(published|date|source|outlet|url)[ \t]*:[ \t]*(\S.{0,100}?)\s*", re.I)
_HEADER_FIELD = {"published": "published", "date": "published", "source": "outlet",
                 "outlet": "outlet", "url": "url"}
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")  # "# Title" or "## Title ##"
_SETEXT_RULE = re.compile(r"(=+|-+)[ \t]*")  # "Title" underlined with === or ---
_SENTENCE_END = (".", "…", ",", ":", ";")
_CLOSERS = "\"'”’»)]"


@dataclass
class _Head:
    """What precedes the body: title and header fields, and where the body starts."""

    title: str = ""
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)  # name -> (line no., value)
    body_line: int = 0


def text_article(text: str, origin: str, overrides: Overrides) -> Article:
    """The article in a decoded text or Markdown file; raises InputError subclasses."""
    if not text.strip():
        raise EmptyInput(origin, "empty file")
    lines = text.split("\n")
    head = _read_head(lines)
    if head.body_line >= len(lines):
        if head.fields:
            raise EmptyInput(origin, "no article text after the title and header lines")
        head = _Head()  # a lone headline is the whole article
    body = "\n".join(lines[head.body_line:])
    article = Article(
        id=article_id(body),
        text=body,
        title=head.title,
        published=None if overrides.published is not None else _header_date(head, origin),
        url=_header_value(head, "url"),
        outlet=_header_value(head, "outlet"),
        origin=origin,
    )
    return overrides.apply(article)


def _read_head(lines: list[str]) -> _Head:
    head = _Head()
    i = _skip_blank(lines, 0)
    if i < len(lines) and not _header(lines[i]):
        head.title, i = _title(lines, i)
    j = _skip_blank(lines, i) if head.title else i
    while j < len(lines) and (found := _header(lines[j])):
        name, value = found
        head.fields[name] = (j + 1, value)
        j += 1
    if head.title or head.fields:
        head.body_line = _skip_blank(lines, j)
    return head


def _header(line: str) -> tuple[str, str] | None:
    """("published" | "outlet" | "url", value) for a header line such as "Source: Reuters"."""
    match = _HEADER.fullmatch(line)
    if not match or match[2].endswith("."):  # "Source: SOHR said ..." opens the body
        return None
    return _HEADER_FIELD[match[1].lower()], match[2]


def _title(lines: list[str], i: int) -> tuple[str, int]:
    """The headline at line i and the index after it, or ("", i) when it is no headline."""
    line = lines[i]
    following = lines[i + 1] if i + 1 < len(lines) else ""
    if match := _ATX_HEADING.fullmatch(line):
        return match[1], i + 1
    if _SETEXT_RULE.fullmatch(following) and len(line.strip()) <= MAX_TITLE_CHARS:
        return line.strip(), i + 2
    # A header line after the headline ends it as surely as a blank line.
    if _is_headline(line.strip(), "" if _header(following) else following.strip()):
        return line.strip(), i + 1
    return "", i


def _is_headline(line: str, following: str) -> bool:
    if len(line) > MAX_TITLE_CHARS or line.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return False
    if not following:  # a blank line after it (or nothing: the caller keeps it as text)
        return True
    if following[0].islower():  # the same sentence, hard-wrapped
        return False
    return len(line) < MAX_TITLE_SHARE_OF_NEXT_LINE * len(following)


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _header_value(head: _Head, name: str) -> str | None:
    entry = head.fields.get(name)
    return entry[1] if entry else None


def _header_date(head: _Head, origin: str) -> dt.date | None:
    entry = head.fields.get("published")
    if entry is None:
        return None
    line_no, value = entry
    date = parse_date(value)
    if date is None:
        raise MalformedRecord(
            f"{origin}:{line_no}", f"cannot read the date {value!r} (write it as YYYY-MM-DD)"
        )
    return date
