"""The news-prose set: short verbatim passages from real news, monitor and agency reports,
each labelled with its ACLED sub-event type (or none), scored on the primary event.

The set lives in ``data/prose/news_prose.jsonl`` (see ``data/prose/README.md`` for how it was
built). Each line is one item::

    {"id": "air-03", "text": "...", "source": "URL or dataset id + row", "published": "2012-09-23",
     "label": "Air/drone strike", "event_type": "Explosions/Remote violence",
     "reason": "drone strike with no ground engagement", "split": "test"}

``label`` null means the passage reports no ACLED event. The dev/test split is written in
the file and never recomputed: ``assign_splits`` only fills items that have none, so adding
items never moves an old one. Tune on dev; report test.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..taxonomy import BY_NAME, SUB_EVENT_TYPES
from .cases import Case, EvalError, Gold, Options
from .fields import parse_date
from .metrics import NO_EVENT, accuracy, confusions, macro_f1, per_class
from .report import class_table, confusion_table, render, table
from .runner import Progress, run_cases
from .scoring import Row
from .split import fixed_sample, normalise_text

PROSE_SPLITS = ("train", "dev", "test")  # train: for fitting models, never scored as a result
PROSE_CHOICES = (*PROSE_SPLITS, "all")
FIELDS = ("id", "text", "source", "published", "label", "event_type", "reason", "split")
MIN_PER_CLASS, MIN_NO_EVENT = 10, 40
F1_FLOOR = 0.60  # the per-class floor of issue 10, counted in the report
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "prose" / "news_prose.jsonl"


@dataclass(frozen=True)
class ProseItem:
    id: str
    text: str
    source: str
    published: Any  # dt.date | None
    label: str | None  # a sub-event type, or None: no ACLED event
    event_type: str | None
    reason: str
    split: str | None

    @property
    def gold(self) -> str:
        """The label as a class name; no event is metrics' ``NO_EVENT``."""
        return self.label or NO_EVENT


# ------------------------------------------------------------------ reading and checking


def read_prose(path: str | Path | None = None) -> list[ProseItem]:
    """The items of the set; EvalError names the file, the line and the problem."""
    path = Path(path) if path else DEFAULT_PATH
    if not path.is_file():
        raise EvalError(f"{path}: news-prose set not found (the bundled set is data/prose/news_prose.jsonl "
                        "in the repository; give its path)")
    items: list[ProseItem] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            items.append(_item(line, f"{path}:{n}"))
    if not items:
        raise EvalError(f"{path}: no items")
    _check_unique(items, str(path))
    return items


def _item(line: str, where: str) -> ProseItem:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: expected an object with {', '.join(FIELDS)}")
    missing = [f for f in FIELDS if f not in raw]
    if missing:
        raise EvalError(f"{where}: missing field(s) {', '.join(missing)}")
    label, event_type = raw["label"], raw["event_type"]
    if label is not None and label not in BY_NAME:
        raise EvalError(f"{where}: label {label!r} is not an ACLED sub-event type (or null for no event)")
    expected = BY_NAME[label].event_type if label else None
    if event_type != expected:
        raise EvalError(f"{where}: event_type {event_type!r} does not fit label {label!r} (expected {expected!r})")
    if raw["split"] not in (*PROSE_SPLITS, None):
        raise EvalError(f"{where}: split {raw['split']!r} is not {', '.join(PROSE_SPLITS)}")
    if not isinstance(raw["text"], str) or not raw["text"].strip():
        raise EvalError(f"{where}: empty text")
    published = parse_date(raw["published"]) if raw["published"] else None
    if raw["published"] and published is None:
        raise EvalError(f"{where}: published {raw['published']!r} is not a date (write YYYY-MM-DD)")
    return ProseItem(id=str(raw["id"]), text=raw["text"], source=str(raw["source"]), published=published,
                     label=label, event_type=event_type, reason=str(raw["reason"]), split=raw["split"])


