"""sitrep eval: the split, gold readers, metrics, matching and reports.

Everything but the last test runs without the spaCy model: the pipeline is replaced by a
fake that fuses hand-built claims (tests/factories.py), and actor comparison by a stub.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import factories as f
import pytest

from sitrep.evaluate import Options, acled, articles, hrdsattack, matching, metrics, names, split, ucdp
from sitrep.evaluate.cases import Case, EvalError, Gold, select
from sitrep.evaluate.compare import actor_ok
from sitrep.evaluate.report import render
from sitrep.evaluate.scoring import score_acled, score_cases
from sitrep.evaluate.suites import evaluate_acled, evaluate_articles
from sitrep.model import ArticleResult


def exact(a: str, b: str, country: str | None) -> bool:
    """Actor comparison without the registry: names equal ignoring case."""
    return a.lower() == b.lower()


# ------------------------------------------------------------------ split


@pytest.mark.parametrize("key, expected", [
    ("hello world", "train"), ("IS targets SDF in al-Raqqa countryside", "test"), ("z", "test"),
    ("key 0", "dev"), ("key 34", "dev"), ("Clashes on many fronts of Aleppo", "train"),
])
def test_split_is_pinned(key, expected):
    assert split.split_of(key) == expected


def test_split_ignores_case_and_spacing():
    messy = "IS targets  SDF\nin al-Raqqa countryside "
    assert split.bucket(messy) == split.bucket("is targets sdf in al-raqqa countryside")


def test_split_proportions():
    counts = {s: 0 for s in split.SPLITS}
    for i in range(10000):
        counts[split.split_of(f"text {i}")] += 1
    assert 6700 < counts["train"] < 7300 and 1300 < counts["dev"] < 1700 and 1300 < counts["test"] < 1700


def test_fixed_sample_is_seeded_and_ordered():
    items = list(range(100))
    a, b = split.fixed_sample(items, 10, seed=3), split.fixed_sample(items, 10, seed=3)
    assert a == b == sorted(a) and len(a) == 10
    assert split.fixed_sample(items, 10, seed=4) != a


# ------------------------------------------------------------------ ACLED readers

MODERN = """event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
SYR1,2022-03-01,2022.0,1.0,Political violence,Battles,Armed clash,HTS,,2.0,Military Forces of Syria (2000-),,1.0,12.0,,760.0,Middle East,Syria,Idleb,Ariha,,Ariha,35.81,36.61,1.0,SOHR,Other,"On 1 March 2022, HTS clashed with regime forces near Ariha. 2 killed.",2.0,,1
SYR2,2022-03-01,2022.0,1.0,Political violence,Battles,Armed clash,HTS,,2.0,Military Forces of Syria (2000-),,1.0,12.0,,760.0,Middle East,Syria,Idleb,Ariha,,Kafr Nabl,35.61,36.56,1.0,SOHR,Other,"On 1 March 2022, HTS clashed with regime forces near Ariha. 2 killed.",0.0,,1
"""
SCHEMA_2020 = """data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3
1,4,AFG1,1,"21 March 2020",2020,1,Battles,"Armed clash",Taliban,,2,"Military Forces of Afghanistan (2014-)",,1,12,Asia,Afghanistan,Balkh,X,,Dawlat Abad,36.98,66.82,2,Xinhua,National,"On 21 March 2020, 12 Taliban were killed in Dawlat Abad.",12,1,AFG
2,404,KEN1,1,9-May-20,2020,1,Protests,Peaceful protest,Protesters (Kenya),,6,,,0,60,Africa,Kenya,Nairobi,X,,Nairobi,-1.28,36.81,1,Nation,National,"On 9 May 2020, traders protested in Nairobi.",0,1,KEN
"""
OLD = """GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES
615,1RTA,,29/12/2015,2015,1,Riots/Protests,Protesters (Algeria),,6,,,0,60,Algeria,Batna,Batna,,Batna,35.55,6.17,1,El Watan,Workers staged a sit-in in Batna.,0
615,2RTA,,30/12/2015,2015,1,Battle-No change of territory,AQIM,,2,Military Forces of Algeria,,1,12,Algeria,Skikda,,,Skikda,36.8,6.9,1,APS,Soldiers clashed with AQIM near Skikda.,1
615,3RTA,,31/12/2015,2015,1,Shooting,Unknown,,0,,,0,0,Algeria,Chlef,,,Chlef,36.1,1.3,1,X,Not an ACLED type.,0
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, schema", [(MODERN, "modern"), (SCHEMA_2020, "2020"), (OLD, "old")])
def test_schema_detection(text, schema):
    assert acled.detect_schema(text.splitlines()[0].split(",")) == schema


