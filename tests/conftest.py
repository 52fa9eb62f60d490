import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # tests share factories.py

import contextlib  # noqa: E402
import glob  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import uuid  # noqa: E402

import pytest  # noqa: E402
from localweb import fetcher, web  # noqa: E402, F401  (shared fixtures: a local web server, a fetcher)


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline, made once for every test that reads text with the model."""
    pytest.importorskip("spacy")
    from sitrep.pipeline import Pipeline

    try:
        return Pipeline()
    except OSError:
        pytest.skip("no English spaCy model installed")

# --- the stores under test: SQLite always, PostgreSQL when a server can be had -------------------
# SITREP_TEST_POSTGRES=postgresql://... names a server to use; otherwise, when PostgreSQL's
# binaries are installed (Debian: /usr/lib/postgresql/N/bin), a throwaway cluster is started in a
# temporary folder on a unix socket, as a non-root user (initdb refuses root), and stopped after.

STORE_KINDS = ("sqlite", "postgresql")


def _pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _as_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    user = "postgres" if _user_exists("postgres") else "nobody"
    return ["runuser", "-u", user, "--", *cmd]


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoPostgres(Exception):
    """No PostgreSQL server can be had here; the message says why."""


@contextlib.contextmanager
def throwaway_postgres(*, fsync: bool = False):
    """A PostgreSQL URL: SITREP_TEST_POSTGRES, or a cluster started in a temporary folder on a
    unix socket and removed afterwards (fsync off unless asked: tests need no durability across
    power loss). Raises NoPostgres when neither can be had."""
    given = os.environ.get("SITREP_TEST_POSTGRES")
    if given:
        yield given
        return
    bindir = _pg_bin()
    if bindir is None:
        raise NoPostgres("PostgreSQL is not installed (apt-get install postgresql, or set SITREP_TEST_POSTGRES)")
    base = tempfile.mkdtemp(prefix="sitrep-pg-")
    os.chmod(base, 0o755)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres" if _user_exists("postgres") else "nobody")
    data, port = os.path.join(base, "data"), _free_port()
    try:
        _start_cluster(bindir, base, data, port, fsync)
    except NoPostgres:
        shutil.rmtree(base, ignore_errors=True)
        raise
    try:
        yield f"postgresql://sitrep@/postgres?host={base}&port={port}"
    finally:
        subprocess.run(_as_user([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _start_cluster(bindir: str, base: str, data: str, port: int, fsync: bool) -> None:
    try:
        subprocess.run(_as_user([f"{bindir}/initdb", "-D", data, "-U", "sitrep", "-A", "trust", "--no-sync"]),
                       check=True, capture_output=True)
        subprocess.run(_as_user([f"{bindir}/pg_ctl", "-D", data, "-w", "-l", os.path.join(base, "log"), "-o",
                                 f"-k {base} -p {port} -c listen_addresses='' -c fsync={'on' if fsync else 'off'}",
                                 "start"]),
                       check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace")[-300:]
        raise NoPostgres(f"could not start a throwaway PostgreSQL ({exc}; {detail})") from exc


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL URL, or the reason there is none (a string starting with 'skip:')."""
    try:
        with throwaway_postgres() as url:
            yield url
    except NoPostgres as exc:
        yield f"skip: {exc}"


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty schema on the test server, as a URL whose search_path points at it."""
    if postgres_server.startswith("skip:"):
        if os.environ.get("SITREP_REQUIRE_POSTGRES"):  # CI: PostgreSQL must really be tested
            pytest.fail(postgres_server[5:].strip())
        pytest.skip(postgres_server[5:].strip())
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in postgres_server else "?"
    yield f"{postgres_server}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=STORE_KINDS)
def store_target(request, tmp_path):
    """Where a fresh store lives: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_target):
    from sitrep.store import open_store

    s = open_store(store_target)
    yield s
    s.close()


def build_result(article_id: str, claims: list, *, text: str | None = None, url: str | None = None,
                 outlet: str | None = "Test Wire", published=None):
    """An ArticleResult made by hand: the article, and its claims fused as the pipeline would."""
    import datetime as dt

    from sitrep.fuse import fuse_article
    from sitrep.model import Article, ArticleResult

    article = Article(id=article_id, text=text or unique_text(article_id),
                      published=published or dt.date(2024, 11, 28), url=url, outlet=outlet, origin=article_id)
    for c in claims:
        c.article_id = article_id
    events = fuse_article(article, claims)
    return ArticleResult(article, events, None if events else "no event reported")


def unique_text(seed: str, words: int = 80) -> str:
    """Text no other seed's text resembles (so no two test articles are near-duplicates)."""
    import hashlib

    return " ".join(hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:7] for i in range(words))


@pytest.fixture
def make_result():
    """``make_result(article_id, claims, text=, url=, outlet=, published=)`` -> ArticleResult."""
    return build_result
