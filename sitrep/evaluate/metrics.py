"""The numbers: accuracy, per-class precision/recall/F1, macro-F1, distances, tolerances."""
from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

NO_EVENT = "(no event)"  # the predicted label when the pipeline gave nothing
EARTH_KM = 6371.0088


def share(values: Iterable[bool | None]) -> dict[str, Any]:
    """The share of True among the values that apply (None does not apply), with n."""
    kept = [v for v in values if v is not None]
    return {"value": sum(kept) / len(kept) if kept else None, "n": len(kept)}


def accuracy(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Share of (gold, predicted) pairs that agree."""
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else None


def per_class(pairs: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Precision, recall, F1 and support per class, most frequent gold class first.

    Classes are the gold labels plus the predicted ones (a class predicted but never gold
    is listed with support 0); ``NO_EVENT`` is not a class, only a wrong prediction.
    """
    gold, pred = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    labels = sorted((set(gold) | set(pred)) - {NO_EVENT}, key=lambda c: (-gold[c], c))
    return [_class_row(c, hits[c], pred[c], gold[c]) for c in labels]


def _class_row(label: str, tp: int, predicted: int, support: int) -> dict[str, Any]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"class": label, "precision": precision, "recall": recall, "f1": f1,
            "support": support, "predicted": predicted}


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Mean F1 over the gold classes. Classes only ever predicted are left out (scikit-learn
    would count them as 0), else a one-class file (Myanmar: all Explosions/Remote violence)
    gets a macro-F1 set by how many wrong labels exist, not by how often they are used."""
    rows = [r for r in per_class(pairs) if r["support"]]
    return sum(r["f1"] for r in rows) / len(rows) if rows else None


def confusions(pairs: Sequence[tuple[str, str]], top: int = 10) -> list[dict[str, Any]]:
    """The most frequent (gold, predicted) disagreements."""
    counts = Counter((g, p) for g, p in pairs if g != p)
    return [{"gold": g, "predicted": p, "count": n} for (g, p), n in counts.most_common(top)]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def within_pct(predicted: int | None, gold: int, pct: float = 10.0) -> bool:
    """|predicted - gold| <= pct% of gold; for gold 0 that means exactly 0."""
    return predicted is not None and abs(predicted - gold) <= gold * pct / 100


def median(values: Iterable[float]) -> float | None:
    finite = [v for v in values if v is not None and math.isfinite(v)]
    return statistics.median(finite) if finite else None