def test_not_acled_is_refused(tmp_path):
    with pytest.raises(EvalError, match="not an ACLED export"):
        acled.read_acled([write(tmp_path, "x.csv", "a,b\n1,2\n")])


def test_rows_sharing_notes_and_date_are_one_case(tmp_path):
    load = acled.read_acled([write(tmp_path, "m.csv", MODERN)])
    (case,) = load.cases
    assert case.id == "SYR1" and case.published == dt.date(2022, 3, 1) and len(case.golds) == 2
    g = case.golds[0]
    assert (g.event_type, g.sub_event_type, g.actor1, g.admin1, g.fatalities) == (
        "Battles", "Armed clash", ("HTS",), ("Idleb",), 2)


def test_2020_schema_reads_lenient_dates(tmp_path):
    cases = acled.read_acled([write(tmp_path, "a.csv", SCHEMA_2020)]).cases
    assert [c.published for c in cases] == [dt.date(2020, 3, 21), dt.date(2020, 5, 9)]
    assert cases[1].golds[0].actor2 == ()  # no actor2: one-sided


def test_old_schema_maps_event_types_only(tmp_path):
    load = acled.read_acled([write(tmp_path, "o.csv", OLD)])
    golds = [c.golds[0] for c in load.cases]
    assert [(g.event_type, g.sub_event_type) for g in golds] == [
        (acled.PROTESTS_OR_RIOTS, None), ("Battles", None)]
    assert sum(load.skipped.values()) == 1  # "Shooting" is no ACLED type


@pytest.mark.parametrize("value, day", [
    ("2022-06-08", dt.date(2022, 6, 8)), ("21 March 2020", dt.date(2020, 3, 21)),
    ("9-May-20", dt.date(2020, 5, 9)), ("31-12-19", dt.date(2019, 12, 31)),
    ("01-January-2015", dt.date(2015, 1, 1)), ("2021-01-02T00:00:00Z", dt.date(2021, 1, 2)),
    ("29/12/2015", dt.date(2015, 12, 29)), ("NA", None),
])
def test_dates_are_read_leniently(value, day):
    from sitrep.evaluate.fields import parse_date

    assert parse_date(value) == day


# ------------------------------------------------------------------ metrics


def test_accuracy_and_macro_f1():
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("C", metrics.NO_EVENT)]
    assert metrics.accuracy(pairs) == 0.5
    table = {r["class"]: r for r in metrics.per_class(pairs)}
    assert table["A"]["precision"] == 1.0 and table["A"]["recall"] == 0.5
    assert table["B"]["precision"] == 0.5 and table["B"]["recall"] == 1.0
    assert table["C"]["f1"] == 0.0 and metrics.NO_EVENT not in table
    assert metrics.macro_f1(pairs) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)


def test_macro_f1_averages_gold_classes_only():
    pairs = [("A", "A"), ("A", "B")]  # B is only predicted: listed, not averaged
    assert [r["class"] for r in metrics.per_class(pairs)] == ["A", "B"]
    assert metrics.macro_f1(pairs) == pytest.approx(2 / 3)


def test_confusions_count_disagreements():
    pairs = [("A", "B"), ("A", "B"), ("B", "A"), ("A", "A")]
    assert metrics.confusions(pairs, 1) == [{"gold": "A", "predicted": "B", "count": 2}]


def test_km_distance():
    assert metrics.km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)
    assert metrics.km(33.5138, 36.2765, 36.2021, 37.1343) == pytest.approx(308, abs=5)  # Damascus-Aleppo


