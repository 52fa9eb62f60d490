"""Building the report (a plain dict, printed as JSON with --json) and rendering it as text.

A report: ``title``, ``summary`` (label -> value), ``metrics`` (one line per metric, one
column per matching mode), ``tables`` (per-class, confusions, breakdowns), ``errors`` (the
worst cases with gold and predicted key fields side by side) and ``notes``.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .cases import Case, Gold
from .metrics import NO_EVENT, accuracy, confusions, macro_f1, median, per_class, share
from .scoring import Row


@dataclass(frozen=True)
class Metric:
    """One metric line: ``kind`` is check | no_event | median_km | macro_f1 | spelling."""

    key: str
    label: str
    kind: str = "check"


def metric_value(metric: Metric, rows: Sequence[Row]) -> dict[str, Any]:
    """{"value": ..., "n": ...} of one metric over the rows."""
    if metric.kind == "check":
        return share(r.checks.get(metric.key) for r in rows)
    if metric.kind == "no_event":
        return share(r.pred is None for r in rows)
    if metric.kind == "median_km":
        finite = [r.km for r in rows if r.km is not None and math.isfinite(r.km)]
        return {"value": median(finite), "n": len(finite)}
    if metric.kind == "macro_f1":
        return {"value": macro_f1(_pairs(rows, metric.key)), "n": len(_pairs(rows, metric.key))}
    if metric.kind in ("spelling", "admin1_near"):
        wrong = [r for r in rows if r.checks.get("admin1") is False and r.pred is not None]
        return {"value": sum(_admin1_excuse(metric.kind, r) for r in wrong), "n": len(wrong)}
    raise ValueError(f"unknown metric kind {metric.kind!r}")


def _admin1_excuse(kind: str, row: Row) -> bool:
    """A wrong admin1 that is only a spelling variant, or whose point is right (a naming difference)."""
    if kind == "spelling":
        return bool(row.checks.get("admin1_or_spelling"))
    return row.km is not None and row.km <= 25


def metric_lines(metrics: Sequence[Metric], by_mode: dict[str, Sequence[Row]]) -> list[dict[str, Any]]:
    return [{"key": m.key, "label": m.label, "kind": m.kind,
             **{mode: metric_value(m, rows) for mode, rows in by_mode.items()}} for m in metrics]


def _pairs(rows: Sequence[Row], field: str) -> list[tuple[str, str]]:
    return [r.labels[field] for r in rows if field in r.labels]


def class_table(rows: Sequence[Row], field: str, title: str) -> dict[str, Any]:
    """Per-class precision / recall / F1 / support, with accuracy and macro-F1 in the title."""
    pairs = _pairs(rows, field)
    body = [[c["class"], _pct(c["precision"]), _pct(c["recall"]), _pct(c["f1"]), c["support"], c["predicted"]]
            for c in per_class(pairs)]
    return {"title": f"{title}: accuracy {_pct(accuracy(pairs))}, macro-F1 {_num(macro_f1(pairs))} "
                     f"over {len(pairs)} rows",
            "columns": ["class", "precision", "recall", "F1", "support", "predicted"], "rows": body}


def confusion_table(rows: Sequence[Row], field: str, title: str, top: int) -> dict[str, Any]:
    body = [[c["gold"], c["predicted"], c["count"]] for c in confusions(_pairs(rows, field), top)]
    return {"title": title, "columns": ["gold", "predicted", "rows"], "rows": body}


def breakdown_table(rows: Sequence[Row], group: str, metrics: Sequence[Metric], top: int,
                    title: str) -> dict[str, Any]:
    """The metrics per value of a gold attribute (e.g. country), the most frequent ``top`` values."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[str(getattr(r.gold, group) or "?")].append(r)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    body = [[name, len(rs), *(format_value(m, metric_value(m, rs)) for m in metrics)] for name, rs in ordered]
    return {"title": title, "columns": [group, "rows", *(m.label for m in metrics)], "rows": body}


# ------------------------------------------------------------------ worst cases

KEY_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
              "coordinates", "fatalities", "event_date")
# the checks that rank the worst cases: one per key field, no derived tolerances
RANK_CHECKS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "within_25km", "fatalities",
               "fatalities_best", "event_date", "side_a", "side_b", "country", "city", "date",
               "perpetrator_inter", "event")


