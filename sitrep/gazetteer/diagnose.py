"""Why events land in the wrong place: ACLED gold rows sorted into geolocation error classes.

    python -m sitrep.gazetteer.diagnose ../shared/data/acledR_dummy/acled_old_deletion_dummy.csv \
        --split dev [--show "missing"] [--n 20]

Each gold event is compared with the text's first predicted event (the "primary" match of
``sitrep eval acled``) and put in the first class that fits:

- ``no event``: nothing predicted for the text;
- ``no place``: an event without coordinates;
- ``wrong country``;
- ``missing``: no gazetteer place of the gold location's name lies within 25 km of the gold
  point (a village cities500 lacks);
- ``wrong choice``: the gazetteer knows the place, another mention or namesake was taken;
- ``admin1 only``: the point is within 25 km but admin1 differs (naming, borders).

Classes of wrong points say "(named)" when the gold location's name occurs in the text.
Tune on train/dev only: this reads the split it is given, like the evaluation.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from .grid import distance_km

CLOSE_KM = 25.0


@dataclass
class Verdict:
    label: str  # error class; "" when the point and admin1 are right
    within: bool
    admin1_ok: bool | None


def classify(gold: Any, pred: dict[str, Any] | None, text: str, gaz: Any) -> Verdict:
    """The error class of one gold event (``evaluate.cases.Gold``) against one event record."""
    from ..evaluate import names
    from ..evaluate.compare import admin1_check
    from ..evaluate.compare import distance_km as gold_km

    if pred is None:
        return Verdict("no event", False, False if gold.admin1 else None)
    d = gold_km(gold, pred)
    admin_ok, _ = admin1_check(gold, pred)
    within = d is not None and d <= CLOSE_KM
    if within:
        return Verdict("admin1 only" if admin_ok is False else "", True, admin_ok)
    if pred.get("latitude") is None:
        label = "no place"
    elif not names.same_country(gold.country, pred.get("country")):
        label = "wrong country"
    else:
        known = gold.latitude is not None and any(
            distance_km(p.latitude, p.longitude, gold.latitude, gold.longitude) <= CLOSE_KM
            for p in gaz.lookup(gold.location or "")[:50])
        label = "wrong choice" if known else "missing"
        if gold.location and gold.location.split(" - ")[0].lower() in text.lower():
            label += " (named)"
    return Verdict(label, False, admin_ok)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.gazetteer.diagnose", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="ACLED CSV files")
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test", "all"))
    parser.add_argument("--show", help="print the cases of the classes whose name starts so")
    parser.add_argument("--n", type=int, default=20, help="cases to print per class shown")
    args = parser.parse_args(argv)

    from ..evaluate.acled import read_acled
    from ..evaluate.cases import Options, select
    from ..evaluate.runner import run_cases
    from . import get_gazetteer

    cases = select(read_acled(args.paths).cases, Options(split=args.split))
    run = run_cases(cases)
    gaz = get_gazetteer()
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    total = within = admin_ok = 0
    for case, preds in zip(cases, run.predictions):
        for gold in case.golds:
            verdict = classify(gold, preds[0] if preds else None, case.text, gaz)
            total += 1
            within += verdict.within
            admin_ok += bool(verdict.admin1_ok)
            if verdict.label:
                counts[verdict.label] += 1
                if args.show and verdict.label.startswith(args.show):
                    shown[verdict.label].append(_case_line(case, gold, preds[0] if preds else None))
    print(f"{total} gold events: within {CLOSE_KM:.0f} km {within / max(total, 1):.1%}, "
          f"admin1 {admin_ok / max(total, 1):.1%}")
    for label, n in counts.most_common():
        print(f"  {n:5d}  {label}")
    for label, lines in shown.items():
        print(f"\n{label}")
        print("\n".join(lines[:args.n]))
    return 0


def _case_line(case: Any, gold: Any, pred: dict[str, Any] | None) -> str:
    where = "(none)" if pred is None else (f"{pred.get('location')}, {pred.get('admin1')}, {pred.get('country')} "
                                           f"(precision {pred.get('geo_precision')})")
    return (f"- {case.id}: {case.text[:200]}\n    gold: {gold.location}, {', '.join(gold.admin1)}, {gold.country}"
            f"\n    predicted: {where}")


if __name__ == "__main__":
    sys.exit(main())