@pytest.mark.parametrize("pred, gold, ok", [(9, 10, True), (11, 10, True), (12, 10, False), (0, 0, True),
                                            (1, 0, False), (None, 3, False)])
def test_within_ten_percent(pred, gold, ok):
    assert metrics.within_pct(pred, gold) is ok


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("a, b", [("Nord Kivu", "Nord-Kivu"), ("Ta'izz", "Taizz"), ("Homs Governorate", "Homs"),
                                  ("Équateur", "Equateur"), ("Idlib governorate", "IDLIB")])
def test_names_equal_after_folding(a, b):
    assert names.same_name(a, b)


@pytest.mark.parametrize("a, b, variant", [("Nangarhar", "Nangahar", True), ("Hamah Governorate", "Hama", True),
                                           ("Ar Raqqah", "Raqqa", True), ("North Kivu", "South Kivu", False),
                                           ("Sagaing", "Yangon", False)])
def test_spelling_variants(a, b, variant):
    assert names.spelling_variant(a, b) is variant


def test_country_aliases():
    assert names.same_country("USA", "United States") and names.same_country("People's Republic of China", "China")
    assert not names.same_country("Niger", "Nigeria")


# ------------------------------------------------------------------ matching and scoring


def gold(**kw) -> Gold:
    base = dict(id="g", country="Syria", event_type="Battles", sub_event_type="Armed clash", actor1=("HTS",),
                actor2=("Military Forces of Syria",), admin1=("Aleppo",), latitude=36.2, longitude=37.16,
                fatalities=3, event_date=dt.date(2024, 5, 1))
    return Gold(**{**base, **kw})


def pred(**kw) -> dict:
    base = dict(event_type="Battles", sub_event_type="Armed clash", actor1="HTS", actor2="Military Forces of Syria",
                inter1=2, admin1="Aleppo", location="Aleppo", latitude=36.2, longitude=37.16, fatalities=3,
                event_date="2024-05-01", claims=[], aggregate=False)
    return {**base, **kw}


def test_greedy_assignment_is_one_to_one():
    golds = [gold(id="near idlib", latitude=35.93, longitude=36.63), gold(id="aleppo")]
    preds = [pred(), pred(latitude=35.93, longitude=36.63, location="Idlib")]
    assert matching.greedy(golds, preds, matching.closeness) == [1, 0]
    assert matching.greedy(golds, preds[:1], matching.closeness) == [None, 0]  # leftover gold: missed
    assert matching.primary(golds, preds) == [0, 0]


def test_same_event_needs_type_place_and_day():
    g = gold()
    assert matching.same_event(g, pred()) is not None
    assert matching.same_event(g, pred(event_type="Riots")) is None
    assert matching.same_event(g, pred(event_date="2024-05-02")) is None
    assert matching.same_event(g, pred(latitude=33.5, longitude=36.3)) is None  # Damascus, 300 km
    assert matching.same_event(g, pred(sub_event_type="Government regains territory")) < matching.same_event(g, pred())


def test_score_acled_fields():
    row = score_acled(gold(), pred(actor2=None, fatalities=4, admin1="Halab", latitude=36.3), exact)
    c = row.checks
    assert c["event_type"] and c["sub_event_type"] and c["actor1"] and c["event_date"]
    assert c["actor2"] is False and c["fatalities"] is False and c["admin1"] is False
    assert c["within_25km"] and not c["within_5km"] and row.km == pytest.approx(11.1, abs=0.2)
    assert c["inter1"] is None  # gold codes no inter1


def test_no_event_is_wrong_everywhere():
    row = score_acled(gold(actor2=()), None, exact)
    assert all(v is False for v in row.checks.values() if v is not None)
    assert row.checks["actor2"] is False and row.labels["event_type"][1] == metrics.NO_EVENT
    assert math.isinf(row.km)


def test_old_riots_protests_accepts_either():
    g = gold(event_type=acled.PROTESTS_OR_RIOTS, sub_event_type=None)
    assert score_acled(g, pred(event_type="Riots"), exact).checks["event_type"]
    assert score_acled(g, pred(event_type="Protests"), exact).checks["event_type"]
    assert not score_acled(g, pred(event_type="Battles"), exact).checks["event_type"]
    old_battle = gold(sub_event_type=None, extra={"schema": "old"})  # its Protests is the old class too
    assert score_acled(old_battle, pred(event_type="Protests"), exact).labels["event_type"] == (
        "Battles", acled.PROTESTS_OR_RIOTS)


