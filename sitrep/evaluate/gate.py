"""The evaluation gate (``sitrep eval gate``): fixed samples, headline metrics, pinned floors.

The gate runs the pipeline once (one model load) over four fixed samples, takes a few
headline metrics from each report and compares them with the floors pinned in a baseline
JSON file (``benchmarks/baseline.json``). A metric below its floor fails the gate; every
failing metric is named. ``--update`` rewrites the baseline from the current run, but never
lowers a floor unless ``--allow-lower`` is given (raising is always allowed).

Metrics are in points (percent, or macro-F1 x 100). Most are "higher is better" and have a
floor = measured - margin; the no-event rate is "lower is better" and has a ceiling =
measured + margin (loosening a ceiling counts as lowering). The margin absorbs noise from
small, unrelated changes: ``margin_points(n)`` is 1.5 points for n >= 200 and grows like
sampling noise, 1.5 * sqrt(200 / n), for smaller n (20 golden events: 4.7 points), capped
at 10 points. See docs/evaluation.md.
"""
from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_BASELINE = ROOT / "benchmarks" / "baseline.json"
DEFAULT_GOLDEN = (ROOT / "tests" / "golden" / "expected.yaml", ROOT / "samples" / "articles.jsonl")
MODE = "primary"  # the stricter matching mode: every gold row vs the text's first predicted event
SEED = 0
BASELINE_VERSION = 1
ABOUT = ("Floors of `sitrep eval gate` (sitrep/evaluate/gate.py, docs/evaluation.md). Points (percent; "
         "macro-F1 x 100), primary-event matching, seed 0, test split. floor = measured - margin, "
         "ceiling (no-event rate) = measured + margin; margin 1.5 points for n >= 200, 1.5*sqrt(200/n) below. "
         "Rewrite with `sitrep eval gate --update` (lowering needs --allow-lower).")


def margin_points(n: int) -> float:
    """Noise margin, in points, of a metric measured over n items."""
    if n >= 200:
        return 1.5
    if n <= 0:
        return 10.0
    return round(min(10.0, 1.5 * math.sqrt(200 / n)), 1)


# ------------------------------------------------------------------ what is measured


@dataclass(frozen=True)
class Pick:
    """A headline metric: gate name <- (report metric key, kind); ``lower`` = lower is better."""

    name: str
    key: str
    kind: str = "check"
    lower: bool = False


ACLED_PICKS = (
    Pick("event_type", "event_type"), Pick("sub_event_type", "sub_event_type"),
    Pick("sub_event_type_macro_f1", "sub_event_type", "macro_f1"), Pick("actor1", "actor1"),
    Pick("within_25km", "within_25km"), Pick("admin1", "admin1"), Pick("fatalities_exact", "fatalities"),
    Pick("event_date_exact", "event_date"), Pick("no_event_rate", "no_event", "no_event", lower=True),
)
UCDP_PICKS = (
    Pick("fatalities_best", "fatalities_best"), Pick("side_a", "side_a"), Pick("within_25km", "within_25km"),
    Pick("admin1", "admin1"), Pick("event_date_in_window", "event_date"),
    Pick("no_event_rate", "no_event", "no_event", lower=True),
)


@dataclass(frozen=True)
class Suite:
    """One fixed sample: a dataset file under the data folder (or in the repo), and its picks."""

    name: str
    kind: str  # acled | ucdp | golden
    path: str  # relative to the data folder ("" for golden)
    sample: int | None
    country: str | None = None
    split: str = "test"
    picks: tuple[Pick, ...] = ()


SUITES = (
    Suite("acled", "acled", "acledR_dummy/acled_old_deletion_dummy.csv", 300, picks=ACLED_PICKS),
    Suite("bangladesh", "acled", "acled_bangladesh_2015_katehara/acled.csv", 200, country="Bangladesh",
          picks=tuple(p for p in ACLED_PICKS if not p.name.startswith("sub_event_type"))),  # old schema
    Suite("golden", "golden", "", None, split="all"),
    Suite("ucdp_syria", "ucdp", "ucdp_ged_syria_knapply/ucdp_syria_df.csv", 200, picks=UCDP_PICKS),
)


@dataclass
class Measured:
    value: float | None  # points
    n: int
    lower: bool = False


def pick_metrics(report: Mapping[str, Any], picks: Sequence[Pick], mode: str = MODE) -> dict[str, Measured]:
    """The picked metrics of an ACLED / UCDP report, in points."""
    lines = {(m["key"], m["kind"]): m for m in report.get("metrics", [])}
    out: dict[str, Measured] = {}
    for p in picks:
        line = lines.get((p.key, p.kind))
        if line is None:
            continue
        cell = line[mode]
        out[p.name] = Measured(None if cell["value"] is None else 100 * cell["value"], cell["n"], p.lower)
    return out


