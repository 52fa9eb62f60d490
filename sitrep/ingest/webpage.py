"""HTML pages: the article's main text and its metadata, found with trafilatura.

The text is trafilatura's main-content extraction (navigation, footers and comments left
out), one paragraph a line, so offsets index that text, not the HTML. Metadata: the title,
the publication date (htmldate's cheap search of the page's metadata, not of its text), the
outlet (``og:site_name``) and the canonical URL. Missing, they come from what the caller knows
(a feed item), then from the text's dateline; the outlet last of all from the host name.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from sitrep.errors import EmptyInput
from sitrep.ingest.dateline import dateline
from sitrep.ingest.decode import normalize_newlines
from sitrep.ingest.fields import Overrides, article_id, parse_date
from sitrep.model import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HOST = re.compile(r"[\w.-]+\.[a-z]{2,}|[\d.]+(:\d+)?|localhost(:\d+)?", re.I)
MIN_TEXT_CHARS = 80  # less is a menu, a cookie notice or a paywall stub, not a report
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")


@dataclass(frozen=True)
class Known:
    """What the caller already knows of the page (from a feed item, say); the page's own wins."""

    title: str = ""
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


def html_article(data: bytes | str, origin: str, overrides: Overrides, *, url: str | None = None,
                 known: Known | None = None) -> Article:
    """The Article in one HTML page; raises EmptyInput when the page holds no article text."""
    known = known or Known(url=url)
    doc = trafilatura.bare_extraction(
        data, url=url or known.url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_SEARCH)
    text = _body(doc.text if doc is not None else None, doc.title if doc is not None else None)
    if len(text) < MIN_TEXT_CHARS:
        detail = f" ({len(text)} characters of text)" if text else ""
        raise EmptyInput(origin, f"no article text found in the page{detail}")
    dated, signed = dateline(text)
    article = Article(
        id=article_id(text),
        text=text,
        title=(doc.title or known.title or "").strip(),
        published=None if overrides.published else _date(doc.date) or known.published or dated,
        url=doc.url or url or known.url,
        outlet=_site_name(doc.sitename) or known.outlet or signed or _host(doc.sitename or doc.hostname),
        origin=origin,
    )
    return overrides.apply(article)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary), one block a line."""
    if "<" not in fragment:
        return normalize_newlines(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _body(text: str | None, title: str | None) -> str:
    """The extracted text, less a first line that only repeats the headline."""
    if not text or not text.strip():
        return ""
    text = normalize_newlines(text).strip()
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip() == title.strip():
        text = rest.strip()
    return text


def _date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def _site_name(value: str | None) -> str | None:
    """The page's own name for its site; None when trafilatura only put the host name there."""
    value = (value or "").strip()
    return value if value and not _HOST.fullmatch(value) else None


def _host(hostname: str | None) -> str | None:
    return hostname.removeprefix("www.") if hostname else None