def test_actor_rules():
    assert actor_ok(("Civilians",), "Civilians (Kenya)", None, exact)  # word-start part of the name
    assert not actor_ok(("IS",), "Police Forces of Pakistan", None, exact)  # too short to be a part
    assert actor_ok((), None, None, exact) and not actor_ok((), "X", None, exact)
    assert actor_ok(None, "X", None, exact) is None


def test_battle_sides_in_either_order():
    """The codebook gives actor order no meaning outside violence against civilians: a battle's
    two sides swapped are right; half a swap, or a swapped attack on civilians, is not."""
    swapped = pred(actor1="Military Forces of Syria", actor2="HTS")
    assert [score_acled(gold(), swapped, exact).checks[k] for k in ("actor1", "actor2")] == [True, True]
    half = pred(actor1="Military Forces of Syria", actor2="Hezbollah")
    assert [score_acled(gold(), half, exact).checks[k] for k in ("actor1", "actor2")] == [False, False]
    attack = gold(event_type="Violence against civilians", sub_event_type="Attack", actor2=("Civilians (Syria)",))
    victims_first = pred(event_type="Violence against civilians", sub_event_type="Attack",
                         actor1="Civilians (Syria)", actor2="HTS")
    assert [score_acled(attack, victims_first, exact).checks[k] for k in ("actor1", "actor2")] == [False, False]


def test_strict_actor_order_on_request(monkeypatch):
    monkeypatch.setenv("SITREP_ACTOR_ORDER", "strict")
    swapped = pred(actor1="Military Forces of Syria", actor2="HTS")
    assert [score_acled(gold(), swapped, exact).checks[k] for k in ("actor1", "actor2")] == [False, False]


def test_score_cases_primary_and_best():
    case = Case("c", "text", None, (gold(id="a", latitude=35.93, longitude=36.63), gold(id="b")), "text")
    preds = [[pred(), pred(latitude=35.93, longitude=36.63)]]
    primary = score_cases([case], preds, "primary", score_acled, exact)
    best = score_cases([case], preds, "best", score_acled, exact)
    assert [r.checks["within_5km"] for r in primary] == [False, True]
    assert [r.checks["within_5km"] for r in best] == [True, True]


# ------------------------------------------------------------------ UCDP

UCDP_CSV = """id,year,side_a,side_b,source_headline,adm_1,latitude,longitude,country,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high,type_of_violence
1.0,2016.0,Government of Syria,IS,Clashes near Palmyra;Regime advances,Homs Governorate,34.55,38.27,Syria,2016-03-01,2016-03-01,2.0,3.0,0.0,0.0,5.0,5.0,7.0,1.0
2.0,2016.0,IS,Civilians,,Homs Governorate,34.55,38.27,Syria,2016-03-01,2016-03-01,0.0,0.0,1.0,0.0,1.0,1.0,1.0,3.0
"""


def test_ucdp_rows_and_side_names(tmp_path):
    load = ucdp.read_ucdp([write(tmp_path, "u.csv", UCDP_CSV)])
    (case,) = load.cases
    assert case.text == "Clashes near Palmyra\nRegime advances" and load.skipped["no source_headline"] == 1
    assert "Military Forces of Syria" in case.golds[0].extra["side_a"]
    assert ucdp.side_names("IS", "Syria")[1:] == ("Islamic State (Syria)", "Islamic State")
    assert ucdp.side_names("HTS, Rahman Corps", "Syria")[:2] == ("HTS", "Rahman Corps")


