"""The news-prose set (data/prose/news_prose.jsonl) and `sitrep eval prose`."""
from __future__ import annotations

import json
from collections import Counter

import factories as f
import pytest

from sitrep.cli import main
from sitrep.evaluate import Options
from sitrep.evaluate.cases import EvalError
from sitrep.evaluate.metrics import NO_EVENT
from sitrep.evaluate.prose import (DEFAULT_PATH, ProseItem, assign_splits, coverage_problems, evaluate_prose,
                                   read_prose, render_prose, weighted_f1, write_prose)
from sitrep.evaluate.split import normalise_text
from sitrep.model import ArticleResult
from sitrep.taxonomy import BY_NAME, SUB_EVENT_TYPES

DRONE = ("Four suspected militants were killed and two others sustained injuries when a US drone targeted a "
         "moving vehicle in Datta Khel area of North Waziristan on Saturday.")
VISIT = "The Iraqi president flew into Amman on Wednesday for a visit that had not been announced."
CLASH = "Heavy fighting between the troops of two rival generals rocked Khartoum, Sudan's capital, on Sunday."
AGREED = "After two days of heavy fighting, Bosnia and Slovenia agreed on a ceasefire."


def line(id_: str, text: str, sub: str | None, split: str | None = "dev", **over) -> str:
    item = {"id": id_, "text": text, "source": "test", "published": "2012-09-23", "label": sub,
            "event_type": BY_NAME[sub].event_type if sub else None, "reason": "test", "split": split}
    return json.dumps({**item, **over})


def write(tmp_path, *lines: str):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ the bundled set


@pytest.fixture(scope="module")
def bundled() -> list[ProseItem]:
    return read_prose()


def test_bundled_set_is_where_the_loader_looks(bundled):
    assert DEFAULT_PATH.parts[-3:] == ("data", "prose", "news_prose.jsonl")
    assert len(bundled) >= 300


def test_bundled_set_covers_every_sub_type_and_no_event(bundled):
    assert coverage_problems(bundled) == []
    counts = Counter(i.label for i in bundled)
    assert set(counts) == {s.name for s in SUB_EVENT_TYPES} | {None}


def test_bundled_labels_are_the_codebook_and_fit_their_event_type(bundled):
    for item in bundled:
        assert item.label is None or item.event_type == BY_NAME[item.label].event_type, item.id
        assert item.source and item.reason, item.id


def test_bundled_texts_and_ids_are_unique(bundled):
    assert len({normalise_text(i.text) for i in bundled}) == len(bundled)
    assert len({i.id for i in bundled}) == len(bundled)


def test_bundled_split_is_written_down_and_balanced_per_class(bundled):
    assert {i.split for i in bundled} == {"train", "dev", "test"}
    by_class = Counter((i.label, i.split) for i in bundled)
    for label in {i.label for i in bundled}:
        # stratified by assign_splits at first; session 2 grew only the dev half, so test
        # never outgrows dev and the held-out half keeps its 6 to 8 items per sub-type
        assert by_class[(label, "dev")] >= by_class[(label, "test")] - 1, label
        assert label is None or 6 <= by_class[(label, "test")] <= 8, label
    # the recorded split is final: filling splits again changes nothing
    assert assign_splits(bundled) == bundled


# ------------------------------------------------------------------ the split


def item(id_: str, label: str | None, split: str | None = None) -> ProseItem:
    return ProseItem(id=id_, text=id_, source="s", published=None, label=label,
                     event_type=BY_NAME[label].event_type if label else None, reason="r", split=split)


def test_assign_splits_keeps_old_splits_and_balances_new_items_per_class():
    old = [item("a1", "Grenade", "test"), item("a2", "Grenade", "test"), item("b1", None, "dev")]
    new = [item(f"n{k}", "Grenade") for k in range(4)] + [item("m1", None)]
    done = assign_splits(old + new)
    assert done[:3] == old  # never moved
    grenade = Counter(i.split for i in done if i.label == "Grenade")
    assert grenade == {"dev": 3, "test": 3}
    assert next(i.split for i in done if i.id == "m1") == "test"  # no event had 1 dev, 0 test


def test_written_set_reads_back_the_same(tmp_path):
    items = read_prose(write(tmp_path, line("a", "One.", "Grenade"), line("b", "Two.", None, split=None)))
    done = assign_splits(items)
    write_prose(done, tmp_path / "again.jsonl")
    again = read_prose(tmp_path / "again.jsonl")
    assert again == done and again[1].split == "test"  # its class had no item yet: a tie goes to test
    assert again[0].published.isoformat() == "2012-09-23"


def test_assign_splits_does_not_depend_on_file_order():
    new = [item(f"n{k}", "Attack") for k in range(7)]
    forward = {i.id: i.split for i in assign_splits(new)}
    backward = {i.id: i.split for i in assign_splits(list(reversed(new)))}
    assert forward == backward


# ------------------------------------------------------------------ the loader refuses bad sets


@pytest.mark.parametrize("bad, message", [
    (line("x", "A text.", "Grenade", label="Airstrike"), "not an ACLED sub-event type"),
    (line("x", "A text.", "Grenade", event_type="Battles"), "does not fit label"),
    (line("x", "A text.", None, event_type="Battles"), "does not fit label"),
    (line("x", "A text.", "Grenade", split="holdout"), "not train, dev, test"),
    (line("x", "  ", "Grenade"), "empty text"),
    (line("x", "A text.", "Grenade", published="last week"), "not a date"),
    ('{"id": "x", "text": "A text."}', r"missing field\(s\) source"),
    ("{not json", "not JSON"),
])
def test_loader_names_the_line_and_the_problem(tmp_path, bad, message):
    path = write(tmp_path, line("ok", "Fine.", None), bad)
    with pytest.raises(EvalError, match=message) as err:
        read_prose(path)
    assert f"{path}:2" in str(err.value)


