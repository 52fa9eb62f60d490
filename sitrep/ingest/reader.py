"""Paths to articles: walk folders, pick the reader by extension, report each bad input."""
from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError, NoArticles, NotEnglish, NotFound
from sitrep.ingest.decode import decode_text
from sitrep.ingest.fields import Overrides
from sitrep.ingest.language import foreign_language
from sitrep.ingest.limits import MAX_ARTICLE_BYTES, too_large
from sitrep.ingest.records import json_articles, jsonl_articles
from sitrep.ingest.textfile import text_article
from sitrep.model import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".json")


def read_articles(
    paths: Iterable[str | Path] | str | Path,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article | InputError]:
    """Yield an Article per article, or an InputError per bad input, in a stable order.

    Errors are yielded, not raised, so one bad file never stops a batch. ``published``
    and ``outlet`` replace the files' own values; ``max_bytes`` caps one article.
    """
    if isinstance(paths, (str, Path)):  # one path, not its characters
        paths = [paths]
    overrides = Overrides(published, outlet)
    for path in paths:
        yield from _read_path(Path(path), overrides, max_bytes)


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


def _read_path(path: Path, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    if path.is_dir():
        files = find_article_files(path)
        if not files:
            looked_for = ", ".join(ARTICLE_SUFFIXES)
            problem = f"no article files in this folder (looked for {looked_for})"
            yield NoArticles(str(path), problem)
        for file in files:
            yield from _read_file(file, overrides, max_bytes)
    elif path.exists():
        yield from _read_file(path, overrides, max_bytes)
    else:
        yield NotFound(str(path), "no such file or folder")


def _read_file(path: Path, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    """Every article in one file; whatever goes wrong is yielded, never raised."""
    try:
        for item in _parse_file(path, overrides, max_bytes):
            yield _check_language(item) if isinstance(item, Article) else item
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(str(path), f"cannot read it ({error.strerror or error})")


def _parse_file(path: Path, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    if path.suffix.lower() == ".jsonl":  # capped per line: a corpus file may be large
        yield from jsonl_articles(path, overrides, max_bytes)
        return
    text = _read_text(path, max_bytes)
    if path.suffix.lower() == ".json":
        yield from json_articles(text, str(path), overrides)
    else:  # .txt, .md, or any file named on its own
        yield text_article(text, str(path), overrides)


def _read_text(path: Path, max_bytes: int) -> str:
    """The decoded file; the size is checked before reading, so a huge file costs nothing."""
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
    return decode_text(data, str(path))


def _check_language(article: Article) -> Article | InputError:
    language = foreign_language(article.text)
    if language is None:
        return article
    return NotEnglish(article.origin, f"not English (detected: {language})")
