"""Geoparsing benchmarks: GeoWebNews and GeoVirus (Gritta et al.), mention by mention.

Gold toponyms are those with coordinates (GeoWebNews also annotates non-toponyms such as
"citizens" and demonyms; those have none). The metrics follow Gritta, Pilehvar and Collier,
"A Pragmatic Guide to Geoparsing Evaluation" (2019):

* recognition: a predicted mention and a gold toponym match when their character spans
  overlap; recall over gold toponyms, precision over predicted mentions. Adjectival
  predictions ("Turkish forces") are left out of precision: GeoVirus does not annotate
  demonyms, and GeoWebNews annotates them without coordinates.
* resolution, on the gold toponyms that were found: the distance between the predicted and
  the gold coordinates; accuracy within 161 km (100 miles), mean and median error, and the
  area under the curve of log errors (0 perfect, 1 every error at the antipode); exact
  GeoNames match where the gold gives an id.

The split is fixed by a hash of the document id (GeoWebNews' ``file``, GeoVirus' source URL,
so the several excerpts of one WikiNews story stay together), as in ``split.py``.
"""
from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..gazetteer.grid import distance_km
from ..model import PlaceMention
from .cases import EvalError
from .split import fixed_sample, in_split

ACCURATE_KM = 161.0
MAX_KM = 20039.0  # half the Earth's circumference: the largest possible error


@dataclass(frozen=True)
class GoldToponym:
    text: str
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None = None
    kind: str = ""  # GeoWebNews' type (Literal, Metonymic, ...); "" for GeoVirus


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    toponyms: list[GoldToponym]
    # Spans that are place-referring but carry no coordinates (GeoWebNews demonyms): a
    # prediction there is neither right nor wrong.
    neutral: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------- reading