def key_wrong(row: Row) -> list[str]:
    return [k for k in RANK_CHECKS if row.checks.get(k) is False]


def worst_cases(cases: Sequence[Case], predictions: Sequence[list[dict[str, Any]]], rows: Sequence[Row],
                n: int) -> list[dict[str, Any]]:
    """The n cases with the most wrong key fields among those with a prediction, then the
    first n cases where the pipeline found no event at all (those are wrong on everything)."""
    if n <= 0:
        return []
    by_case: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        by_case[r.case_index].append(r)
    bad = {i: sum(len(key_wrong(r)) for r in rs) for i, rs in by_case.items()}
    found = sorted((i for i in by_case if predictions[i] and bad[i]), key=lambda i: (-bad[i], i))[:n]
    missed = [i for i in by_case if not predictions[i]][:n]
    return [_case_error(cases[i], predictions[i], by_case[i]) for i in found + missed]


def _case_error(case: Case, preds: list[dict[str, Any]], rows: list[Row]) -> dict[str, Any]:
    used = {id(r.pred) for r in rows if r.pred is not None}
    return {
        "id": case.id, "no_event": not preds, "wrong_fields": sum(len(key_wrong(r)) for r in rows),
        "text": _cut(case.text, 700),
        "pairs": [{"gold": gold_view(r.gold), "predicted": pred_view(r.pred) if r.pred else None,
                   "wrong": key_wrong(r)} for r in rows],
        "unmatched_predicted": [pred_view(p) for p in preds if id(p) not in used],
    }


def gold_view(g: Gold) -> dict[str, Any]:
    x = g.extra
    fat = g.fatalities
    if x.get("low") is not None:
        fat = f"{g.fatalities} (low {x['low']}, high {x['high']}; a {x.get('deaths_a')}, b {x.get('deaths_b')}, " \
              f"civ {x.get('deaths_civilians')})"
    view = {"event_type": g.event_type or x.get("raw_event_type"), "sub_event_type": g.sub_event_type,
            "actor1": _names(g.actor1), "actor2": _names(g.actor2), "country": g.country,
            "admin1": " | ".join(g.admin1) or None, "location": g.location,
            "coordinates": _coords(g.latitude, g.longitude), "fatalities": fat,
            "event_date": _gold_date(g)}
    if x.get("perpetrator") is not None:
        view["actor1"] = f"perpetrator: {x['perpetrator']}"
    return view


def pred_view(p: dict[str, Any]) -> dict[str, Any]:
    fat = p.get("fatalities")
    if p.get("fatalities_by_party") or p.get("civilian_fatalities") is not None:
        fat = f"{fat} (by party {p.get('fatalities_by_party') or {}}, civ {p.get('civilian_fatalities')})"
    return {"event_type": p.get("event_type"), "sub_event_type": p.get("sub_event_type"),
            "actor1": _with_inter(p.get("actor1"), p.get("inter1")), "actor2": p.get("actor2"),
            "country": p.get("country"), "admin1": p.get("admin1"), "location": p.get("location"),
            "coordinates": _coords(p.get("latitude"), p.get("longitude")), "fatalities": fat,
            "event_date": p.get("event_date")}


def _names(value: tuple[str, ...] | None) -> str | None:
    if value is None:
        return None
    return " | ".join(value) if value else "(none)"


def _with_inter(name: str | None, inter: int | None) -> str | None:
    return f"{name} [{inter}]" if name and inter else name


def _coords(lat: float | None, lon: float | None) -> str | None:
    return f"{lat:.3f}, {lon:.3f}" if lat is not None and lon is not None else None


def _gold_date(g: Gold) -> str | None:
    x = g.extra
    if x.get("year") is not None:  # HRDsAttack: year, month, day as far as given
        return "-".join([str(x["year"]), f"{x['month']:02d}" if x.get("month") else "??",
                         f"{x['day']:02d}" if x.get("day") else "??"])
    if g.date_start and g.date_end and g.date_start != g.date_end:
        return f"{g.date_start}..{g.date_end}"
    return g.event_date.isoformat() if g.event_date else None


def _cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


# ------------------------------------------------------------------ rendering


