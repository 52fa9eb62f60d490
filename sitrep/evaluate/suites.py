"""One function per ``sitrep eval`` command: read gold, select, run the pipeline, report."""
from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .acled import read_acled
from .articles import (golden_cases, is_sitrep_format, quote_events, read_article_file, score_matched,
                       sitrep_cases)
from .cases import Case, EvalError, Options, select
from .compare import ActorMatch, registry_match
from .hrdsattack import hrds_cases, is_hrdsattack, score_any, score_hrds
from .matching import MODES, greedy, same_event
from .report import (Metric, breakdown_table, class_table, confusion_table, count_summary, metric_lines,
                     worst_cases)
from .runner import Progress, Run, run_cases
from .scoring import Row, Scorer, score_acled, score_cases
from .ucdp import read_ucdp, score_ucdp

MODE_HEADERS = ["primary event", "best-matched"]
KM = [Metric("within_5km", "location within 5 km"), Metric("within_25km", "location within 25 km"),
      Metric("within_100km", "location within 100 km"), Metric("km", "median location error", "median_km")]
ADMIN1 = [Metric("admin1", "admin1 (folded names)"),
          Metric("admin1_or_spelling", "admin1 incl. spelling variants"),
          Metric("spelling", "admin1 mismatches only spelling", "spelling"),
          Metric("admin1_near", "admin1 mismatches, point within 25 km", "admin1_near")]
ACLED_METRICS = [
    Metric("no_event", "no event predicted", "no_event"),
    Metric("event_type", "event_type accuracy"), Metric("event_type", "event_type macro-F1", "macro_f1"),
    Metric("sub_event_type", "sub_event_type accuracy"),
    Metric("sub_event_type", "sub_event_type macro-F1", "macro_f1"),
    Metric("actor1", "actor1 match"), Metric("actor2", "actor2 match"), Metric("inter1", "inter1 match"),
    *KM, *ADMIN1,
    Metric("fatalities", "fatalities exact"), Metric("fatalities_10pct", "fatalities within 10%"),
    Metric("fatalities_10pct_pos", "fatalities within 10% (gold > 0)"),
    Metric("event_date", "event_date exact"),
]
COUNTRY_METRICS = [Metric("no_event", "no event", "no_event"), Metric("event_type", "event_type"),
                   Metric("sub_event_type", "sub_event_type"), Metric("actor1", "actor1"),
                   Metric("within_25km", "<=25 km"), Metric("admin1", "admin1"),
                   Metric("fatalities", "fatalities")]
UCDP_METRICS = [
    Metric("no_event", "no event predicted", "no_event"),
    Metric("fatalities_best", "fatalities = best"), Metric("fatalities_best_pos", "fatalities = best (best > 0)"),
    Metric("fatalities_in_range", "fatalities in [low, high]"),
    Metric("fatalities_10pct", "fatalities within 10% of best"),
    Metric("deaths_a", "deaths of side_a in by-party"), Metric("deaths_b", "deaths of side_b in by-party"),
    Metric("deaths_civilians", "civilian deaths = deaths_civilians"),
    Metric("side_a", "side_a among actor1/actor2"), Metric("side_b", "side_b among actor1/actor2"),
    Metric("both_sides", "both sides found"),
    *ADMIN1, *KM, Metric("event_date", "event_date in [date_start, date_end]"),
    Metric("event_date_1day", "event_date within a day of the window"),
]
UCDP_COUNTRY_METRICS = [Metric("no_event", "no event", "no_event"), Metric("fatalities_best", "= best"),
                        Metric("fatalities_in_range", "in [low, high]"), Metric("side_a", "side_a"),
                        Metric("side_b", "side_b"), Metric("admin1", "admin1"), Metric("within_25km", "<=25 km")]