def _check_unique(items: Sequence[ProseItem], where: str) -> None:
    for what, key in (("id", lambda i: i.id), ("text", lambda i: normalise_text(i.text))):
        twice = [k for k, n in Counter(map(key, items)).items() if n > 1]
        if twice:
            raise EvalError(f"{where}: duplicate {what}: {twice[0][:80]!r}")


def coverage_problems(items: Sequence[ProseItem], min_per_class: int = MIN_PER_CLASS,
                      min_no_event: int = MIN_NO_EVENT) -> list[str]:
    """What keeps the set from being the measuring stick issue 10 asks for (empty: fine)."""
    counts = Counter(i.label for i in items)
    problems = [f"{s.name}: {counts[s.name]} items (need {min_per_class})"
                for s in SUB_EVENT_TYPES if counts[s.name] < min_per_class]
    if counts[None] < min_no_event:
        problems.append(f"no event: {counts[None]} items (need {min_no_event})")
    unsplit = [i.id for i in items if i.split is None]
    if unsplit:
        problems.append(f"{len(unsplit)} item(s) without a split, e.g. {unsplit[0]} (run assign_splits)")
    return problems


def assign_splits(items: Sequence[ProseItem]) -> list[ProseItem]:
    """Items with a split each: old splits kept; a new item goes to the split its class has
    fewer of (ties: test), new items taken in the order of the SHA-1 of their id."""
    have: Counter[tuple[str | None, str]] = Counter((i.label, i.split) for i in items if i.split)
    chosen: dict[str, str] = {}
    for item in sorted((i for i in items if not i.split), key=lambda i: _digest(i.id)):
        split = "dev" if have[(item.label, "dev")] < have[(item.label, "test")] else "test"
        have[(item.label, split)] += 1
        chosen[item.id] = split
    return [replace(i, split=chosen[i.id]) if i.id in chosen else i for i in items]


def write_prose(items: Sequence[ProseItem], path: str | Path) -> None:
    """The items as JSONL, one per line, fields in ``FIELDS`` order (the form ``read_prose`` reads)."""
    lines = [json.dumps({f: _field(item, f) for f in FIELDS}, ensure_ascii=False) for item in items]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _field(item: ProseItem, name: str) -> Any:
    value = getattr(item, name)
    return value.isoformat() if name == "published" and value else value


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def counts_by_split(items: Sequence[ProseItem]) -> list[list[Any]]:
    """Rows of (class, train, dev, test, total), the taxonomy's order, no event last."""
    counts = Counter((i.label, i.split) for i in items)
    labels: list[str | None] = [s.name for s in SUB_EVENT_TYPES] + [None]
    return [[label or NO_EVENT, *(counts[(label, s)] for s in PROSE_SPLITS),
             sum(counts[(label, s)] for s in PROSE_SPLITS)] for label in labels]


# ------------------------------------------------------------------ evaluating


def select_items(items: Sequence[ProseItem], options: Options) -> list[ProseItem]:
    if options.split not in PROSE_CHOICES:
        raise EvalError(f"the news-prose set has splits {', '.join(PROSE_CHOICES)}, not {options.split!r}")
    # "all" is every scored item: training passages are never scored
    chosen = [i for i in items if i.split == options.split or (options.split == "all" and i.split != "train")]
    if options.sample is not None:
        chosen = fixed_sample(chosen, options.sample, options.seed)
    return chosen[:options.limit] if options.limit is not None else chosen


