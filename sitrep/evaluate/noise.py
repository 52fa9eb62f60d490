"""The noise benchmark: does sitrep stay quiet on ordinary news, and still find real events?

General-news articles (GeoWebNews) and disease reports (GeoVirus, WikiNews) are labelled at the
article level in ``data/noise/labels.jsonl`` (see ``data/noise/README.md``): ``none`` (the
article reports no ACLED event), ``events`` (with the sub-event types of each event it reports,
any one of a list accepted), or ``unsure`` (left out of every metric). The texts are read from
the geoparsing files in ``../shared/data/geoparsing``; a label names its article by ``id``
(``gwn-<file>`` or ``geovirus-<position>``) and ``doc_id`` (the id the geoparse evaluation and
the split use), and the reader checks the two agree.

Metrics, per part of the split: false events per 100 no-event articles, the share of no-event
articles that give no event, and the recall of the labelled events (an event is found when the
article gives an event of one of its accepted types). Articles marked ``fresh`` are items of
another held-out set: they are never part of the train split here.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article
from ..taxonomy import BY_NAME
from .cases import EvalError
from .report import table
from .split import split_of

LABELS_PATH = Path(__file__).resolve().parents[2] / "data" / "noise" / "labels.jsonl"
DATA_FILES = {"gwn": "GWN.xml", "geovirus": "GeoVirus.xml"}
LABELS = ("none", "events", "unsure")
PARTS = ("train", "heldout", "dev", "test")  # heldout: dev and test together
NOISE_CHOICES = (*PARTS, "all")


@dataclass(frozen=True)
class NoiseItem:
    id: str
    doc_id: str
    title: str
    text: str
    label: str  # "none", "events" or "unsure"
    events: tuple[tuple[str, ...], ...]  # per labelled event, the sub-event types accepted
    reason: str
    fresh: bool

    @property
    def split(self) -> str:
        """train, dev or test; a fresh item (another set's held-out item) is never train."""
        part = split_of(self.doc_id)
        return "dev" if part == "train" and self.fresh else part


def read_texts(folder: Path) -> dict[str, tuple[str, str, str]]:
    """(doc_id, title, text) of every article of the two geoparsing files, by our id."""
    texts: dict[str, tuple[str, str, str]] = {}
    for kind, name in DATA_FILES.items():
        path = folder / name
        if not path.is_file():
            raise EvalError(f"{path}: geoparsing file not found (the noise benchmark reads its texts from "
                            "../shared/data/geoparsing; give the folder with --data)")
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise EvalError(f"{path}: not readable XML ({exc})") from exc
        for n, article in enumerate(root.iter("article")):
            text = article.findtext("text") or ""
            if kind == "gwn":
                key = doc_id = f"gwn-{article.get('file', n)}"
                title = (article.findtext("title") or "").strip()
            else:
                key, doc_id = f"geovirus-{n}", (article.findtext("source") or "").strip()
                title = doc_id.rsplit("/", 1)[-1].replace("_", " ")
            texts[key] = (doc_id, title, text)
    return texts


def read_noise(labels: str | Path | None = None, folder: str | Path | None = None) -> list[NoiseItem]:
    """The labelled articles with their texts; EvalError names the file, the line and the problem."""
    path = Path(labels) if labels else LABELS_PATH
    if not path.is_file():
        raise EvalError(f"{path}: noise labels not found (the bundled file is data/noise/labels.jsonl)")
    texts = read_texts(Path(folder) if folder else default_folder())
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            items.append(_item(line, f"{path}:{n}", texts))
    if len({i.id for i in items}) != len(items):
        raise EvalError(f"{path}: an id is used twice")
    return items


def default_folder() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "geoparsing"


def _item(line: str, where: str, texts: dict[str, tuple[str, str, str]]) -> NoiseItem:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{where}: not JSON ({exc.msg})") from exc
    if row.get("id") not in texts:
        raise EvalError(f"{where}: no article {row.get('id')!r} in the geoparsing files")
    doc_id, title, text = texts[row["id"]]
    if row.get("doc_id") != doc_id:
        raise EvalError(f"{where}: doc_id {row.get('doc_id')!r} is not the article's ({doc_id!r}): "
                        "the files and the labels disagree")
    if row.get("label") not in LABELS:
        raise EvalError(f"{where}: label must be one of {', '.join(LABELS)}, not {row.get('label')!r}")
    events = tuple(tuple(e) for e in row.get("events") or ())
    bad = [t for e in events for t in e if t not in BY_NAME]
    if bad:
        raise EvalError(f"{where}: not a sub-event type: {bad[0]!r}")
    if (row["label"] == "events") != bool(events):
        raise EvalError(f"{where}: label 'events' needs events, and only it may have them")
    return NoiseItem(row["id"], doc_id, title, text, row["label"], events, row.get("reason") or "",
                     bool(row.get("fresh")))


def in_part(item: NoiseItem, part: str) -> bool:
    if part == "all":
        return True
    if part == "heldout":
        return item.split in ("dev", "test")
    return item.split == part


# ------------------------------------------------------------------ running and scoring


def run_items(items: Sequence[NoiseItem], pipeline: Any = None, batch_size: int = 16) -> list[list[Any]]:
    """The pipeline's events for every item, in order."""
    if pipeline is None and items:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    articles = (Article(id=i.id, text=i.text, title=i.title, origin=f"noise:{i.id}") for i in items)
    return [r.events for r in pipeline.run(articles, batch_size=batch_size)] if items else []


def found_events(item: NoiseItem, types: Sequence[str]) -> int:
    """How many labelled events the predicted events cover, each predicted event used once (a
    maximum matching: an event that accepts several types does not take the only match of another)."""
    owner: dict[int, int] = {}  # predicted event -> labelled event

    def assign(label: int, seen: set[int]) -> bool:
        for n, t in enumerate(types):
            if t in item.events[label] and n not in seen:
                seen.add(n)
                if n not in owner or assign(owner[n], seen):
                    owner[n] = label
                    return True
        return False

    return sum(1 for label in range(len(item.events)) if assign(label, set()))


def score(items: Sequence[NoiseItem], types: Sequence[Sequence[str]]) -> dict[str, Any]:
    """The metrics of one part: quiet share and false events on no-event articles, event recall."""
    quiet = [t for i, t in zip(items, types, strict=True) if i.label == "none"]
    conflict = [(i, t) for i, t in zip(items, types, strict=True) if i.label == "events"]
    false_events = sum(len(t) for t in quiet)
    labelled = sum(len(i.events) for i, _ in conflict)
    found = sum(found_events(i, t) for i, t in conflict)
    return {
        "no_event_articles": len(quiet),
        "quiet": sum(1 for t in quiet if not t),
        "quiet_share": round(sum(1 for t in quiet if not t) / len(quiet), 3) if quiet else None,
        "false_events": false_events,
        "false_per_100": round(100 * false_events / len(quiet), 1) if quiet else None,
        "event_articles": len(conflict),
        "labelled_events": labelled,
        "events_found": found,
        "event_recall": round(found / labelled, 3) if labelled else None,
        "events_in_event_articles": sum(len(t) for _, t in conflict),
    }


def evaluate_noise(part: str = "heldout", *, labels: str | Path | None = None, folder: str | Path | None = None,
                   pipeline: Any = None, errors: int = 0, batch_size: int = 16) -> dict[str, Any]:
    """The report for one part of the split (``heldout`` is dev and test together)."""
    if part not in NOISE_CHOICES:
        raise EvalError(f"split must be one of {', '.join(NOISE_CHOICES)}, not {part!r}")
    items = [i for i in read_noise(labels, folder) if in_part(i, part)]
    events = run_items(items, pipeline, batch_size)
    types = [[e.sub_event_type for e in evs] for evs in events]
    report = {"split": part, "articles": len(items),
              "unsure": sum(1 for i in items if i.label == "unsure"), "overall": score(items, types),
              "by_source": {src: score(*_only(items, types, src)) for src in DATA_FILES},
              "by_part": {p: score(*_within(items, types, p)) for p in PARTS
                          if p != part and any(in_part(i, p) for i in items)}}
    report["errors"] = _errors(items, events, errors)
    return report


def _only(items: Sequence[NoiseItem], types: Sequence[Sequence[str]], source: str) -> tuple[list, list]:
    pairs = [(i, t) for i, t in zip(items, types, strict=True) if i.id.startswith(source + "-")]
    return [i for i, _ in pairs], [t for _, t in pairs]


def _within(items: Sequence[NoiseItem], types: Sequence[Sequence[str]], part: str) -> tuple[list, list]:
    pairs = [(i, t) for i, t in zip(items, types, strict=True) if in_part(i, part)]
    return [i for i, _ in pairs], [t for _, t in pairs]


def _errors(items: Sequence[NoiseItem], events: Sequence[Sequence[Any]], n: int) -> list[dict[str, Any]]:
    """False events in no-event articles and missed events, for reading."""
    out: list[dict[str, Any]] = []
    for item, evs in zip(items, events, strict=True):
        if item.label == "none":
            out += [{"id": item.id, "kind": "false", "type": e.sub_event_type, "decided_by": e.decided_by,
                     "text": e.claims[0].evidence.text[:200] if e.claims else ""} for e in evs]
        elif item.label == "events" and found_events(item, [e.sub_event_type for e in evs]) < len(item.events):
            out.append({"id": item.id, "kind": "missed", "type": " / ".join("|".join(e) for e in item.events),
                        "decided_by": "", "text": f"predicted: {[e.sub_event_type for e in evs]}"})
    return out[:n]


def render_noise(report: dict[str, Any]) -> str:
    title = f"Noise benchmark: general news and disease reports ({report['split']})"
    lines = [title, "=" * len(title), "", f"articles {report['articles']} (unsure, not scored: {report['unsure']})", ""]
    rows = []
    for name, s in [(report["split"], report["overall"]), *report["by_source"].items(), *report["by_part"].items()]:
        rows.append([name, s["no_event_articles"], s["quiet_share"], s["false_events"], s["false_per_100"],
                     s["event_articles"], s["labelled_events"], s["events_found"], s["event_recall"]])
    lines += table(["part", "no-event articles", "quiet share", "false events", "false/100",
                    "event articles", "events", "found", "recall"], rows)
    if report["errors"]:
        lines += ["", "Errors", "------"]
        lines += [f"{e['id']}  {e['kind']}  {e['type']}  [{e['decided_by']}]  {e['text']}" for e in report["errors"]]
    return "\n".join(lines) + "\n"
