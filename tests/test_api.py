"""The REST API in-process, over a store seeded by the real pipeline on the bundled samples."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the API needs fastapi (pip install -e .)")
from fastapi.testclient import TestClient  # noqa: E402

from sitrep.api import ApiConfig, create_app, load_config  # noqa: E402
from sitrep.api.config import ConfigError  # noqa: E402
from sitrep.store import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles.jsonl"
SEED = ROOT.parent / "shared" / "examples" / "aleppo-offensive.txt"
TOKEN = "test-token-0123456789"


def store_has_contract() -> bool:
    store = open_store(":memory:")
    try:
        return hasattr(store, "count_events") and hasattr(store, "stats")
    finally:
        store.close()


pytestmark = pytest.mark.model


def pipeline_results(pipeline=None) -> list:
    """The real pipeline's results on the samples and the seed article."""
    from sitrep.ingest import read_articles
    from sitrep.pipeline import Pipeline

    articles = [a for a in read_articles([str(SAMPLES)]) if not isinstance(a, Exception)]
    if SEED.exists():
        articles += [a for a in read_articles([str(SEED)], published=dt.date(2024, 11, 28))
                     if not isinstance(a, Exception)]
    return list((pipeline or Pipeline()).run(articles))


def seed_store(target, results: list | None = None):
    """A store at ``target`` (SQLite path or PostgreSQL URL) holding the pipeline's results."""
    store = open_store(target)
    try:
        for result in results if results is not None else pipeline_results():
            store.save(result)
    finally:
        store.close()
    return target


@pytest.fixture(scope="module")
def pipeline():
    from sitrep.pipeline import Pipeline

    if not store_has_contract():
        pytest.skip("the store contract of sitrep/store/base.py is not implemented yet")
    return Pipeline()


@pytest.fixture(scope="module")
def results(pipeline) -> list:
    return pipeline_results(pipeline)


@pytest.fixture(scope="module")
def db(tmp_path_factory, results) -> Path:
    return seed_store(tmp_path_factory.mktemp("api") / "seeded.db", results)


@pytest.fixture(scope="module")
def client(db, pipeline):
    app = create_app(lambda: open_store(db), ApiConfig(token=TOKEN, max_page_size=500, max_body_bytes=200_000),
                     pipeline=lambda: pipeline)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def everything(client) -> list[dict]:
    body = client.get("/events", params={"limit": 500}).json()
    assert body["total"] == len(body["events"]) > 20
    return body["events"]


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["status"] == status
    return body["error"]["message"]


# ---- events ----------------------------------------------------------------------------------