def evaluate_prose(path: str | Path | None, options: Options, *, pipeline: Any = None,
                   progress: Progress | None = None) -> dict[str, Any]:
    """Run the pipeline on each item (with its publication date) and score its primary event."""
    started = time.perf_counter()
    items = select_items(read_prose(path), options)
    if not items:
        raise EvalError(f"{path or DEFAULT_PATH}: no items in split {options.split!r}")
    cases = [Case(id=i.id, text=i.text, published=i.published, golds=(), split_key=i.id) for i in items]
    run = run_cases(cases, options.batch_size, pipeline, progress)
    primaries = [preds[0] if preds else None for preds in run.predictions]
    rows = [_row(n, item, pred) for n, (item, pred) in enumerate(zip(items, primaries, strict=True))]
    report = {"title": "News prose (verbatim news, monitor and agency passages)", "dataset": "prose",
              "summary": _summary(path, options, items, run), "metric_columns": ["primary"],
              "metric_headers": ["primary event"], "metrics": _metrics(rows, items),
              "tables": _tables(rows, items, options.top), "errors": _errors(items, primaries, options.errors),
              "notes": PROSE_NOTES,
              "timing": {"load_s": round(run.load_seconds, 2), "pipeline_s": round(run.run_seconds, 2),
                         "total_s": round(time.perf_counter() - started, 2)}}
    return report


def _row(n: int, item: ProseItem, pred: dict[str, Any] | None) -> Row:
    p = pred or {}
    gold = Gold(id=item.id, event_type=item.event_type, sub_event_type=item.label)
    labels = {"sub_event_type": (item.gold, p.get("sub_event_type") or NO_EVENT),
              "event_type": (item.event_type or NO_EVENT, p.get("event_type") or NO_EVENT)}
    checks = {"sub_event_type": labels["sub_event_type"][0] == labels["sub_event_type"][1]}
    return Row(n, gold, pred, checks, labels)


def _pairs(rows: Sequence[Row], field: str) -> list[tuple[str, str]]:
    return [r.labels[field] for r in rows]


def weighted_f1(pairs: Sequence[tuple[str, str]]) -> float | None:
    """F1 per gold class weighted by its support (no event is not a class)."""
    rows = [r for r in per_class(pairs) if r["support"]]
    total = sum(r["support"] for r in rows)
    return sum(r["f1"] * r["support"] for r in rows) / total if total else None


def _metrics(rows: Sequence[Row], items: Sequence[ProseItem]) -> list[dict[str, Any]]:
    sub, ev = _pairs(rows, "sub_event_type"), _pairs(rows, "event_type")
    sub_events = [(g, p) for g, p in sub if g != NO_EVENT]
    ev_events = [(g, p) for g, p in ev if g != NO_EVENT]
    quiet = [p == NO_EVENT for g, p in sub if g == NO_EVENT]
    missed = [p == NO_EVENT for g, p in sub if g != NO_EVENT]
    classes = [r for r in per_class(sub) if r["support"]]
    floor = sum(r["f1"] >= F1_FLOOR for r in classes)

    def line(key: str, label: str, kind: str, value: Any, n: int) -> dict[str, Any]:
        return {"key": key, "label": label, "kind": kind, "primary": {"value": value, "n": n}}

    return [
        line("sub_event_type", "sub_event_type accuracy (event items)", "check", accuracy(sub_events),
             len(sub_events)),
        line("sub_event_type", "sub_event_type macro-F1 (gold sub-types)", "macro_f1", macro_f1(sub), len(sub)),
        line("sub_event_type", "sub_event_type weighted F1 (gold sub-types)", "macro_f1", weighted_f1(sub), len(sub)),
        line("sub_f1_floor", f"sub-types with F1 >= {F1_FLOOR:.2f}", "spelling", floor, len(classes)),
        line("event_type", "event_type accuracy (event items)", "check", accuracy(ev_events), len(ev_events)),
        line("event_type", "event_type macro-F1", "macro_f1", macro_f1(ev), len(ev)),
        line("no_event_quiet", "no-event items that give no event", "check",
             sum(quiet) / len(quiet) if quiet else None, len(quiet)),
        line("missed", "event items that give no event", "check",
             sum(missed) / len(missed) if missed else None, len(missed)),
    ]


def _tables(rows: Sequence[Row], items: Sequence[ProseItem], top: int) -> list[dict[str, Any]]:
    return [
        class_table(rows, "sub_event_type", "sub_event_type per class (primary event; no-event items count "
                                            "against precision)"),
        confusion_table(rows, "sub_event_type", f"Top {top} sub_event_type confusions (primary event)", top),
        class_table(rows, "event_type", "event_type per class (primary event)"),
        _decided_by_table(rows),
        {"title": "Items per class and split (of this selection)", "columns": ["class", *PROSE_SPLITS, "total"],
         "rows": [r for r in counts_by_split(items) if r[-1]]},
    ]


