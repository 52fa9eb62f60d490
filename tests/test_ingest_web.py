"""HTML pages, article URLs, CSV records and datelines; web pages come from a local server."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from localweb import DATA, LocalWeb, items

from sitrep.errors import Disallowed, EmptyInput, FetchFailed, InputError, MalformedRecord, NotEnglish, TooLarge
from sitrep.ingest.dateline import dateline
from sitrep.ingest.fetch import USER_AGENT, Fetcher
from sitrep.model import Article

BUNIA_TEXT = "Fighters of the CODECO militia attacked a displacement camp near Bunia"




def only_article(*paths: object, **options: object) -> Article:
    found = items(*paths, **options)
    assert len(found) == 1 and isinstance(found[0], Article), found
    return found[0]


# --- HTML files ------------------------------------------------------------------------


def test_html_file_gives_main_text_and_metadata() -> None:
    article = only_article(DATA / "courier-bunia.html")
    assert article.text.startswith(BUNIA_TEXT)
    assert "Subscribe" not in article.text and "Home" not in article.text  # boilerplate left out
    assert article.title == "Militia attack kills nine near Bunia"
    assert not article.text.startswith(article.title)  # the headline is not repeated as text
    assert article.published == dt.date(2025, 3, 9)
    assert article.outlet == "The Lakeside Courier"
    assert article.url == "https://courier.example/world/bunia-attack"
    assert article.origin == str(DATA / "courier-bunia.html")


def test_html_without_metadata_takes_date_and_outlet_from_its_dateline() -> None:
    article = only_article(DATA / "wire-goma.html")
    assert article.published == dt.date(2025, 3, 9) and article.outlet == "Lakeside Wire"
    assert article.text.startswith("GOMA, 9 March 2025 (Lakeside Wire) — M23 rebels")


def test_overrides_beat_page_metadata() -> None:
    article = only_article(DATA / "courier-bunia.html", published=dt.date(2025, 1, 2), outlet="Desk")
    assert (article.published, article.outlet) == (dt.date(2025, 1, 2), "Desk")


def test_french_page_is_skipped_with_the_reason_and_the_article() -> None:
    [item] = items(DATA / "french.html")
    assert isinstance(item, NotEnglish)
    assert str(item) == f"{DATA / 'french.html'}: not English (detected: fr)"
    assert isinstance(item.article, Article) and "Goma" in item.article.text  # kept, to be recorded


def test_page_without_article_text(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    [item] = items(page)
    assert isinstance(item, EmptyInput) and str(item) == f"{page}: no article text found in the page (4 characters of text)"


def test_folder_mixes_formats_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "page.HTML").write_bytes((DATA / "courier-bunia.html").read_bytes())
    (tmp_path / "a" / "feed.atom").write_bytes((DATA / "monitor.atom").read_bytes())
    (tmp_path / "notes.txt").write_text("Gunmen killed five villagers in Zamfara state on Sunday, police said.\n")
    (tmp_path / "rows.csv").write_text("id,text\nr1,Police dispersed a protest in Nairobi on Monday.\n")
    found = items(tmp_path, follow_links=False)
    assert [type(i).__name__ for i in found] == ["Article"] * 5
    assert [i.origin.rsplit("/", 1)[-1] for i in found] == [
        "page.HTML", "101", "feed.atom#2", "notes.txt", "rows.csv:2"]


# --- CSV ----------------------------------------------------------------------------------


def test_csv_rows_are_articles_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,title,text,published,outlet,extra\n'
                    'x1,Clash,"Soldiers and rebels clashed in Sake.\nFour died.",2025-03-09,Wire,zz\n'
                    ',,,,\n'
                    'x3,,Gunmen attacked a bus near Kano on Friday.,not a date,,\n', encoding="utf-8")
    found = items(path)
    first = found[0]
    assert isinstance(first, Article)
    assert (first.id, first.title, first.text, first.published, first.outlet, first.origin) == (
        "x1", "Clash", "Soldiers and rebels clashed in Sake.\nFour died.", dt.date(2025, 3, 9), "Wire", f"{path}:2")
    assert isinstance(found[1], MalformedRecord) and str(found[1]) == f"{path}:4: 'text' is empty"
    assert isinstance(found[2], MalformedRecord) and str(found[2]).startswith(f"{path}:5: 'published' is not a date")


@pytest.mark.parametrize(("content", "problem"), [
    ("", "empty file"),
    ("id,title\n1,a\n", "no 'text' column (the header has: id, title)"),
    ("id,text\n", "no rows after the header"),
])
def test_bad_csv(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(content)
    [item] = items(path)
    assert isinstance(item, InputError) and problem in str(item)


def test_csv_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("id,text\n1,Caf\xe9 owners said rebels shelled Goma.\n".encode("latin-1"))
    [item] = items(path)
    assert isinstance(item, MalformedRecord) and "not UTF-8" in str(item)


# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("BEIRUT, Nov. 28, 2024 (Reuters) - Rebels seized", (dt.date(2024, 11, 28), "Reuters")),
    ("MOGADISHU, Somalia, Sept. 3, 2024 (Xinhua) -- Gunmen", (dt.date(2024, 9, 3), "Xinhua")),
    ("KYIV (AP) — Russian drones", (None, "AP")),
    ("Sunday 9 March 2025\nGunmen attacked", (dt.date(2025, 3, 9), None)),
    ("Gunmen killed five on 9 March 2025 - police said", (None, None)),  # a body date is no dateline
    ("HTS fighters seized depots on 27 November 2024.", (None, None)),
])
def test_dateline(text: str, expected: tuple) -> None:
    assert dateline(text) == expected


def test_text_file_dateline_fills_only_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Outlet: Desk\n\nGOMA, 9 March 2025 (AFP) — M23 rebels attacked Sake on Sunday, residents said.\n")
    article = only_article(path)
    assert (article.published, article.outlet) == (dt.date(2025, 3, 9), "Desk")


# --- URLs -------------------------------------------------------------------------------------


def test_url_page_is_fetched_politely(web: LocalWeb, fetcher: Fetcher) -> None:
    web.fixture("/world/bunia", "courier-bunia.html")
    article = only_article(web.url("/world/bunia"), fetcher=fetcher)
    assert article.text.startswith(BUNIA_TEXT) and article.outlet == "The Lakeside Courier"
    assert article.origin == web.url("/world/bunia")
    assert [path for path, _ in web.requests] == ["/robots.txt", "/world/bunia"]
    agent = web.requests[1][1]["user-agent"]
    assert agent == USER_AGENT and agent.startswith("sitrep/")


def test_user_agent_carries_the_operators_contact(monkeypatch) -> None:
    monkeypatch.setenv("SITREP_CONTACT", "desk@example.org")
    with Fetcher(sleep=lambda _: None) as named:
        assert named.user_agent.endswith("(conflict event extraction; +desk@example.org)")
    monkeypatch.delenv("SITREP_CONTACT")
    with Fetcher(sleep=lambda _: None) as anonymous:
        assert anonymous.user_agent.endswith("(conflict event extraction)")


def test_robots_txt_is_obeyed(web: LocalWeb, fetcher: Fetcher) -> None:
    web.route("/robots.txt", "User-agent: sitrep\nDisallow: /private/\n", content_type="text/plain")
    web.fixture("/private/a", "courier-bunia.html")
    web.fixture("/public/a", "courier-bunia.html")
    found = items(web.url("/private/a"), web.url("/public/a"), fetcher=fetcher)
    assert isinstance(found[0], Disallowed) and "robots.txt does not allow sitrep" in str(found[0])
    assert isinstance(found[1], Article)
    assert web.hits("/private/a") == 0 and web.hits("/robots.txt") == 1  # read once per site


def test_robots_txt_server_error_means_hands_off(web: LocalWeb, fetcher: Fetcher) -> None:
    web.route("/robots.txt", "oops", status=503)
    web.fixture("/a", "courier-bunia.html")
    [item] = items(web.url("/a"), fetcher=fetcher)
    assert isinstance(item, FetchFailed) and web.hits("/a") == 0
    assert str(item) == f"{web.url('/a')}: cannot read {web.base}/robots.txt (HTTP 503 Service Unavailable); " \
                        "sitrep fetches nothing from a site until it can"


def test_crawl_delay_is_kept_between_requests(web: LocalWeb) -> None:
    web.route("/robots.txt", "User-agent: *\nCrawl-delay: 3\n", content_type="text/plain")
    web.fixture("/a", "courier-bunia.html")
    web.fixture("/b", "wire-goma.html")
    pauses: list[float] = []
    with Fetcher(min_interval=0, sleep=pauses.append) as client:
        items(web.url("/a"), web.url("/b"), fetcher=client)
    assert len(pauses) == 1 and 0 < pauses[0] <= 3  # 3 s less the time the first page took
    web.routes.pop("/robots.txt")
    with Fetcher(min_interval=0, sleep=pauses.append) as client:
        items(web.url("/a"), web.url("/b"), fetcher=client)
    assert len(pauses) == 1  # no Crawl-delay, no pause


@pytest.mark.parametrize(("route", "error", "problem"), [
    ({"status": 404}, FetchFailed, "HTTP 404 Not Found"),
    ({"status": 500}, FetchFailed, "HTTP 500 Internal Server Error"),
    ({"delay": 1.5}, FetchFailed, "no answer within 0.5 s"),
])
def test_fetch_failures_name_the_url(web: LocalWeb, route: dict, error: type, problem: str) -> None:
    web.route("/a", "<p>x</p>", **route)
    with Fetcher(min_interval=0, timeout=0.5) as client:
        [item] = items(web.url("/a"), fetcher=client)
    assert type(item) is error and str(item) == f"{web.url('/a')}: {problem}"


def test_unreachable_site(fetcher: Fetcher) -> None:
    with LocalWeb() as closed:
        url = closed.url("/a")
    [item] = items(url, fetcher=fetcher)
    assert isinstance(item, FetchFailed) and str(item).startswith(f"{url}: cannot read") and "ConnectError" in str(item)


def test_size_cap_stops_a_huge_page(web: LocalWeb) -> None:
    web.route("/big", b"<p>" + b"word " * 100_000 + b"</p>")
    with Fetcher(min_interval=0, max_bytes=10_000) as client:
        [item] = items(web.url("/big"), fetcher=client)
    assert isinstance(item, TooLarge) and "the page is 500.0 KB; the limit is 10 KB" in str(item)


def test_redirect_is_followed_and_final_url_kept(web: LocalWeb, fetcher: Fetcher) -> None:
    web.route("/old", b"", status=301, headers={"Location": "/new"})
    web.route("/new", (DATA / "wire-goma.html").read_bytes())
    article = only_article(web.url("/old"), fetcher=fetcher)
    assert article.url == web.url("/new") and article.origin == web.url("/old")