def test_events_are_paged_oldest_first(client, everything):
    first = client.get("/events", params={"limit": 5}).json()
    second = client.get("/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == len(everything)
    assert [e["event_id"] for e in first["events"] + second["events"]] == [e["event_id"] for e in everything[:10]]
    dated = [e["event_date"] for e in everything if e["event_date"]]
    assert dated == sorted(dated)


def test_events_filter_by_type_country_and_dates(client, everything):
    battles = client.get("/events", params={"event_type": "Battles", "limit": 500}).json()
    assert battles["total"] == sum(e["event_type"] == "Battles" for e in everything) > 0
    assert {e["event_type"] for e in battles["events"]} == {"Battles"}

    sudan = client.get("/events", params={"country": "Sudan", "limit": 500}).json()["events"]
    assert sudan and {e["country"] for e in sudan} == {"Sudan"}
    by_iso = client.get("/events", params={"country": "SDN", "limit": 500}).json()["events"]
    assert [e["event_id"] for e in by_iso] == [e["event_id"] for e in sudan]

    window = client.get("/events", params={"since": "2024-11-01", "until": "2024-11-30", "limit": 500}).json()
    assert window["events"] and all("2024-11-01" <= e["event_date"] <= "2024-11-30" for e in window["events"])
    assert window["total"] == sum(bool(e["event_date"]) and "2024-11-01" <= e["event_date"] <= "2024-11-30"
                                  for e in everything)


def test_events_filter_by_actor_fatalities_bbox_and_text(client, everything):
    actor = next(e["actor1"] for e in everything if e["actor1"])
    found = client.get("/events", params={"actor": actor.upper(), "limit": 500}).json()["events"]
    assert found and all(actor in (e["actor1"], e["actor2"], *e["assoc_actor_1"], *e["assoc_actor_2"])
                         for e in found)

    deadly = client.get("/events", params={"min_fatalities": 10, "limit": 500}).json()["events"]
    assert deadly and all(e["fatalities"] >= 10 for e in deadly)
    assert len(deadly) == sum((e["fatalities"] or 0) >= 10 for e in everything)

    darfur = client.get("/events", params={"bbox": "24,12.5,26.5,14.5", "limit": 500}).json()["events"]
    assert darfur and all(24 <= e["longitude"] <= 26.5 and 12.5 <= e["latitude"] <= 14.5 for e in darfur)
    assert len(darfur) == sum(e["latitude"] is not None and 24 <= e["longitude"] <= 26.5
                              and 12.5 <= e["latitude"] <= 14.5 for e in everything)

    mogadishu = client.get("/events", params={"q": "Mogadishu", "limit": 500}).json()["events"]
    assert mogadishu and all("mogadishu" in (e["notes"] + " ".join(s["text"] for s in e["evidence"])).lower()
                             for e in mogadishu)


def test_events_filter_by_admin1_and_sub_event_type(client, everything):
    sample = next(e for e in everything if e["admin1"])
    found = client.get("/events", params={"admin1": sample["admin1"], "limit": 500}).json()["events"]
    assert sample["event_id"] in {e["event_id"] for e in found}
    assert {e["admin1"].lower() for e in found} == {sample["admin1"].lower()}
    sub = sample["sub_event_type"]
    found = client.get("/events", params={"sub_event_type": sub, "limit": 500}).json()
    assert found["total"] == sum(e["sub_event_type"] == sub for e in everything)
    assert {e["sub_event_type"] for e in found["events"]} == {sub}


def test_events_as_geojson(client, everything):
    body = client.get("/events", params={"format": "geojson", "limit": 500}).json()
    assert body["type"] == "FeatureCollection" and body["total"] == len(everything)
    by_id = {e["event_id"]: e for e in everything}
    for feature in body["features"]:
        record = by_id[feature["properties"]["event_id"]]
        assert feature["type"] == "Feature"
        if record["latitude"] is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"] == {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
        assert feature["properties"]["event_type"] == record["event_type"]
        assert feature["properties"]["fatalities"] == record["fatalities"]
        assert "claims" not in feature["properties"]  # the map gets no claims: they come with one event


def test_one_event_with_claims_evidence_and_articles(client, everything):
    toll = max(everything, key=lambda e: e["fatalities"] or 0)
    event = client.get(f"/events/{toll['event_id']}").json()
    assert event["event_id"] == toll["event_id"] and event["claims"] and event["evidence"]
    assert event["articles"], "the event names the articles its claims come from"
    article_id = event["claims"][0]["article_id"]
    article = client.get(f"/articles/{article_id}").json()
    for span in event["evidence"]:
        if span["article_id"] == article_id:
            assert article["text"][span["start"]:span["end"]] == span["text"]
    assert toll["event_id"] in article["event_ids"]


def test_unknown_event_and_article_are_json_404s(client):
    assert "no event with id 'nope'" in error_of(client.get("/events/nope"), 404)
    assert "no article with id 'nope'" in error_of(client.get("/articles/nope"), 404)
    assert "/no/such/path" in error_of(client.get("/no/such/path"), 404)
    assert "DELETE" in error_of(client.delete("/events"), 405)


# ---- articles, actors, statistics ------------------------------------------------------------

def test_articles_newest_first_without_text(client):
    body = client.get("/articles", params={"limit": 50}).json()
    articles = body["articles"]
    assert len(articles) >= 8 and all("text" not in a for a in articles)
    published = [a["published"] for a in articles if a["published"]]
    assert published == sorted(published, reverse=True)
    assert client.get("/articles", params={"limit": 3, "offset": 1}).json()["articles"] == articles[1:4]


def test_actors_most_events_first(client):
    body = client.get("/actors", params={"limit": 500}).json()
    counts = [a["events"] for a in body["actors"]]
    assert counts and counts == sorted(counts, reverse=True)
    assert body["total"] == len(body["actors"])
    assert client.get("/actors", params={"limit": 2}).json()["actors"] == body["actors"][:2]


@pytest.mark.parametrize("by", ["day", "week"])
def test_stats_add_up_to_the_events(client, everything, by):
    rows = client.get("/stats", params={"by": by}).json()["rows"]
    dated = [e for e in everything if e["event_date"]]
    assert sum(r["events"] for r in rows) == len(dated)
    assert sum(r["fatalities"] for r in rows) == sum(e["fatalities"] or 0 for e in dated)
    if by == "week":
        assert all(dt.date.fromisoformat(r["period"]).weekday() == 0 for r in rows)


def test_stats_by_actor_with_filters(client, everything):
    rows = client.get("/stats", params={"group": "actor1", "event_type": "Battles"}).json()["rows"]
    battles = [e for e in everything if e["event_type"] == "Battles" and e["event_date"]]
    assert sum(r["events"] for r in rows) == len(battles)
    assert {r["group"] for r in rows} == {e["actor1"] for e in battles}


# ---- validation ------------------------------------------------------------------------------

@pytest.mark.parametrize("params, words", [
    ({"limit": 501}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"bbox": "1,2,3"}, "four numbers"),
    ({"bbox": "a,b,c,d"}, "not four numbers"),
    ({"bbox": "10,20,200,30"}, "max_lon 200.0 is outside"),
    ({"bbox": "10,40,20,30"}, "minimum is above"),
    ({"since": "2024-13-01"}, "since"),
    ({"since": "2024-12-01", "until": "2024-11-01"}, "is after until"),
    ({"event_type": "Skirmish"}, "not an ACLED event type"),
    ({"sub_event_type": "Skirmish"}, "not an ACLED sub-event type"),
    ({"format": "xml"}, "format"),
    ({"min_fatalities": -1}, "min_fatalities"),
    ({"q": "x" * 201}, "q"),
])
def test_bad_queries_get_json_422s_naming_the_problem(client, params, words):
    assert words in error_of(client.get("/events", params=params), 422)