def _decided_by_table(rows: Sequence[Row]) -> dict[str, Any]:
    """How often each rule or model that chose a type was right (items with a prediction)."""
    seen: dict[str, list[bool]] = {}
    for r in rows:
        if r.pred is not None:
            seen.setdefault(r.pred.get("decided_by") or "?", []).append(bool(r.checks["sub_event_type"]))
    body = [[name, len(v), f"{100 * sum(v) / len(v):.1f}%"]
            for name, v in sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    return {"title": "Primary events by what decided their type", "columns": ["decided_by", "events", "right"],
            "rows": body}


def _errors(items: Sequence[ProseItem], primaries: Sequence[dict[str, Any] | None], n: int) -> list[dict[str, Any]]:
    """The n worst items: wrong event type first, then a missed or invented event, then a wrong
    sub-type within the right event type; file order within each group."""
    if n <= 0:
        return []
    ranked = []
    for k, (item, pred) in enumerate(zip(items, primaries, strict=True)):
        predicted = (pred or {}).get("sub_event_type")
        if predicted == item.label:
            continue
        wrong_type = pred is not None and item.label is not None and pred.get("event_type") != item.event_type
        grade = 0 if wrong_type else 1 if pred is None or item.label is None else 2
        ranked.append((grade, k, {"id": item.id, "text": item.text, "gold": item.label or NO_EVENT,
                                  "predicted": predicted or NO_EVENT,
                                  "decided_by": (pred or {}).get("decided_by") or None,
                                  "reason": item.reason, "source": item.source}))
    return [e for _, _, e in sorted(ranked, key=lambda t: (t[0], t[1]))[:n]]


def _summary(path: str | Path | None, options: Options, items: Sequence[ProseItem], run: Any) -> dict[str, Any]:
    events = sum(1 for i in items if i.label)
    rate = run.texts_per_second
    selection = ", ".join(p for p in [f"sample {options.sample} (seed {options.seed})" if options.sample else "",
                                      f"first {options.limit}" if options.limit is not None else ""] if p)
    return {"inputs": str(path or DEFAULT_PATH), "split": options.split, "selection": selection or "whole split",
            "items": len(items), "event items": events, "no-event items": len(items) - events,
            "items with no predicted event": sum(1 for p in run.predictions if not p),
            "time": f"model load {run.load_seconds:.1f} s, pipeline {run.run_seconds:.1f} s "
                    f"({rate:.1f} texts/s)" if rate else "-"}


def render_prose(report: dict[str, Any]) -> str:
    """The text report: the shared layout, then the worst items with what decided them."""
    text = render({**report, "errors": []})
    if not report.get("errors"):
        return text
    out = ["", "Worst cases", "-----------"]
    for e in report["errors"]:
        out += ["", f"[{e['id']}] gold {e['gold']} | predicted {e['predicted']} | decided_by {e['decided_by'] or '-'}",
                f"  text: {e['text']}", f"  gold because: {e['reason']}"]
    return text + "\n".join(out) + "\n"


def counts_table(items: Sequence[ProseItem]) -> str:
    """Counts per class and split as an aligned text table (for the README and reports)."""
    return "\n".join(table(["class", *PROSE_SPLITS, "total"], counts_by_split(items)))


PROSE_NOTES = [
    "Texts are verbatim passages from public news, monitor and agency reports (data/prose/README.md); "
    "the label is the codebook's sub-event type of the passage's main event, or none.",
    "Scored on the primary event (the first event the pipeline reports), as for ACLED notes.",
    "Macro and weighted F1 average over the sub-types present in gold; no-event items count only "
    "as false positives of the type predicted for them.",
    "Tune on --split dev; report --split test.",
]