def format_value(metric_kind: Metric | str, value: dict[str, Any]) -> str:
    kind = metric_kind.kind if isinstance(metric_kind, Metric) else metric_kind
    v = value.get("value")
    if v is None:
        return "-"
    if kind == "median_km":
        return f"{v:.1f} km"
    if kind == "macro_f1":
        return _num(v)
    if kind in ("spelling", "admin1_near"):
        return f"{v} of {value['n']}"
    return _pct(v)


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Aligned plain-text table: text left, numbers right."""
    cells = [[str(c) for c in columns]] + [["-" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    numeric = [all(_numberish(r[i]) for r in cells[1:]) and len(cells) > 1 for i in range(len(columns))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c.rjust(w) if num else c.ljust(w)
                               for c, w, num in zip(r, widths, numeric, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _numberish(text: str) -> bool:
    return text == "-" or text.replace("%", "").replace(".", "").replace(" km", "").replace("-", "").isdigit()


def render(report: dict[str, Any]) -> str:
    out = [report["title"], "=" * len(report["title"]), "", "Summary", "-------"]
    width = max((len(k) for k in report["summary"]), default=0)
    out += [f"{k.ljust(width)}  {v}" for k, v in report["summary"].items()]
    if report.get("metrics"):
        modes = report["metric_columns"]
        out += ["", "Metrics", "-------"]
        body = [[m["label"], *(f"{format_value(m['kind'], m[c])}  (n={m[c]['n']})" for c in modes)]
                for m in report["metrics"]]
        out += table(["metric", *report.get("metric_headers", modes)], body)
    for t in report.get("tables", []):
        out += ["", t["title"], "-" * min(len(t["title"]), 100)]
        out += table(t["columns"], t["rows"]) if t["rows"] else ["(none)"]
    if report.get("errors"):
        out += ["", "Worst cases", "-----------"]
        for e in report["errors"]:
            out += render_error(e)
    if report.get("notes"):
        out += ["", "Notes", "-----"] + [f"- {n}" for n in report["notes"]]
    return "\n".join(out) + "\n"


def render_error(e: dict[str, Any]) -> list[str]:
    if e["no_event"]:
        golds = "; ".join(f"{p['gold'].get('sub_event_type') or p['gold'].get('event_type')}" for p in e["pairs"])
        return ["", f"[{e['id']}] no event predicted (gold: {golds})", f"  text: {e['text']}"]
    out = ["", f"[{e['id']}] {e['wrong_fields']} wrong key field(s)", f"  text: {e['text']}"]
    for i, pair in enumerate(e["pairs"], 1):
        pred = pair["predicted"] or {}
        rows = [[f, _cut(str(pair["gold"].get(f)), 60), _cut(str(pred.get(f, NO_EVENT if not pred else None)), 60)]
                for f in KEY_FIELDS if pair["gold"].get(f) is not None or pred.get(f) is not None]
        out += [f"  gold event {i}: wrong {', '.join(pair['wrong']) or 'nothing'}"]
        out += ["    " + line for line in table(["field", "gold", "predicted"], rows)]
    for p in e["unmatched_predicted"]:
        out.append(f"  unmatched prediction: {p['sub_event_type']} | {p['actor1']} | {p['actor2']} | "
                   f"{p['location']} | {p['event_date']} | {p['fatalities']}")
    return out


def count_summary(cases: Sequence[Case], predictions: Sequence[list[dict[str, Any]]]) -> dict[str, Any]:
    """Counts every report gives: texts, gold events, predicted events, texts without events."""
    golds = sum(len(c.golds) for c in cases)
    multi = [c for c in cases if len(c.golds) > 1]
    empty = sum(1 for p in predictions if not p)
    n_pred = Counter(len(p) for p in predictions)
    return {
        "texts": len(cases), "gold events": golds,
        "texts with several gold events": f"{len(multi)} ({sum(len(c.golds) for c in multi)} gold events)",
        "predicted events": sum(k * v for k, v in n_pred.items()),
        "texts with no predicted event": f"{empty} ({_pct(empty / len(cases) if cases else None)})",
        "texts with more predicted than gold events": sum(
            1 for c, p in zip(cases, predictions, strict=True) if len(p) > len(c.golds)),
    }
