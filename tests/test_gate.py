"""The evaluation gate's logic on hand-made metric dicts: no model, no data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import build_parser
from sitrep.evaluate.gate import (SUITES, GateRun, Measured, bound_of, compare, gate_main, margin_points,
                                  pick_metrics, run_gate, updated_baseline)


def pinned(**pins: float) -> dict:
    """A baseline: name=floor, or name=-ceiling for lower-is-better (no_event) metrics."""
    return {"version": 1, "metrics": {
        k.replace("__", "."): ({"ceiling": -v} if v < 0 else {"floor": v}) for k, v in pins.items()}}


# ------------------------------------------------------------------ margin


def test_margin_is_1_5_points_from_200():
    assert margin_points(200) == margin_points(300) == margin_points(10_000) == 1.5


def test_margin_grows_for_small_samples_and_is_capped():
    assert margin_points(50) == 3.0  # 1.5 * sqrt(200 / 50)
    assert margin_points(20) == 4.7
    assert margin_points(199) == 1.5
    assert margin_points(1) == 10.0 and margin_points(0) == 10.0


def test_floor_is_measured_minus_margin_rounded_down():
    assert bound_of(Measured(84.0, 300)) == 82.5
    assert bound_of(Measured(67.33, 300)) == 65.8
    assert bound_of(Measured(70.4, 50)) == 67.4  # margin 3.0


def test_ceiling_is_measured_plus_margin_rounded_up():
    assert bound_of(Measured(5.33, 300, lower=True)) == 6.9


# ------------------------------------------------------------------ comparison


def test_metric_at_or_above_floor_passes_below_fails():
    base = pinned(acled__event_type=80.0, acled__actor1=60.0)
    run = {"acled.event_type": Measured(80.0, 300), "acled.actor1": Measured(59.9, 300)}
    verdicts = {v.name: v.ok for v in compare(run, base)}
    assert verdicts == {"acled.event_type": True, "acled.actor1": False}


def test_every_failing_metric_is_named(tmp_path, capsys):
    base = pinned(acled__event_type=80.0, acled__actor1=60.0, acled__admin1=40.0)
    run = GateRun(metrics={"acled.event_type": Measured(70.0, 300), "acled.actor1": Measured(50.0, 300),
                           "acled.admin1": Measured(45.0, 300)}, ran=["acled"])
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(base))
    code = gate_main(path, tmp_path, runner=lambda **_: run)
    out = capsys.readouterr().out
    assert code == 1
    failed = out.strip().splitlines()[-1]
    assert "acled.event_type" in failed and "acled.actor1" in failed and "acled.admin1" not in failed


def test_ceiling_metric_fails_when_above():
    base = pinned(acled__no_event_rate=-7.0)
    assert [v.ok for v in compare({"acled.no_event_rate": Measured(6.9, 300, True)}, base)] == [True]
    assert [v.ok for v in compare({"acled.no_event_rate": Measured(7.2, 300, True)}, base)] == [False]


def test_pinned_metric_not_measured_fails():
    base = pinned(acled__event_type=80.0)
    assert [v.ok for v in compare({}, base)] == [False]
    assert [v.ok for v in compare({"acled.event_type": Measured(None, 0)}, base)] == [False]


def test_suites_that_did_not_run_are_not_compared():
    base = pinned(acled__event_type=80.0, ucdp_syria__side_a=10.0)
    verdicts = compare({"acled.event_type": Measured(81.0, 300)}, base, suites_ran=["acled"])
    assert [v.name for v in verdicts] == ["acled.event_type"]


def test_a_drop_within_the_margin_passes():
    measured = Measured(84.0, 300)
    base = {"metrics": {"acled.event_type": {"floor": bound_of(measured)}}}
    assert compare({"acled.event_type": Measured(84.0 - 1.5, 300)}, base)[0].ok
    assert not compare({"acled.event_type": Measured(84.0 - 1.7, 300)}, base)[0].ok


# ------------------------------------------------------------------ --update


def test_update_writes_floors_from_the_run():
    new, lowered = updated_baseline({"acled.event_type": Measured(84.0, 300),
                                     "acled.no_event_rate": Measured(5.0, 300, True)}, {"metrics": {}})
    assert lowered == []
    assert new["metrics"]["acled.event_type"]["floor"] == 82.5
    assert new["metrics"]["acled.no_event_rate"]["ceiling"] == 6.5
    assert new["metrics"]["acled.event_type"]["measured"] == 84.0


def test_update_raises_floors_freely():
    new, lowered = updated_baseline({"acled.event_type": Measured(90.0, 300)}, pinned(acled__event_type=80.0))
    assert lowered == [] and new["metrics"]["acled.event_type"]["floor"] == 88.5


def test_update_refuses_to_lower_a_floor_without_allow_lower():
    old = pinned(acled__event_type=80.0, acled__actor1=60.0)
    run = {"acled.event_type": Measured(70.0, 300), "acled.actor1": Measured(70.0, 300)}
    new, lowered = updated_baseline(run, old)
    assert new == old  # unchanged, not even the raised floor
    assert len(lowered) == 1 and lowered[0].startswith("acled.event_type: floor 80.0 -> 68.5")
    new, lowered = updated_baseline(run, old, allow_lower=True)
    assert new["metrics"]["acled.event_type"]["floor"] == 68.5 and new["metrics"]["acled.actor1"]["floor"] == 68.5


def test_update_refuses_to_loosen_a_ceiling():
    old = pinned(acled__no_event_rate=-6.0)
    _, lowered = updated_baseline({"acled.no_event_rate": Measured(10.0, 300, True)}, old)
    assert lowered and "ceiling 6.0 -> 11.5" in lowered[0]
    _, lowered = updated_baseline({"acled.no_event_rate": Measured(2.0, 300, True)}, old)
    assert lowered == []


def test_update_refuses_to_drop_a_metric_but_keeps_pins_of_suites_not_run():
    old = pinned(acled__event_type=80.0, ucdp_syria__side_a=10.0)
    _, lowered = updated_baseline({}, old, suites_ran=["acled"])
    assert lowered and "no longer measured" in lowered[0]
    new, lowered = updated_baseline({"acled.event_type": Measured(85.0, 300)}, old, suites_ran=["acled"])
    assert lowered == [] and new["metrics"]["ucdp_syria.side_a"] == {"floor": 10.0}


def test_update_command_refuses_and_leaves_the_file(tmp_path, capsys):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(pinned(acled__event_type=80.0)))
    before = path.read_text()
    run = GateRun(metrics={"acled.event_type": Measured(70.0, 300)}, ran=["acled"])
    assert gate_main(path, tmp_path, update=True, runner=lambda **_: run) == 2
    assert path.read_text() == before
    assert "refusing to lower" in capsys.readouterr().out
    assert gate_main(path, tmp_path, update=True, allow_lower=True, runner=lambda **_: run) == 0
    assert json.loads(path.read_text())["metrics"]["acled.event_type"]["floor"] == 68.5


# ------------------------------------------------------------------ missing data


def test_missing_data_is_skipped_with_exit_0(tmp_path, capsys):
    no_data = tmp_path / "nowhere"
    shared = tuple(s for s in SUITES if s.path)  # golden lives in the repo
    run = run_gate(data=no_data, suites=shared, pipeline=object())  # the pipeline is never used
    assert run.ran == [] and len(run.skipped) == len(shared)
    assert all(line.startswith("skipped: ") and line.endswith(" not found") for line in run.skipped)
    code = gate_main(tmp_path / "baseline.json", no_data, runner=lambda **kw: run_gate(suites=shared, **kw))
    out = capsys.readouterr().out
    assert code == 0
    assert "skipped: acled:" in out and "not found" in out


def test_missing_baseline_fails(tmp_path, capsys):
    run = GateRun(metrics={"acled.event_type": Measured(70.0, 300)}, ran=["acled"])
    assert gate_main(tmp_path / "none.json", tmp_path, runner=lambda **_: run) == 2
    assert "--update" in capsys.readouterr().out


# ------------------------------------------------------------------ reading reports, the CLI, the pinned file


def test_pick_metrics_reads_the_primary_column_in_points():
    from sitrep.evaluate.gate import ACLED_PICKS

    report = {"metrics": [
        {"key": "event_type", "kind": "check", "primary": {"value": 0.8, "n": 10}, "best": {"value": 0.9, "n": 10}},
        {"key": "sub_event_type", "kind": "macro_f1", "primary": {"value": 0.5, "n": 10},
         "best": {"value": 0.6, "n": 10}},
        {"key": "no_event", "kind": "no_event", "primary": {"value": 0.1, "n": 10}, "best": {"value": 0.1, "n": 10}},
    ]}
    got = pick_metrics(report, ACLED_PICKS)
    assert got["event_type"].value == pytest.approx(80.0)
    assert got["sub_event_type_macro_f1"].value == pytest.approx(50.0)
    assert got["no_event_rate"].lower and "actor1" not in got


def test_cli_has_gate_options():
    args = build_parser().parse_args(["eval", "gate", "--update", "--allow-lower", "--baseline", "b.json"])
    assert args.update and args.allow_lower and args.baseline == "b.json"
    assert args.run.__name__ == "_cmd_eval_gate"


def test_the_pinned_baseline_is_well_formed():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "baseline.json"
    pins = json.loads(path.read_text())["metrics"]
    assert pins and all(("floor" in p) != ("ceiling" in p) for p in pins.values())
    assert {name.split(".")[0] for name in pins} == {s.name for s in SUITES}