def test_ucdp_scoring(tmp_path):
    (case,) = ucdp.read_ucdp([write(tmp_path, "u.csv", UCDP_CSV)]).cases
    p = pred(actor1="Islamic State (Syria)", actor2="Military Forces of Syria", fatalities=6, fatalities_best=6,
             fatalities_by_party={"Military Forces of Syria": 2}, admin1="Homs", latitude=34.55, longitude=38.27,
             event_date="2016-02-29")
    c = ucdp.score_ucdp(case.golds[0], p, exact).checks
    assert c["side_a"] and c["side_b"] and c["both_sides"] and c["deaths_a"] and c["deaths_b"] is False
    assert c["fatalities_best"] is False and c["fatalities_in_range"] and c["admin1"]
    assert c["event_date"] is False and c["event_date_1day"]


# ------------------------------------------------------------------ articles, HRDsAttack


def test_sitrep_article_format(tmp_path):
    record = {"article": {"id": "a1", "text": "On Tuesday ...", "published": "2024-10-17"},
              "events": [{"sub_event_type": "Air/drone strike", "actor1": ["RSF", "Rapid Support Forces"],
                          "actor2": None, "event_date": "2024-10-15", "admin1": "North Darfur"}],
              "not_events": ["the RSF has besieged it"]}
    path = write(tmp_path, "g.jsonl", json.dumps(record) + "\n")
    (case,) = articles.sitrep_cases(articles.read_article_file(path), str(path))
    g = case.golds[0]
    assert (g.event_type, g.actor1, g.actor2, g.event_date) == (
        "Explosions/Remote violence", ("RSF", "Rapid Support Forces"), (), dt.date(2024, 10, 15))
    assert case.extra["not_events"] == ["the RSF has besieged it"]


def test_bad_article_record_names_it(tmp_path):
    path = write(tmp_path, "g.json", json.dumps([{"article": {"id": "x", "text": "t"},
                                                  "events": [{"sub_event_type": "Bombing"}]}]))
    with pytest.raises(EvalError, match="record 1 event 1: unknown sub_event_type"):
        articles.sitrep_cases(articles.read_article_file(path), str(path))


def test_quotes_that_became_events():
    events = [pred(claims=[{"text": "Background: the RSF has besieged it since May."}]),
              pred(aggregate=True, claims=[{"text": "killed 14 over two days"}])]
    assert articles.quote_events(["the RSF has besieged it", "killed 14 over two days"], events) == [
        "the RSF has besieged it"]


def test_hrdsattack_adapter():
    item = {"sample": {"Input.GLOBALEVENTID": 7, "Input.title": "T", "Input.publish_date": "2021-08-08 05:44:00",
                       "Input.article_interface": "<p>Police arrested a lawyer in Minsk.</p> <p>He&#39;s held.</p>"},
            "merged_sample": {"perpetrator_mention": True, "perpetrator_type": "state actor", "year": "2021.0",
                              "month": "August", "date": None, "city": "Minsk", "region": "None",
                              "country": "Belarus", "violation_types": ["arbitrary detention"]}}
    assert hrdsattack.is_hrdsattack([item])
    (case,) = hrdsattack.hrds_cases([item], "x")
    assert case.text == "Police arrested a lawyer in Minsk.\nHe's held." and case.published == dt.date(2021, 8, 8)
    g = case.golds[0]
    ok = hrdsattack.score_hrds(g, pred(country="Belarus", location="Minsk", admin1="Minsk City", inter1=1,
                                       event_date="2021-08-06")).checks
    assert ok == {"country": True, "admin1": None, "city": True, "date": True, "perpetrator_inter": True}
    assert hrdsattack.score_hrds(g, pred(inter1=2, event_date="2021-07-06")).checks["perpetrator_inter"] is False


# ------------------------------------------------------------------ suites with a fake pipeline


class FakePipeline:
    """Fuses one hand-built claim per article: the event the text is 'about'."""

    def run(self, items, batch_size=16):
        from sitrep.fuse import fuse_article

        for art in items:
            claim = f.claim(day=art.published, fatalities=f.toll(2)) if "clash" in art.text else None
            yield ArticleResult(art, fuse_article(art, [claim]) if claim else [])