def golden_metrics(report: Mapping[str, Any]) -> dict[str, Measured]:
    """Event precision and recall of the golden report, in points."""
    s = report["summary"]
    matched = s["matched events"]
    predicted, gold = s["predicted events"], s["gold events"]
    return {"event_precision": Measured(100 * matched / predicted if predicted else None, predicted),
            "event_recall": Measured(100 * matched / gold if gold else None, gold)}


# ------------------------------------------------------------------ running


@dataclass
class GateRun:
    metrics: dict[str, Measured] = field(default_factory=dict)  # "suite.metric" -> measured
    skipped: list[str] = field(default_factory=list)  # "skipped: ... not found" lines
    ran: list[str] = field(default_factory=list)  # suites that ran
    timings: dict[str, float] = field(default_factory=dict)  # seconds per suite, "load", "total"


def run_gate(data: Path = DEFAULT_DATA, suites: Sequence[Suite] = SUITES, pipeline: Any = None,
             log: Callable[[str], None] = lambda s: None) -> GateRun:
    """Run every suite whose data exists; the model is loaded once, and only if needed."""
    from . import Options, evaluate_acled, evaluate_golden, evaluate_ucdp

    started = time.perf_counter()
    out = GateRun()
    todo = []
    for suite in suites:
        path = data / suite.path if suite.path else None
        if path is not None and not path.is_file():
            out.skipped.append(f"skipped: {suite.name}: {_show(path)} not found")
        else:
            todo.append((suite, path))
    if not todo:
        return out
    if pipeline is None:
        from ..pipeline import Pipeline

        t = time.perf_counter()
        pipeline = Pipeline()
        out.timings["load"] = time.perf_counter() - t
    for suite, path in todo:
        t = time.perf_counter()
        options = Options(split=suite.split, sample=suite.sample, seed=SEED, country=suite.country)
        log(f"sitrep eval gate: {suite.name} ...")
        if suite.kind == "golden":
            report = evaluate_golden(str(DEFAULT_GOLDEN[0]), str(DEFAULT_GOLDEN[1]), options, pipeline=pipeline)
            found = golden_metrics(report)
        else:
            evaluate = evaluate_acled if suite.kind == "acled" else evaluate_ucdp
            found = pick_metrics(evaluate([str(path)], options, pipeline=pipeline), suite.picks)
        out.metrics.update({f"{suite.name}.{k}": v for k, v in found.items()})
        out.ran.append(suite.name)
        out.timings[suite.name] = time.perf_counter() - t
    out.timings["total"] = time.perf_counter() - started
    return out


def _show(path: Path) -> str:
    path = path.resolve()
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    if path.is_relative_to(ROOT.parent):
        return str(Path("..") / path.relative_to(ROOT.parent))
    return str(path)


# ------------------------------------------------------------------ baseline and comparison


