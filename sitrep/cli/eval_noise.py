"""`sitrep eval noise`: ordinary news and disease reports, labelled per article (data/noise/README.md)."""
from __future__ import annotations

import argparse
import json
import sys


def register(esub: argparse._SubParsersAction) -> None:
    from ..evaluate.noise import NOISE_CHOICES

    p = esub.add_parser("noise", help="general news and disease reports: false events and event recall",
                        description="Run the pipeline on the GeoWebNews and GeoVirus articles labelled in "
                                    "data/noise/labels.jsonl and report false events per 100 no-event articles, "
                                    "the share of no-event articles that stay quiet, and the recall of the "
                                    "labelled events. Tune on train; report heldout (dev and test).")
    p.add_argument("--split", choices=NOISE_CHOICES, default="heldout",
                   help="which part (default: heldout, i.e. dev and test; tune on train)")
    p.add_argument("--labels", metavar="JSONL", help="the labels (default: the bundled data/noise/labels.jsonl)")
    p.add_argument("--data", metavar="DIR", help="the geoparsing folder (default: ../shared/data/geoparsing)")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list N false or missed events")
    p.add_argument("--batch-size", type=int, default=16, metavar="N", help="texts per pipeline batch (default: 16)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate.noise import evaluate_noise, render_noise
    from .common import EXIT_OK

    report = evaluate_noise(args.split, labels=args.labels, folder=args.data, errors=args.errors,
                            batch_size=args.batch_size)
    sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n" if args.json else render_noise(report))
    return EXIT_OK