def test_select_filters_split_country_sample_limit(tmp_path):
    cases = acled.read_acled([write(tmp_path, "a.csv", SCHEMA_2020)]).cases
    assert len(select(cases, Options(split="all", country="Kenya"))) == 1
    assert len(select(cases, Options(split="all", country="AFG"))) == 1
    assert len(select(cases, Options(split="all", limit=1))) == 1
    expected = sum(split.split_of(c.split_key) == "test" for c in cases)
    assert len(select(cases, Options(split="test"))) == expected


def test_acled_report_without_model(tmp_path):
    report = evaluate_acled([write(tmp_path, "m.csv", MODERN)], Options(split="all", errors=3),
                            same=exact, pipeline=FakePipeline())
    lines = {m["label"]: m for m in report["metrics"]}
    # 2 gold rows with one text, 1 predicted event: primary compares both rows with it,
    # best-matched gives it to one row and counts the other as missed
    assert lines["event_type accuracy"]["primary"]["value"] == 1.0
    assert lines["event_type accuracy"]["best"]["value"] == 0.5
    assert lines["no event predicted"]["best"]["value"] == 0.5
    text = render(report)
    for heading in ("Summary", "Metrics", "event_type per class", "By country", "Worst cases"):
        assert heading in text
    json.dumps(report, default=str)


def test_articles_report_counts_precision_recall(tmp_path):
    record = {"article": {"id": "a1", "text": "HTS clash with the army in Aleppo.", "published": "2024-05-01"},
              "events": [{"sub_event_type": "Armed clash", "actor1": "HTS", "event_date": "2024-05-01",
                          "latitude": 36.2, "longitude": 37.16, "location": "Aleppo"},
                         {"sub_event_type": "Attack", "event_date": "2024-05-01", "location": "Idlib"}]}
    path = write(tmp_path, "g.json", json.dumps([record]))
    report = evaluate_articles([str(path)], Options(split="all"), same=exact, pipeline=FakePipeline())
    assert report["summary"]["event precision"] == "100.0%" and report["summary"]["event recall"] == "50.0%"


# ------------------------------------------------------------------ end to end, with the model


@pytest.mark.model
def test_cli_eval_acled_end_to_end(tmp_path, capsys):
    from sitrep.cli import main

    rows = SCHEMA_2020.splitlines() + [
        '3,760,SYR9,9,"02 March 2020",2020,1,Explosions/Remote violence,Air/drone strike,'
        '"Military Forces of Russia (2000-)",,8,"Civilians (Syria)",,7,78,Middle East,Syria,Idleb,Ariha,,Ariha,'
        '35.81,36.61,1,SOHR,Other,"On 2 March 2020, Russian warplanes struck Ariha, killing 4 civilians.",4,1,SYR',
        '4,760,SYR10,10,"03 March 2020",2020,1,Battles,Armed clash,HTS,,2,"Military Forces of Syria (2000-)",,1,12,'
        'Middle East,Syria,Idleb,Saraqab,,Saraqab,35.86,36.8,1,SOHR,Other,'
        '"On 3 March 2020, HTS fighters clashed with regime forces near Saraqab.",0,1,SYR',
        '5,404,KEN2,2,"04 March 2020",2020,1,Riots,Mob violence,Rioters (Kenya),,5,Civilians (Kenya),,7,57,Africa,'
        'Kenya,Kisumu,X,,Kisumu,-0.1,34.75,1,Nation,National,'
        '"On 4 March 2020, a mob lynched a suspected thief in Kisumu.",1,1,KEN',
    ]
    path = write(tmp_path, "five.csv", "\n".join(rows) + "\n")
    assert main(["eval", "acled", str(path), "--split", "all", "--errors", "2"]) == 0
    out = capsys.readouterr().out
    for heading in ("ACLED notes", "Summary", "Metrics", "event_type accuracy", "sub_event_type per class",
                    "Top event_type confusions", "By country"):
        assert heading in out
    assert "texts                                       5" in out
    assert main(["eval", "acled", str(path), "--split", "all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["gold events"] == 5


def test_admin1_table_makes_two_spellings_one_name():
    from sitrep.evaluate import names

    assert names.same_name("Sagain", "Sagaing")
    assert names.same_name("Rif Dimashq Governorate", "Rural Damascus")
    assert not names.same_name("Aleppo", "Idlib")
