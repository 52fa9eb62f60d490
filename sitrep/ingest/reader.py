"""Paths and URLs to articles: walk folders, pick the reader by kind, report each bad input."""
from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError, NoArticles, NotEnglish, NotFound
from sitrep.ingest.dateline import fill_from_text
from sitrep.ingest.decode import decode_text
from sitrep.ingest.feeds import FEED_SUFFIXES, feed_articles, looks_like_feed, parse_feed
from sitrep.ingest.fetch import Fetcher, is_url
from sitrep.ingest.fields import Overrides
from sitrep.ingest.language import foreign_language
from sitrep.ingest.limits import MAX_ARTICLE_BYTES, too_large
from sitrep.ingest.records import csv_articles, json_articles, jsonl_articles
from sitrep.ingest.textfile import text_article
from sitrep.ingest.webpage import HTML_SUFFIXES, html_article
from sitrep.model import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
RECORD_SUFFIXES = (".jsonl", ".json", ".csv")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES


def read_articles(
    paths: Iterable[str | Path] | str | Path,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    fetcher: Fetcher | None = None,
    follow_links: bool = True,
) -> Iterator[Article | InputError]:
    """Yield an Article per article, or an InputError per bad input, in a stable order.

    A path is a file, a folder (read recursively) or an http(s) URL of a page or a feed.
    Errors are yielded, not raised, so one bad input never stops a batch. ``published``
    and ``outlet`` replace the inputs' own values; ``max_bytes`` caps one article.
    ``fetcher`` fetches URLs (one is made when needed); ``follow_links=False`` reads feed
    items from the feed's own text and fetches nothing for them.
    """
    if isinstance(paths, (str, Path)):  # one path, not its characters
        paths = [paths]
    reader = _Reader(Overrides(published, outlet), max_bytes, fetcher, follow_links)
    try:
        for path in paths:
            for item in reader.read(str(path)):
                yield check_article(item) if isinstance(item, Article) else item
    finally:
        reader.close()


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles the paths hold, counted without parsing; None when it cannot be known.

    A text or HTML file is one article, a JSONL file one per non-blank line, a CSV file one
    per line after the header (a quoted newline makes this an overestimate). URLs, feeds and
    JSON files are unknown until read. Used for the progress bar, never for results.
    """
    total = 0
    for path in paths:
        if is_url(str(path)):
            return None
        path = Path(path)
        files = find_article_files(path) if path.is_dir() else [path]
        for file in files:
            n = _articles_in(file)
            if n is None:
                return None
            total += n
    return total


def _articles_in(file: Path) -> int | None:
    suffix = file.suffix.lower()
    if suffix in FEED_SUFFIXES or suffix == ".json":
        return None
    if suffix not in (".jsonl", ".csv"):
        return 1
    try:
        with file.open("rb") as handle:
            lines = sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # read_articles reports it; it counts as one input
    return max(lines - 1, 0) if suffix == ".csv" else lines


def find_article_files(folder: Path) -> list[Path]:
    """Article files under folder, recursively, sorted; hidden files and folders skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(root, name)
            for name in files
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)
        ]
    return sorted(found)


class _Reader:
    """Reads one path or URL at a time, sharing the options and one HTTP client."""

    def __init__(self, overrides: Overrides, max_bytes: int, fetcher: Fetcher | None, follow_links: bool):
        self.overrides = overrides
        self.max_bytes = max_bytes
        self.follow_links = follow_links
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None

    def read(self, path: str) -> Iterator[Article | InputError]:
        if is_url(path):
            yield from self._guarded(path, lambda: self._read_url(path))
        else:
            yield from self._read_path(Path(path))

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(max_bytes=self.max_bytes)
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()

    def _read_url(self, url: str) -> Iterator[Article | InputError]:
        page = self.fetcher.get(url)
        if looks_like_feed(page.content, page.content_type):
            yield from self._read_feed(page.content, url)
        else:
            yield html_article(page.content, url, self.overrides, url=page.url)

    def _read_path(self, path: Path) -> Iterator[Article | InputError]:
        if path.is_dir():
            files = find_article_files(path)
            if not files:
                looked_for = ", ".join(ARTICLE_SUFFIXES)
                yield NoArticles(str(path), f"no article files in this folder (looked for {looked_for})")
            for file in files:
                yield from self._guarded(str(file), lambda file=file: self._parse_file(file))
        elif path.exists():
            yield from self._guarded(str(path), lambda: self._parse_file(path))
        else:
            yield NotFound(str(path), "no such file or folder")

    def _guarded(self, origin: str, parse) -> Iterator[Article | InputError]:
        """Every article parse() yields; whatever goes wrong is yielded, never raised."""
        try:
            yield from parse()
        except InputError as error:
            yield error
        except OSError as error:
            yield InputError(origin, f"cannot read it ({error.strerror or error})")

    def _parse_file(self, path: Path) -> Iterator[Article | InputError]:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":  # capped per line: a corpus file may be large
            yield from jsonl_articles(path, self.overrides, self.max_bytes)
        elif suffix == ".csv":
            yield from csv_articles(path, self.overrides, self.max_bytes)
        elif suffix in FEED_SUFFIXES:
            yield from self._read_feed(_read_bytes(path, self.max_bytes), str(path))
        elif suffix in HTML_SUFFIXES:
            yield html_article(_read_bytes(path, self.max_bytes), str(path), self.overrides)
        elif suffix == ".json":
            yield from json_articles(_read_text(path, self.max_bytes), str(path), self.overrides)
        else:  # .txt, .md, or any file named on its own
            yield text_article(_read_text(path, self.max_bytes), str(path), self.overrides)

    def _read_feed(self, data: bytes, origin: str) -> Iterator[Article | InputError]:
        feed = parse_feed(data, origin)
        yield from feed_articles(feed, self.overrides, self.fetcher if self.follow_links else None)


def _read_text(path: Path, max_bytes: int) -> str:
    return decode_text(_read_bytes(path, max_bytes), str(path))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked before reading, so a huge file costs nothing."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError(str(path), "not a regular file")
    if info.st_size > max_bytes:
        is_json = path.suffix.lower() == ".json"
        advice = "convert it to JSONL, one article a line" if is_json else "split it"
        raise too_large(str(path), "file", info.st_size, max_bytes, f"{advice}, or raise the limit with --max-size")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)  # the file may have grown since stat
    if len(data) > max_bytes:
        raise too_large(str(path), "file", len(data), max_bytes, "split it, or raise the limit with --max-size")
    return data


def check_article(article: Article) -> Article | InputError:
    """The article with its dateline read, or NotEnglish (carrying it) when it is not English."""
    article = fill_from_text(article)
    language = foreign_language(article.text)
    if language is None:
        return article
    return NotEnglish(article.origin, f"not English (detected: {language})", article=article)