def load_baseline(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {"version": BASELINE_VERSION, "metrics": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def bound_of(measured: Measured) -> float:
    """The pinned bound for a measured value: floor = value - margin, ceiling = value + margin."""
    assert measured.value is not None
    margin = margin_points(measured.n)
    if measured.lower:
        return math.ceil((measured.value + margin) * 10) / 10
    return math.floor((measured.value - margin) * 10) / 10


@dataclass
class Verdict:
    name: str
    value: float | None
    n: int
    bound: float
    lower: bool
    ok: bool


def compare(metrics: Mapping[str, Measured], baseline: Mapping[str, Any],
            suites_ran: Sequence[str] | None = None) -> list[Verdict]:
    """Every pinned metric (of the suites that ran) against its floor (or ceiling)."""
    out = []
    for name, pin in sorted(baseline.get("metrics", {}).items()):
        if suites_ran is not None and name.split(".", 1)[0] not in suites_ran:
            continue
        lower = "ceiling" in pin
        bound = pin["ceiling"] if lower else pin["floor"]
        m = metrics.get(name)
        value, n = (m.value, m.n) if m else (None, 0)
        ok = value is not None and (value <= bound + 1e-9 if lower else value >= bound - 1e-9)
        out.append(Verdict(name, value, n, bound, lower, ok))
    return out


def updated_baseline(metrics: Mapping[str, Measured], baseline: Mapping[str, Any], allow_lower: bool = False,
                     suites_ran: Sequence[str] | None = None) -> tuple[dict[str, Any], list[str]]:
    """The new baseline from this run, and the floors it would lower (refused unless allow_lower).

    A pinned metric of a suite that did not run (data missing) keeps its pin; one that the
    run no longer measures would be dropped, which counts as lowering.
    """
    old = dict(baseline.get("metrics", {}))
    new: dict[str, Any] = {}
    lowered: list[str] = []
    for name, pin in old.items():
        if suites_ran is not None and name.split(".", 1)[0] not in suites_ran:
            new[name] = pin
        elif name not in metrics or metrics[name].value is None:
            lowered.append(f"{name}: no longer measured (pinned {_pin_text(pin)})")
    for name, m in sorted(metrics.items()):
        if m.value is None:
            continue
        bound = bound_of(m)
        pin = old.get(name)
        if pin is not None:
            was = pin.get("ceiling" if m.lower else "floor")
            if was is not None and (bound > was + 1e-9 if m.lower else bound < was - 1e-9):
                lowered.append(f"{name}: {'ceiling' if m.lower else 'floor'} {was:.1f} -> {bound:.1f}")
        new[name] = {("ceiling" if m.lower else "floor"): bound, "measured": round(m.value, 2), "n": m.n,
                     "margin": margin_points(m.n)}
    if lowered and not allow_lower:
        return dict(baseline), lowered
    result = {k: v for k, v in baseline.items() if k != "metrics"}
    result.setdefault("about", ABOUT)
    result.update({"version": BASELINE_VERSION, "metrics": dict(sorted(new.items()))})
    return result, lowered


def _pin_text(pin: Mapping[str, Any]) -> str:
    return f"ceiling {pin['ceiling']}" if "ceiling" in pin else f"floor {pin.get('floor')}"


def save_baseline(path: Path, baseline: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")


def render_verdicts(verdicts: Sequence[Verdict]) -> list[str]:
    from .report import table

    rows = [[v.name, "-" if v.value is None else f"{v.value:.1f}", v.n,
             f"{'<=' if v.lower else '>='} {v.bound:.1f}", "ok" if v.ok else "BELOW FLOOR" if not v.lower
             else "ABOVE CEILING"] for v in verdicts]
    return table(["metric", "value", "n", "pinned", "status"], rows)


# ------------------------------------------------------------------ the command


def gate_main(baseline_path: Path | None = None, data: Path | None = None, update: bool = False,
              allow_lower: bool = False, pipeline: Any = None, runner: Callable[..., GateRun] | None = None,
              out: Callable[[str], None] = print, err: Callable[[str], None] = print) -> int:
    """The whole ``sitrep eval gate``: 0 when every pinned metric holds (or all data is missing)."""
    baseline_path = baseline_path or DEFAULT_BASELINE
    data = data or DEFAULT_DATA
    run = (runner or run_gate)(data=data, pipeline=pipeline, log=err)
    for line in run.skipped:
        out(line)
    if not run.ran:
        out("sitrep eval gate: skipped: no gate data found (nothing measured)")
        return 0
    timing = ", ".join(f"{k} {v:.1f} s" for k, v in run.timings.items())
    out(f"sitrep eval gate: ran {', '.join(run.ran)} ({timing})")
    baseline = load_baseline(baseline_path)
    if update:
        new, lowered = updated_baseline(run.metrics, baseline, allow_lower, run.ran)
        if lowered and not allow_lower:
            out(f"sitrep eval gate: refusing to lower {len(lowered)} floor(s) without --allow-lower; "
                f"{_show(baseline_path)} unchanged:")
            for line in lowered:
                out(f"  {line}")
            return 2
        save_baseline(baseline_path, new)
        out(f"sitrep eval gate: baseline written to {_show(baseline_path)}"
            + (f" (lowered with --allow-lower: {'; '.join(lowered)})" if lowered else ""))
        baseline = new
    if not baseline.get("metrics"):
        out(f"sitrep eval gate: no baseline at {_show(baseline_path)}; create one with --update")
        return 2
    verdicts = compare(run.metrics, baseline, run.ran)
    for line in render_verdicts(verdicts):
        out(line)
    failed = [v for v in verdicts if not v.ok]
    if failed:
        out(f"sitrep eval gate: FAILED, {len(failed)} metric(s) past their pinned bound: "
            + ", ".join(f"{v.name} {'-' if v.value is None else f'{v.value:.1f}'} "
                        f"({'ceiling' if v.lower else 'floor'} {v.bound:.1f})" for v in failed))
        return 1
    out(f"sitrep eval gate: ok, {len(verdicts)} metric(s) at or above their floors")
    return 0