ARTICLE_METRICS = [
    Metric("sub_event_type", "sub_event_type"), Metric("actor1", "actor1"), Metric("actor2", "actor2"),
    Metric("event_date", "event_date (or in gold window)"), Metric("admin1", "admin1 (folded names)"),
    Metric("admin1_or_spelling", "admin1 incl. spelling variants"), Metric("within_25km", "location within 25 km"),
    Metric("fatalities", "fatalities exact"), Metric("source", "source names a gold source"),
]
HRDS_METRICS = [
    Metric("no_event", "no event predicted", "no_event"), Metric("country", "country"),
    Metric("admin1", "admin1 = region"), Metric("city", "location = city"), Metric("date", "event_date agrees"),
    Metric("perpetrator_inter", "perpetrator type ~ inter1"),
]


def evaluate_acled(paths: Sequence[str], options: Options, *, same: ActorMatch | None = None,
                   pipeline: Any = None, progress: Progress | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    load = read_acled(paths)
    cases = _require(select(load.cases, options), paths, options)
    run = run_cases(cases, options.batch_size, pipeline, progress)
    rows = _rows(cases, run, score_acled, same)
    report = _report("ACLED notes", "acled", paths, options, cases, run, started)
    report["summary"].update({"schemas": ", ".join(f"{Path(p).name}: {s}" for p, s in load.schemas.items()),
                              "rows skipped": dict(load.skipped) or 0})
    report["metrics"] = metric_lines(ACLED_METRICS, rows)
    best = rows["best"]
    fields = [f for f in ("event_type", "sub_event_type") if any(f in r.labels for r in best)]  # old: no sub
    report["tables"] = [
        *(class_table(best, f, f"{f} per class (best-matched)") for f in fields),
        *(confusion_table(best, f, f"Top {f} confusions (best-matched)", options.top) for f in fields),
        breakdown_table(best, "country", COUNTRY_METRICS, options.top,
                        f"By country (top {options.top}, best-matched)"),
    ]
    report["errors"] = worst_cases(cases, run.predictions, best, options.errors)
    report["notes"] = ACLED_NOTES
    return report


def evaluate_ucdp(paths: Sequence[str], options: Options, *, same: ActorMatch | None = None,
                  pipeline: Any = None, progress: Progress | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    load = read_ucdp(paths)
    cases = _require(select(load.cases, options), paths, options)
    run = run_cases(cases, options.batch_size, pipeline, progress)
    rows = _rows(cases, run, score_ucdp, same)
    report = _report("UCDP GED headlines", "ucdp", paths, options, cases, run, started)
    report["summary"]["rows skipped"] = dict(load.skipped) or 0
    report["metrics"] = metric_lines(UCDP_METRICS, rows)
    report["tables"] = [breakdown_table(rows["best"], "country", UCDP_COUNTRY_METRICS, options.top,
                                        f"By country (top {options.top}, best-matched)")]
    report["errors"] = worst_cases(cases, run.predictions, rows["best"], options.errors)
    report["notes"] = UCDP_NOTES
    return report


def evaluate_articles(paths: Sequence[str], options: Options, *, fmt: str = "auto", same: ActorMatch | None = None,
                      pipeline: Any = None, progress: Progress | None = None) -> dict[str, Any]:
    """Our gold JSON/JSONL, or HRDsAttack's JSON (detected by its structure, or ``fmt``)."""
    items: list[Any] = []
    kinds = set()
    for path in paths:
        found = read_article_file(path)
        kind = fmt if fmt != "auto" else "hrdsattack" if is_hrdsattack(found) else "sitrep"
        if kind == "sitrep" and not is_sitrep_format(found):
            raise EvalError(f"{path}: neither our gold format ({{article, events}} per record) nor "
                            "HRDsAttack's ({sample, merged_sample}); see docs/evaluation.md")
        kinds.add(kind)
        items += (hrds_cases if kind == "hrdsattack" else sitrep_cases)(found, str(path))
    if len(kinds) > 1:
        raise EvalError("give either files in our gold format or HRDsAttack files, not both")
    if kinds == {"hrdsattack"}:
        return evaluate_hrds(items, paths, options, pipeline=pipeline, progress=progress)
    return evaluate_events(items, "Articles with gold events", "articles", paths, options, same=same,
                           pipeline=pipeline, progress=progress)


def evaluate_golden(expected: str, articles: str, options: Options, *, same: ActorMatch | None = None,
                    pipeline: Any = None, progress: Progress | None = None) -> dict[str, Any]:
    cases = golden_cases(expected, articles)
    return evaluate_events(cases, "Golden hand-coded events", "golden", [expected, articles], options,
                           same=same, pipeline=pipeline, progress=progress)


def evaluate_events(all_cases: Sequence[Case], title: str, dataset: str, paths: Sequence[str], options: Options, *,
                    same: ActorMatch | None = None, pipeline: Any = None,
                    progress: Progress | None = None) -> dict[str, Any]:
    """Event-level precision / recall / F1 and field accuracy on matched events."""
    started = time.perf_counter()
    same = same or registry_match()
    cases = _require(select(all_cases, options), paths, options)
    run = run_cases(cases, options.batch_size, pipeline, progress)
    matched, rows = _event_rows(cases, run.predictions, same)
    report = _report(title, dataset, paths, options, cases, run, started)
    report["summary"].update(event_prf(cases, run.predictions, matched))
    report["summary"].update(_quote_counts(cases, run.predictions))
    report["metric_columns"], report["metric_headers"] = ["matched"], ["on matched events"]
    report["metrics"] = metric_lines(ARTICLE_METRICS, {"matched": [r for r in rows if r.pred is not None]})
    report["tables"] = []
    report["errors"] = worst_cases(cases, run.predictions, rows, options.errors)
    report["notes"] = EVENT_NOTES
    return report


def evaluate_hrds(cases_in: Sequence[Case], paths: Sequence[str], options: Options, *, pipeline: Any = None,
                  progress: Progress | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    cases = _require(select(cases_in, _all_split(options)), paths, options)
    run = run_cases(cases, options.batch_size, pipeline, progress)
    rows: dict[str, list[Row]] = {"primary": [], "any": []}
    for i, (case, preds) in enumerate(zip(cases, run.predictions, strict=True)):
        for mode, row in (("primary", score_hrds(case.golds[0], preds[0] if preds else None)),
                          ("any", score_any(case.golds[0], preds))):
            row.case_index = i
            rows[mode].append(row)
    report = _report("HRDsAttack articles", "hrdsattack", paths, options, cases, run, started)
    report["summary"]["split"] = "the dataset's own file (report numbers from test.json)"
    report["metric_columns"], report["metric_headers"] = ["primary", "any"], ["primary event", "any event"]
    report["metrics"] = metric_lines(HRDS_METRICS, rows)
    report["tables"] = []
    report["errors"] = worst_cases(cases, run.predictions, rows["primary"], options.errors)
    report["notes"] = HRDS_NOTES
    return report


# ------------------------------------------------------------------ shared steps


def _require(cases: list[Case], paths: Sequence[str], options: Options) -> list[Case]:
    if not cases:
        raise EvalError(f"{', '.join(map(str, paths))}: no gold rows in split {options.split!r}"
                        + (f" for country {options.country!r}" if options.country else ""))
    return cases


def _all_split(options: Options) -> Options:
    from dataclasses import replace

    return replace(options, split="all")


def _rows(cases: Sequence[Case], run: Run, scorer: Scorer, same: ActorMatch | None) -> dict[str, list[Row]]:
    same = same or registry_match()
    return {mode: score_cases(cases, run.predictions, mode, scorer, same) for mode in MODES}


def _event_rows(cases: Sequence[Case], predictions: Sequence[list[dict[str, Any]]],
                same: ActorMatch) -> tuple[int, list[Row]]:
    """Rows for every gold event (pred None when unmatched) and the number matched."""
    rows: list[Row] = []
    matched = 0
    for i, (case, preds) in enumerate(zip(cases, predictions, strict=True)):
        for gold, pi in zip(case.golds, greedy(case.golds, preds, same_event), strict=True):
            if pi is None:
                row = Row(i, gold, None, {"event": False})
            else:
                row = score_matched(gold, preds[pi], same)
                matched += 1
            row.case_index = i
            rows.append(row)
    return matched, rows


def event_prf(cases: Sequence[Case], predictions: Sequence[list[dict[str, Any]]], matched: int) -> dict[str, Any]:
    gold = sum(len(c.golds) for c in cases)
    pred = sum(len(p) for p in predictions)
    precision = matched / pred if pred else None
    recall = matched / gold if gold else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return {"matched events": matched, "event precision": _pct(precision), "event recall": _pct(recall),
            "event F1": f"{f1:.3f}"}


def _quote_counts(cases: Sequence[Case], predictions: Sequence[list[dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, label in (("not_events", "not_events quotes that produced an event"),
                       ("aggregates", "aggregate quotes that produced a non-aggregate event")):
        total = sum(len(c.extra.get(key, [])) for c in cases)
        if total:
            bad = sum(len(quote_events(c.extra.get(key, []), p)) for c, p in zip(cases, predictions, strict=True))
            out[label] = f"{bad} of {total}"
    return out


def _report(title: str, dataset: str, paths: Sequence[str], options: Options, cases: Sequence[Case],
            run: Run, started: float) -> dict[str, Any]:
    rate = run.texts_per_second
    summary = {"inputs": ", ".join(map(str, paths)), "split": options.split,
               "selection": _selection(options), **count_summary(cases, run.predictions),
               "time": f"model load {run.load_seconds:.1f} s, pipeline {run.run_seconds:.1f} s "
                       f"({rate:.1f} texts/s), total {time.perf_counter() - started:.1f} s" if rate else "-"}
    return {"title": title, "dataset": dataset, "summary": summary, "metric_columns": list(MODES),
            "metric_headers": MODE_HEADERS, "metrics": [], "tables": [], "errors": [], "notes": [],
            "timing": {"load_s": round(run.load_seconds, 2), "pipeline_s": round(run.run_seconds, 2),
                       "texts_per_s": round(rate, 2) if rate else None,
                       "total_s": round(time.perf_counter() - started, 2)}}


def _selection(options: Options) -> str:
    parts = [f"sample {options.sample} (seed {options.seed})" if options.sample is not None else "",
             f"first {options.limit}" if options.limit is not None else "",
             f"country {options.country}" if options.country else ""]
    return ", ".join(p for p in parts if p) or "whole split"


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


ACLED_NOTES = [
    "Texts are ACLED's own notes (house style, dates and places spelled out), not news: "
    "expect lower numbers on real articles.",
    "Publication date = the row's event_date, so relative dates resolve trivially; event_date is inflated.",
    "primary event: every gold row of a text is compared with the text's first predicted event; "
    "best-matched: a one-to-one greedy assignment by place and date (type breaks ties), "
    "optimistic; leftover gold rows count as missed.",
    "A row with no predicted event is wrong on every field it codes.",
    "Old schemas (2015-2016): event_type only, 'Riots/Protests' scored as the merged class "
    "'Protests or Riots'; no sub_event_type.",
]
UCDP_NOTES = [
    "Text = source_headline only (no article body): many headlines state no count, place or actor.",
    "Published = date_start, so 'yesterday' in a headline resolves one day early.",
    "Predicted fatalities = fatalities_best when given, else the ACLED count.",
    "Sides are matched in either order through the registry plus the UCDP name table (docs/evaluation.md).",
]
EVENT_NOTES = [
    "A predicted event matches a gold event when it has the same event_type, is within 50 km "
    "(or names the same place when there are no coordinates) and has the same day (or one in the gold "
    "window); greedy one-to-one, exact sub_event_type first.",
    "Field accuracy is over matched events only; recall and precision carry the misses.",
]
HRDS_NOTES = [
    "HRDsAttack labels one attack per article, not ACLED events; many attacks (detentions, "
    "threats) are not ACLED events at all, so 'no event' is often right by ACLED's rules.",
    "any event: a field counts as right when any predicted event of the article has it right (upper bound).",
    "Perpetrator types map to ACLED inter codes (docs/evaluation.md); 'insufficient info' is not scored.",
]