def test_bad_stats_grouping(client):
    assert "group" in error_of(client.get("/stats", params={"group": "outlet"}), 422)
    assert "by" in error_of(client.get("/stats", params={"by": "month"}), 422)


# ---- ingest ----------------------------------------------------------------------------------

ARTICLE = {
    "id": "api-test-bakhmut",
    "title": "Shelling kills three in Kharkiv",
    "published": "2024-12-02",
    "outlet": "Test Wire",
    "text": "Russian shelling killed three civilians in Kharkiv on Sunday, the regional governor said. "
            "Ukrainian officials said the strikes hit a residential area in the north of the city.",
}


def test_ingest_needs_the_token(client):
    assert "token" in error_of(client.post("/articles", json=ARTICLE), 401)
    wrong = client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer wrong-token-wrong"})
    assert "token" in error_of(wrong, 401)


def test_ingest_stores_the_article_and_its_events(client):
    response = client.post("/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (200, 201), response.text
    body = response.json()
    assert body["article_id"] == ARTICLE["id"] and body["events"]
    stored = client.get(f"/articles/{ARTICLE['id']}").json()
    assert stored["text"] == ARTICLE["text"]
    event = client.get(f"/events/{body['events'][0]}").json()
    assert event["country"] == "Ukraine"
    again = client.post("/articles", json=ARTICLE, headers={"X-Sitrep-Token": TOKEN})
    assert again.status_code == 200 and again.json()["status"] != "new"


def test_ingest_refuses_bad_articles(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert "text" in error_of(client.post("/articles", json={"title": "no text"}, headers=auth), 422)
    assert "not English" in error_of(client.post("/articles", headers=auth, json={
        "text": "Les forces gouvernementales ont repris le contrôle de la ville après des combats violents "
                "qui ont fait des dizaines de morts selon les autorités locales."}), 422)
    not_json = client.post("/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    error_of(not_json, 422)


def test_ingest_refuses_oversized_bodies(client):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    big = json.dumps({**ARTICLE, "text": "word " * 50_000}).encode()
    assert "larger than the limit of 200000 bytes" in error_of(client.post("/articles", content=big, headers=auth), 413)

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for i in range(0, len(big), 10_000):
            yield big[i:i + 10_000]

    assert "larger than" in error_of(client.post("/articles", content=chunks(), headers=auth), 413)


def test_ingest_is_off_without_a_configured_token(db):
    with TestClient(create_app(lambda: open_store(db), ApiConfig())) as c:
        assert "set [api] token" in error_of(c.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer x"}), 403)


# ---- who may read ----------------------------------------------------------------------------

def test_reads_need_the_token_off_localhost_unless_public(db):
    with TestClient(create_app(lambda: open_store(db), ApiConfig(token=TOKEN), host="0.0.0.0")) as c:
        assert "not on localhost" in error_of(c.get("/events"), 401)
        assert c.get("/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    with TestClient(create_app(lambda: open_store(db), ApiConfig(token=TOKEN, public_reads=True),
                               host="0.0.0.0")) as c:
        assert c.get("/events").status_code == 200
    with TestClient(create_app(lambda: open_store(db), ApiConfig(), host="::1")) as c:
        assert c.get("/events").status_code == 200


# ---- a slow query does not hold up the others ----------------------------------------------------

class HeldStore:
    """The real store, except that a query for riots waits until the test lets it go."""

    def __init__(self, store, held, gate):
        self.store, self.held, self.gate = store, held, gate

    def __getattr__(self, name):
        return getattr(self.store, name)

    def events(self, query=None):
        if query is not None and query.event_type == "Riots":
            self.held.set()
            assert self.gate.wait(20), "the held query was never let go"
        return self.store.events(query)


def test_a_slow_query_does_not_hold_up_the_others(db):
    import threading

    held, gate = threading.Event(), threading.Event()
    app = create_app(lambda: HeldStore(open_store(db), held, gate))
    with TestClient(app) as c:
        slow = {}
        thread = threading.Thread(target=lambda: slow.update(r=c.get("/events", params={"event_type": "Riots"})))
        thread.start()
        try:
            assert held.wait(20), "the riots query never reached the store"
            fast = c.get("/events", params={"event_type": "Battles"})  # answered while the riots wait
            assert fast.status_code == 200 and not gate.is_set() and thread.is_alive()
        finally:
            gate.set()
            thread.join(20)
        assert slow["r"].status_code == 200


# ---- the same answers from PostgreSQL -------------------------------------------------------

def test_postgresql_store_answers_as_sqlite_does(postgres_url, results, tmp_path):
    apps = {kind: create_app(lambda t=target: open_store(t), ApiConfig(max_page_size=500))
            for kind, target in (("sqlite", seed_store(tmp_path / "same.db", results)),
                                 ("postgresql", seed_store(postgres_url, results)))}
    with TestClient(apps["sqlite"]) as lite, TestClient(apps["postgresql"]) as pg:
        events = lite.get("/events", params={"limit": 500}).json()["events"]
        actor = next(e["actor1"] for e in events if e["actor1"])
        for path, params in (
            ("/events", {"limit": 500}), ("/events", {"limit": 7, "offset": 3}),
            ("/events", {"event_type": "Battles", "limit": 500}), ("/events", {"country": "SDN"}),
            ("/events", {"since": "2024-11-01", "until": "2025-03-31", "min_fatalities": 1}),
            ("/events", {"actor": actor}), ("/events", {"bbox": "24,12.5,26.5,14.5"}), ("/events", {"q": "killed"}),
            ("/events", {"format": "geojson", "limit": 500}), (f"/events/{events[-1]['event_id']}", {}),
            ("/stats", {"by": "week"}), ("/stats", {"group": "actor1", "event_type": "Battles"}),
            ("/actors", {"limit": 500}),
        ):
            assert pg.get(path, params=params).json() == lite.get(path, params=params).json(), (path, params)


# ---- schema and dashboard files --------------------------------------------------------------

def test_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles", "/articles/{article_id}", "/actors", "/stats"} <= set(
        schema["paths"])
    assert "post" in schema["paths"]["/articles"]
    names = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert {"since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "bbox",
            "min_fatalities", "q", "limit", "offset", "format"} <= names


def test_dashboard_and_its_libraries_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for src in ("/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css",
                "/vendor/markercluster/leaflet.markercluster.js", "/static/dashboard.js", "/static/dashboard.css"):
        assert src in page.text
        assert client.get(src).status_code == 200, src
    for name in ("index.html", "dashboard.js", "dashboard.css"):
        text = (ROOT / "sitrep" / "web" / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, name


def test_country_outlines_are_shipped(client):
    world = client.get("/static/countries.geojson").json()
    assert world["type"] == "FeatureCollection" and "Natural Earth" in world["source"]
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(names) > 150 and {"Syria", "Sudan", "Ukraine", "Myanmar"} <= names


# ---- configuration ---------------------------------------------------------------------------

def test_config_file_and_environment(tmp_path):
    path = tmp_path / "sitrep.toml"
    path.write_text('[api]\ntoken = "from-the-file-0123"\nmax_page_size = 50\n', encoding="utf-8")
    assert load_config(path, environ={}) == ApiConfig(token="from-the-file-0123", max_page_size=50)
    assert load_config(path, environ={"SITREP_API_TOKEN": "from-env"}).token == "from-env"
    assert load_config(None, environ={}) == ApiConfig()


@pytest.mark.parametrize("text, words", [
    ('[api]\ncolour = "red"\n', "unknown setting"),
    ('[api]\ntoken = "short"\n', "too short"),
    ('[api]\nmax_page_size = "many"\n', "must be an integer"),
    ('[api]\nmax_page_size = 0\n', "at least 1"),
    ('[api]\ntiles_url = "ftp://tiles"\n', "tiles_url"),
    ("[api\n", "not a TOML file"),
])
def test_bad_config_is_named(tmp_path, text, words):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=words) as err:
        load_config(path, environ={})
    assert str(path) in str(err.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "none.toml", environ={})


# ---- the command ------------------------------------------------------------------------------

def test_serve_command_refuses_bad_options(tmp_path, capsys):
    from sitrep.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--port", "99999"])
    assert "not a port number" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--config", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: configuration file not found" in capsys.readouterr().err
