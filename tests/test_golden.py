"""Golden tests: the bundled sample articles against events a coder wrote down by hand
(tests/golden/expected.yaml). Runs the real model and gazetteer."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = yaml.safe_load((ROOT / "tests" / "golden" / "expected.yaml").read_text(encoding="utf-8"))["articles"]
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def predicted() -> dict[str, list[dict]]:
    from sitrep.export import event_record
    from sitrep.ingest import read_articles
    from sitrep.pipeline import Pipeline

    articles = [a for a in read_articles([ROOT / "samples" / "articles.jsonl"]) if not isinstance(a, Exception)]
    return {r.article.id: [event_record(e) for e in r.events] for r in Pipeline().run(articles)}


def _km(a: dict, b: dict) -> float:
    if a.get("latitude") is None or b.get("latitude") is None:
        return math.inf
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dl = math.radians(b["longitude"] - a["longitude"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _names(value) -> list[str]:
    return [v.lower() for v in (value if isinstance(value, list) else [value])]


def _matches(gold: dict, event: dict) -> bool:
    """Same sub-event type, same day, within 30 km: the same event, whatever else differs."""
    return (event["sub_event_type"] == gold["sub_event_type"]
            and event["event_date"] == gold.get("event_date")
            and _km(gold, event) <= 30)


CASES = [(aid, i) for aid, body in EXPECTED.items() for i, _ in enumerate(body.get("events", []))]


@pytest.mark.parametrize("article_id, index", CASES, ids=[f"{a}-{i}" for a, i in CASES])
def test_expected_event_is_found(predicted, article_id, index):
    gold = EXPECTED[article_id]["events"][index]
    found = [e for e in predicted[article_id] if _matches(gold, e)]
    assert found, f"no {gold['sub_event_type']} on {gold.get('event_date')} near {gold.get('location')}; got " + \
        json.dumps([(e["sub_event_type"], e["event_date"], e["location"]) for e in predicted[article_id]])
    event = found[0]
    if gold.get("actor1"):
        assert any(n in (event["actor1"] or "").lower() for n in _names(gold["actor1"])), event["actor1"]
    assert event["fatalities"] == gold.get("fatalities", 0)


def _rests_on(event: dict, quote: str) -> bool:
    return all(quote in claim["text"] for claim in event["claims"])


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_background_gives_no_event(predicted, article_id):
    """No event may rest on background alone. A total over days or regions may stand as a
    record flagged ``aggregate`` (DESIGN.md), never as one event."""
    for quote in EXPECTED[article_id].get("not_events", []):
        for event in predicted[article_id]:
            assert not _rests_on(event, quote) or event["aggregate"], (quote, event["sub_event_type"])


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_totals_are_flagged_aggregate(predicted, article_id):
    for quote in EXPECTED[article_id].get("aggregates", []):
        for event in predicted[article_id]:
            assert not _rests_on(event, quote) or event["aggregate"], (quote, event["sub_event_type"])