def test_loader_refuses_duplicate_texts_and_ids(tmp_path):
    with pytest.raises(EvalError, match="duplicate text"):
        read_prose(write(tmp_path, line("a", "The  Same text.", None), line("b", "the same text.", None)))
    with pytest.raises(EvalError, match="duplicate id"):
        read_prose(write(tmp_path, line("a", "One.", None), line("a", "Two.", None)))


def test_missing_set_is_a_clear_error(tmp_path):
    with pytest.raises(EvalError, match="news-prose set not found"):
        read_prose(tmp_path / "nowhere.jsonl")


def test_coverage_problems_name_the_thin_classes():
    items = [item(f"g{k}", "Grenade", "dev") for k in range(10)] + [item("n", None, "test")]
    problems = coverage_problems(items)
    assert "Grenade" not in " ".join(problems)
    assert "Chemical weapon: 0 items (need 10)" in problems
    assert "no event: 1 items (need 40)" in problems


# ------------------------------------------------------------------ metrics and report without the model


def test_weighted_f1_weights_classes_by_support():
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), (NO_EVENT, "B")]
    # A: p 1, r 2/3, F1 0.8 (support 3); B: p 1/3, r 1, F1 0.5 (support 1)
    assert weighted_f1(pairs) == pytest.approx((0.8 * 3 + 0.5 * 1) / 4)


class KeywordPipeline:
    """One event per text that names a fight or a ceasefire; nothing otherwise."""

    def run(self, articles, batch_size=16):
        from sitrep.fuse import fuse_article

        for art in articles:
            sub = "Armed clash" if "fighting" in art.text else None
            yield ArticleResult(art, fuse_article(art, [f.claim(sub, day=art.published)]) if sub else [])


def test_report_scores_the_primary_event_and_no_event_items(tmp_path):
    path = write(tmp_path, line("c1", CLASH, "Armed clash"), line("a1", AGREED, "Agreement"),
                 line("v1", VISIT, None), line("d1", DRONE, "Air/drone strike", split="test"))
    report = evaluate_prose(path, Options(split="dev", errors=5), pipeline=KeywordPipeline())
    metrics = {m["label"]: m["primary"] for m in report["metrics"]}
    assert report["summary"]["items"] == 3  # the test item is left out
    assert metrics["sub_event_type accuracy (event items)"] == {"value": 0.5, "n": 2}
    assert metrics["no-event items that give no event"] == {"value": 1.0, "n": 1}
    # Armed clash: p 1/2 r 1 F1 2/3; Agreement: F1 0 -> macro 1/3
    assert metrics["sub_event_type macro-F1 (gold sub-types)"]["value"] == pytest.approx(1 / 3)
    confusions = next(t for t in report["tables"] if "confusions" in t["title"])
    assert confusions["rows"] == [["Agreement", "Armed clash", 1]]
    [error] = report["errors"]
    assert (error["id"], error["gold"], error["predicted"]) == ("a1", "Agreement", "Armed clash")
    text = render_prose(report)
    assert "[a1] gold Agreement | predicted Armed clash" in text
    assert "Excessive force" not in text  # classes absent from the selection are not listed


def test_training_passages_are_never_scored(tmp_path):
    path = write(tmp_path, line("c1", CLASH, "Armed clash", split="train"),
                 line("c2", CLASH + " Again.", "Armed clash", split="dev"),
                 line("c3", CLASH + " Once more.", "Armed clash", split="test"))
    scored = {s: evaluate_prose(path, Options(split=s), pipeline=KeywordPipeline())["summary"]["items"]
              for s in ("all", "dev", "train")}
    assert scored == {"all": 2, "dev": 1, "train": 1}


def test_unknown_split_is_refused(tmp_path):
    path = write(tmp_path, line("c1", CLASH, "Armed clash"))
    with pytest.raises(EvalError, match="splits train, dev, test, all"):
        evaluate_prose(path, Options(split="holdout"), pipeline=KeywordPipeline())


# ------------------------------------------------------------------ end to end with the model


@pytest.mark.model
def test_cli_runs_the_real_pipeline_end_to_end(tmp_path, capsys):
    path = write(tmp_path, line("d1", DRONE, "Air/drone strike"), line("v1", VISIT, None),
                 line("c1", CLASH, "Armed clash", split="test"))
    assert main(["eval", "prose", str(path), "--split", "all", "--json", "--errors", "3"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["items"] == 3
    per_class = next(t for t in report["tables"] if t["title"].startswith("sub_event_type per class"))
    drone = next(r for r in per_class["rows"] if r[0] == "Air/drone strike")
    assert drone[1:3] == ["100.0%", "100.0%"]  # the drone strike is found and nothing else is called one
    decided = next(t for t in report["tables"] if t["title"].startswith("Primary events by what decided"))
    assert sum(r[1] for r in decided["rows"]) == 3 - report["summary"]["items with no predicted event"]
    assert all(set(e) >= {"text", "gold", "predicted", "decided_by"} for e in report["errors"])


@pytest.mark.model
def test_cli_default_is_the_bundled_dev_split(capsys):
    assert main(["eval", "prose", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "split                          dev" in out
    assert "items                          2" in out
