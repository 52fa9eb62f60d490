"""Fetching pages and feeds over HTTP, politely: a timeout, a size cap, robots.txt obeyed.

    fetcher = Fetcher()
    page = fetcher.get("https://example.org/news/1")     # a Page, or raises an InputError
    page = fetcher.get(url, etag=old.etag)                # page.not_modified on HTTP 304
    fetcher.close()

Every request names sitrep and its repository in the User-Agent, so a site can tell who
reads it and block us in its robots.txt. robots.txt is read once per site and obeyed for
every URL, feeds included; while a site's robots.txt cannot be read (no answer, a server
error) nothing is fetched from that site (RFC 9309), and each URL fails saying so.
"""
from __future__ import annotations

import os
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

from sitrep import __version__
from sitrep.errors import Disallowed, FetchFailed, InputError
from sitrep.ingest.limits import MAX_ARTICLE_BYTES, too_large

__all__ = ["USER_AGENT", "Fetcher", "Page", "is_url", "user_agent_string"]


def user_agent_string() -> str:
    """Who is asking: sitrep's name and version, and the operator's contact when SITREP_CONTACT gives one.

    Sites block anonymous crawlers; a contact (an email or a page) lets them write instead.
    """
    contact = os.environ.get("SITREP_CONTACT", "").strip()
    return f"sitrep/{__version__} (conflict event extraction{'; +' + contact if contact else ''})"


USER_AGENT = user_agent_string()
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 lets a crawler stop reading robots.txt at 500 KiB
MIN_INTERVAL_SECONDS = 1.0  # between two requests to one site, unless robots.txt asks for more


@dataclass(frozen=True)
class Page:
    """What a URL returned: the bytes and the headers we use later."""

    url: str  # after redirects
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    modified: str | None = None  # Last-Modified, as sent
    not_modified: bool = False  # HTTP 304 to a conditional request: nothing new


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


class Fetcher:
    """One HTTP client for a run: connections, robots.txt rules and per-site pauses are shared."""

    def __init__(self, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_ARTICLE_BYTES,
                 min_interval: float | None = None, user_agent: str | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.max_bytes = max_bytes
        self.min_interval = MIN_INTERVAL_SECONDS if min_interval is None else min_interval
        self.user_agent = user_agent = user_agent or user_agent_string()
        self.timeout = timeout
        self._sleep = sleep
        self._client = httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                                    headers={"User-Agent": user_agent})
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}

    def get(self, url: str, *, etag: str | None = None, modified: str | None = None) -> Page:
        """The page at url; raises Disallowed, FetchFailed or TooLarge naming the URL."""
        rules = self._rules(url)
        if rules is not None and not rules.can_fetch(self.user_agent, url):
            raise Disallowed(url, "the site's robots.txt does not allow sitrep to fetch it")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        self._pause(url, rules)
        return self._request(url, headers, self.max_bytes)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, url: str, headers: dict[str, str], max_bytes: int) -> Page:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Page(str(response.url), etag=etag_of(response), modified=modified_of(response),
                                not_modified=True)
                if response.status_code >= 400:
                    raise FetchFailed(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                content = _read_capped(response, url, max_bytes)
                return Page(str(response.url), content, response.headers.get("content-type", ""),
                            etag_of(response), modified_of(response))
        except httpx.TimeoutException:
            raise FetchFailed(url, f"no answer within {self.timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchFailed(url, f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.HTTPError as error:
            raise FetchFailed(url, f"cannot fetch it ({type(error).__name__}: {error})") from None

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt rules, read once; None when the site has none (all allowed)."""
        site = _site(url)
        if site not in self._robots:
            try:
                self._robots[site] = self._read_robots(site)
            except FetchFailed as error:  # not kept: the next URL of this site asks again
                raise FetchFailed(url, f"cannot read {site}/robots.txt ({error.problem}); sitrep fetches "
                                       "nothing from a site until it can") from None
        return self._robots[site]

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        robots_url = site + "/robots.txt"
        try:
            page = self._request(robots_url, {}, ROBOTS_MAX_BYTES)
        except FetchFailed as error:
            if error.problem.startswith("HTTP 4"):  # none (or not for us to see): everything is allowed
                return None
            raise  # unreachable or a server error: RFC 9309 says assume everything is disallowed
        except InputError:  # over 500 KB: no real robots.txt is; read as none
            return None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(page.content.decode("utf-8", errors="replace").splitlines())
        return rules

    def _pause(self, url: str, rules: urllib.robotparser.RobotFileParser | None) -> None:
        """Wait so that one site gets at most one request per interval (or its Crawl-delay)."""
        site = _site(url)
        interval = self.min_interval
        delay = rules.crawl_delay(self.user_agent) if rules is not None else None
        if delay is not None:
            interval = max(interval, float(delay))
        last = self._last_request.get(site)
        now = time.monotonic()
        if last is not None and now - last < interval:
            self._sleep(interval - (now - last))
        self._last_request[site] = time.monotonic()


def etag_of(response: httpx.Response) -> str | None:
    return response.headers.get("etag")


def modified_of(response: httpx.Response) -> str | None:
    return response.headers.get("last-modified")


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The body, refusing one larger than max_bytes before and while reading it."""
    advice = "raise the limit with --max-size"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(url, "the page", int(declared), max_bytes, advice)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_large(url, "the page", size, max_bytes, f"stopped reading; {advice}")
        chunks.append(chunk)
    return b"".join(chunks)


def _site(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