def read_gold(path: Path) -> tuple[str, list[GoldDoc]]:
    """("geowebnews" | "geovirus", documents) from one XML file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"{path}: cannot read geoparsing XML ({exc})") from exc
    articles = root.findall("article")
    if not articles:
        raise EvalError(f"{path}: no <article> elements (expected GeoWebNews or GeoVirus XML)")
    if articles[0].find("toponyms") is not None:
        return "geowebnews", [_gwn_doc(a, n, path) for n, a in enumerate(articles)]
    if articles[0].find("locations") is not None:
        return "geovirus", [_geovirus_doc(a, n, path) for n, a in enumerate(articles)]
    raise EvalError(f"{path}: articles have neither <toponyms> (GeoWebNews) nor <locations> (GeoVirus)")


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _gwn_doc(article: ET.Element, n: int, path: Path) -> GoldDoc:
    text = article.findtext("text") or ""
    toponyms, neutral = [], []
    for t in article.find("toponyms") or []:
        start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
        lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
        kind = (t.findtext("type") or "").strip()
        if lat is None or lon is None:
            if kind in ("Demonym", "Homonym"):
                neutral.append((start, end))
            continue
        gid = (t.findtext("geonamesID") or "").strip()
        toponyms.append(GoldToponym(t.findtext("extractedName") or text[start:end], start, end, lat, lon,
                                    int(gid) if gid.isdigit() else None, kind))
    return GoldDoc(f"gwn-{article.get('file', n)}", text, toponyms, neutral)


def _geovirus_doc(article: ET.Element, n: int, path: Path) -> GoldDoc:
    text = article.findtext("text") or ""
    toponyms = []
    for loc in article.find("locations") or []:
        lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
        if lat is None or lon is None:
            continue
        start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
        toponyms.append(GoldToponym(loc.findtext("name") or text[start:end], start, end, lat, lon))
    source = (article.findtext("source") or "").strip() or f"{path.name}#{n}"
    return GoldDoc(source, text, toponyms)


def select(docs: list[GoldDoc], split: str, sample: int | None = None, seed: int = 0,
           limit: int | None = None) -> list[GoldDoc]:
    chosen = [d for d in docs if in_split(d.doc_id, split)]
    if sample:
        chosen = fixed_sample(chosen, sample, seed)
    return chosen[:limit] if limit else chosen


# ---------------------------------------------------------------- scoring

@dataclass
class Case:
    """One gold toponym and what the geoparser made of it."""

    doc_id: str
    gold: GoldToponym
    predicted: PlaceMention | None
    error_km: float | None


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    cases: list[Case] = field(default_factory=list)
    false_positives: list[tuple[str, PlaceMention]] = field(default_factory=list)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_doc(doc: GoldDoc, mentions: list[PlaceMention], tally: Tally) -> None:
    tally.gold += len(doc.toponyms)
    for gold in doc.toponyms:
        hits = [m for m in mentions if _overlaps(m.span.start, m.span.end, gold.start, gold.end)]
        if not hits:
            tally.cases.append(Case(doc.doc_id, gold, None, None))
            continue
        tally.found += 1
        best = min(hits, key=lambda m: abs(m.span.start - gold.start) + abs(m.span.end - gold.end))
        err = distance_km(best.place.latitude, best.place.longitude, gold.lat, gold.lon)
        tally.cases.append(Case(doc.doc_id, gold, best, err))
    for m in mentions:
        if m.role == "adjectival":
            continue
        if any(_overlaps(m.span.start, m.span.end, s, e) for s, e in doc.neutral):
            continue
        tally.predicted += 1
        if any(_overlaps(m.span.start, m.span.end, g.start, g.end) for g in doc.toponyms):
            tally.predicted_right += 1
        else:
            tally.false_positives.append((doc.doc_id, m))


def auc(errors: Iterable[float]) -> float:
    """Area under the curve of sorted, log-scaled errors (Gritta et al. 2018): 0 is best."""
    scaled = sorted(math.log(1.0 + e) / math.log(1.0 + MAX_KM) for e in errors)
    if not scaled:
        return 0.0
    if len(scaled) == 1:
        return scaled[0]
    width = 1.0 / (len(scaled) - 1)
    return sum((a + b) / 2.0 * width for a, b in zip(scaled, scaled[1:]))


def metrics(tally: Tally) -> dict[str, Any]:
    errors = [c.error_km for c in tally.cases if c.error_km is not None]
    with_id = [c for c in tally.cases if c.error_km is not None and c.gold.geonameid is not None]
    exact = sum(1 for c in with_id if c.predicted is not None and c.predicted.place.geonameid == c.gold.geonameid)
    # Facilities (streets, venues) are placed at their town with no id of their own: how
    # much of the exact-id shortfall they make.
    places = [c for c in with_id if c.predicted is not None and c.predicted.role != "facility"]
    within = sum(1 for e in errors if e <= ACCURATE_KM)
    return {
        "gold_toponyms": tally.gold,
        "mention_recall": _ratio(tally.found, tally.gold),
        "mention_precision": _ratio(tally.predicted_right, tally.predicted),
        "mention_f1": _f1(_ratio(tally.found, tally.gold), _ratio(tally.predicted_right, tally.predicted)),
        "resolved": len(errors),
        "accuracy_161km": _ratio(within, len(errors)),
        "accuracy_161km_end_to_end": _ratio(within, tally.gold),
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "auc": round(auc(errors), 4),
        "with_geonameid": len(with_id),
        "exact_geonameid": _ratio(exact, len(with_id)),
        "exact_geonameid_without_facilities": _ratio(exact, len(places)),
        "accuracy_161km_by_feature": by_feature(tally.cases),
    }


FEATURE_GROUPS = (("continent", ("CONT",)), ("country", ("PCLI",)), ("admin1", ("ADM1",)),
                  ("admin2", ("ADM2",)))


def _feature_group(mention: PlaceMention) -> str:
    if mention.role == "facility":
        return "facility"
    return next((name for name, codes in FEATURE_GROUPS if mention.place.feature_code in codes), "town or spot")


def by_feature(cases: list[Case]) -> dict[str, str]:
    """Accuracy within 161 km by the kind of place predicted: where the errors come from
    (GeoVirus gives countries and continents Wikipedia's points, GeoNames' lie elsewhere)."""
    groups: dict[str, list[float]] = {}
    for c in cases:
        if c.error_km is not None and c.predicted is not None:
            groups.setdefault(_feature_group(c.predicted), []).append(c.error_km)
    order = [name for name, _ in FEATURE_GROUPS] + ["town or spot", "facility"]
    return {name: f"{sum(e <= ACCURATE_KM for e in groups[name]) / len(groups[name]):.3f} of {len(groups[name])}"
            for name in order if name in groups}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _f1(r: float | None, p: float | None) -> float | None:
    return round(2 * r * p / (r + p), 4) if r and p else None


# ---------------------------------------------------------------- running

Parser = Callable[[list[str]], Iterable[list[PlaceMention]]]


def evaluate(paths: list[str], split: str, parse: Parser, *, sample: int | None = None, seed: int = 0,
             limit: int | None = None, errors: int = 0,
             progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Per-file metrics (and the worst cases when ``errors``) for one split."""
    report: dict[str, Any] = {"split": split, "datasets": []}
    for path in paths:
        name, docs = read_gold(Path(path))
        docs = select(docs, split, sample, seed, limit)
        tally = Tally()
        for n, (doc, mentions) in enumerate(zip(docs, parse([d.text for d in docs])), 1):
            score_doc(doc, mentions, tally)
            if progress and n % 10 == 0:
                progress(n, len(docs))
        entry = {"file": str(path), "dataset": name, "documents": len(docs), **metrics(tally)}
        if errors:
            entry["worst"] = worst_cases(tally, errors)
        report["datasets"].append(entry)
    return report


