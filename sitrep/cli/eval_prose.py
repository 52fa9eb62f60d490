"""`sitrep eval prose`: the news-prose set (verbatim news passages, one ACLED sub-type each)."""
from __future__ import annotations

import argparse
import json
import sys


def register(esub: argparse._SubParsersAction) -> None:
    from ..evaluate.prose import PROSE_CHOICES

    p = esub.add_parser("prose", help="verbatim news passages labelled with their ACLED sub-event type",
                        description="Evaluate sub-event typing on the news-prose set (data/prose/README.md): "
                                    "per-class precision/recall/F1 on the primary event, confusions, macro and "
                                    "weighted F1, and how often no-event passages stay quiet. Tune on dev; "
                                    "report test.")
    p.add_argument("path", nargs="?", metavar="PATH",
                   help="the set as JSONL (default: the bundled data/prose/news_prose.jsonl)")
    p.add_argument("--split", choices=PROSE_CHOICES, default="dev",
                   help="which part of the set's fixed split (default: dev; report numbers from test)")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N items (after --sample)")
    p.add_argument("--sample", type=int, metavar="N", help="a fixed seeded sample of N items of the split")
    p.add_argument("--seed", type=int, default=0, help="seed of --sample (default: 0)")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="show the N worst items: text, gold, predicted and what decided the type")
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows in the confusion table (default: 10)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N", help="texts per pipeline batch (default: 32)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate import Options
    from ..evaluate.prose import evaluate_prose, render_prose
    from .common import EXIT_OK

    options = Options(split=args.split, limit=args.limit, sample=args.sample, seed=args.seed, errors=args.errors,
                      top=args.top, batch_size=args.batch_size)
    report = evaluate_prose(args.path, options, progress=_progress)
    sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n" if args.json else render_prose(report))
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    print(f"sitrep eval prose: {done}/{total} texts", file=sys.stderr)
