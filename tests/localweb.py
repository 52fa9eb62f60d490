"""A small web server on 127.0.0.1 for the ingest, feed and watch tests: no outside network.

    with LocalWeb() as web:
        web.route("/feed.rss", body, content_type="application/rss+xml", etag='"v1"')
        fetch(web.url("/feed.rss"))
        web.requests   # [(path, headers), ...] as the server saw them
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "web"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    modified: str | None = None
    delay: float = 0.0  # seconds before answering: a slow site
    headers: dict[str, str] = field(default_factory=dict)


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str, **options: object) -> Route:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.routes[path]

    def fixture(self, path: str, name: str, **options: object) -> Route:
        """Serve tests/data/web/NAME at path, its BASE placeholders pointing at this server."""
        text = (DATA / name).read_text(encoding="utf-8").replace("BASE", self.base)
        return self.route(path, text, **options)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def _handler(web: LocalWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            web.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = web.routes.get(self.path)
            if route is None:
                self._answer(404, b"not found", "text/plain")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag or (
                    route.modified and self.headers.get("If-Modified-Since") == route.modified):
                self._answer(304, b"", route.content_type, route)
                return
            self._answer(route.status, route.body, route.content_type, route)

        def _answer(self, status: int, body: bytes, content_type: str, route: Route | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                if route is not None:
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    if route.modified:
                        self.send_header("Last-Modified", route.modified)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # keep test output clean

    return Handler


def items(*paths: object, **options: object) -> list:
    """Everything read_articles yields for these paths or URLs: Articles and InputErrors."""
    from sitrep.ingest import read_articles

    return list(read_articles([str(p) for p in paths], **options))  # type: ignore[arg-type]


@pytest.fixture
def web():
    """A local web server for one test; pages and feeds are added with web.fixture(...)."""
    with LocalWeb() as server:
        yield server


@pytest.fixture
def fetcher():
    """A polite fetcher without the pauses between requests, for tests."""
    from sitrep.ingest.fetch import Fetcher

    with Fetcher(min_interval=0, timeout=2) as client:
        yield client