def worst_cases(tally: Tally, n: int) -> dict[str, list[dict[str, Any]]]:
    resolved = sorted((c for c in tally.cases if c.error_km is not None), key=lambda c: -c.error_km)
    missed = [c for c in tally.cases if c.predicted is None]
    return {
        "wrong_place": [_case_row(c) for c in resolved[:n] if c.error_km > ACCURATE_KM],
        "missed": [{"doc": c.doc_id, "gold": c.gold.text, "kind": c.gold.kind} for c in missed[:n]],
        "spurious": [{"doc": d, "text": m.span.text, "place": m.place.name, "iso3": m.place.iso3}
                     for d, m in tally.false_positives[:n]],
    }


def _case_row(c: Case) -> dict[str, Any]:
    p = c.predicted.place if c.predicted else None
    return {"doc": c.doc_id, "gold": c.gold.text, "gold_id": c.gold.geonameid,
            "gold_latlon": [c.gold.lat, c.gold.lon], "predicted": p.name if p else None,
            "predicted_id": p.geonameid if p else None, "iso3": p.iso3 if p else None,
            "feature": p.feature_code if p else None, "error_km": round(c.error_km or 0.0)}


def render(report: dict[str, Any]) -> str:
    lines = [f"split: {report['split']}"]
    keys = ("documents", "gold_toponyms", "mention_recall", "mention_precision", "mention_f1", "resolved",
            "accuracy_161km", "accuracy_161km_end_to_end", "median_error_km", "mean_error_km", "auc",
            "with_geonameid", "exact_geonameid", "exact_geonameid_without_facilities")
    for entry in report["datasets"]:
        lines.append(f"\n{entry['dataset']} ({entry['file']})")
        lines += [f"  {k:<28} {entry[k]}" for k in keys]
        lines.append("  accuracy_161km by predicted feature:")
        lines += [f"    {k:<26} {v}" for k, v in entry.get("accuracy_161km_by_feature", {}).items()]
        for group, rows in entry.get("worst", {}).items():
            lines.append(f"  {group}:")
            lines += [f"    {row}" for row in rows]
    return "\n".join(lines) + "\n"
