"""Ingest: read article files into ``Article`` objects, reporting each bad input.

    for item in read_articles(["reports/"], outlet="Reuters"):
        if isinstance(item, InputError):
            print(item)  # "reports/x.txt: empty file"
        else:
            analyze(item)

Inputs: folders (recursively), .txt/.md/.markdown (``textfile``), .jsonl/.json/.csv
(``records``), .html/.htm (``webpage``), .rss/.atom/.xml feeds (``feeds``) and http(s) URLs of
pages or feeds (``fetch``). ``watch`` polls feeds into a store. See docs/ingest.md.

Article ids are the record's ``id`` when given, else the first 12 hex digits of the
SHA-1 of ``text``: stable across runs, and the same for the same report in two files.
"""
from sitrep.ingest.fetch import USER_AGENT, Fetcher
from sitrep.ingest.language import detect_language
from sitrep.ingest.limits import MAX_ARTICLE_BYTES
from sitrep.ingest.reader import ARTICLE_SUFFIXES, count_articles, find_article_files, read_articles

__all__ = [
    "count_articles",
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "USER_AGENT",
    "Fetcher",
    "detect_language",
    "find_article_files",
    "read_articles",
]
