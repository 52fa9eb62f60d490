"""The noise benchmark's reader and scoring (``sitrep eval noise``), on small files made here."""
from __future__ import annotations

import json

import pytest

from sitrep.evaluate.cases import EvalError
from sitrep.evaluate.noise import NoiseItem, found_events, read_noise, score

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7"><title>Cup final tonight</title><link>http://a</link>
    <text>The final starts at eight.</text></article>
  <article file="9"><title>Town shelled</title><link>http://b</link><text>Artillery shelled the town.</text></article>
</articles>
"""
GEOVIRUS = """<articles>
  <article><source>https://en.wikinews.org/wiki/Flu_case</source><text>A flu case was found.</text></article>
</articles>
"""


def item(label, events=(), id_="gwn-1"):
    return NoiseItem(id_, id_, "", "", label, tuple(tuple(e) for e in events), "", False)


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "GWN.xml").write_text(GWN)
    (tmp_path / "GeoVirus.xml").write_text(GEOVIRUS)
    return tmp_path


def write_labels(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_reads_labels_with_their_texts(folder, tmp_path):
    labels = write_labels(tmp_path / "labels.jsonl", [
        {"id": "gwn-7", "doc_id": "gwn-7", "label": "none", "events": [], "reason": "sport"},
        {"id": "gwn-9", "doc_id": "gwn-9", "label": "events", "events": [["Shelling/artillery/missile attack"]],
         "reason": "shelling", "fresh": True},
        {"id": "geovirus-0", "doc_id": "https://en.wikinews.org/wiki/Flu_case", "label": "none", "events": []},
    ])
    items = read_noise(labels, folder)
    assert [i.text for i in items] == ["The final starts at eight.", "Artillery shelled the town.",
                                       "A flu case was found."]
    assert items[1].fresh and items[1].split != "train"  # another set's held-out item is never tuned on


@pytest.mark.parametrize("row, problem", [
    ({"id": "gwn-8", "doc_id": "gwn-8", "label": "none"}, "no article"),
    ({"id": "gwn-7", "doc_id": "gwn-9", "label": "none"}, "is not the article's"),
    ({"id": "gwn-7", "doc_id": "gwn-7", "label": "maybe"}, "label must be one of"),
    ({"id": "gwn-7", "doc_id": "gwn-7", "label": "events", "events": [["Shootings"]]}, "not a sub-event type"),
    ({"id": "gwn-7", "doc_id": "gwn-7", "label": "events", "events": []}, "needs events"),
])
def test_bad_labels_are_named(folder, tmp_path, row, problem):
    labels = write_labels(tmp_path / "labels.jsonl", [row])
    with pytest.raises(EvalError, match=problem):
        read_noise(labels, folder)


def test_missing_data_folder_is_named(tmp_path):
    labels = write_labels(tmp_path / "labels.jsonl", [])
    with pytest.raises(EvalError, match="GWN.xml: geoparsing file not found"):
        read_noise(labels, tmp_path / "nowhere")


def test_each_labelled_event_is_found_once():
    two = item("events", [["Attack", "Armed clash"], ["Attack"]])
    assert found_events(two, ["Attack"]) == 1
    assert found_events(two, ["Attack", "Attack"]) == 2
    assert found_events(two, ["Armed clash", "Attack"]) == 2
    assert found_events(two, ["Arrests"]) == 0


def test_score_counts_false_events_and_recall():
    items = [item("none"), item("none"), item("none"), item("none"), item("unsure"),
             item("events", [["Attack"], ["Arrests"]])]
    types = [[], ["Attack", "Armed clash"], [], [], ["Attack"], ["Attack"]]
    s = score(items, types)
    assert s["no_event_articles"] == 4 and s["quiet"] == 3 and s["quiet_share"] == 0.75
    assert s["false_events"] == 2 and s["false_per_100"] == 50.0  # the unsure article counts nowhere
    assert s["labelled_events"] == 2 and s["events_found"] == 1 and s["event_recall"] == 0.5
