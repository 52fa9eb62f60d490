"""`sitrep eval geoparse`: place mentions against GeoWebNews and GeoVirus."""
from __future__ import annotations

import argparse
import json
import sys

from .common import EXIT_OK


def register(esub: argparse._SubParsersAction) -> None:
    from ..evaluate.split import CHOICES

    e = esub.add_parser("geoparse", help="every place mention vs GeoWebNews / GeoVirus XML",
                        description="Geoparse the texts of GeoWebNews or GeoVirus XML files and report mention "
                                    "recall and precision (span overlap), accuracy within 161 km, median and "
                                    "mean error, AUC of the error curve and exact GeoNames match "
                                    "(see sitrep/evaluate/geoparse.py). Split by a hash of the document id.")
    e.add_argument("paths", nargs="+", metavar="PATH", help="GWN.xml / GeoVirus.xml files")
    e.add_argument("--split", choices=CHOICES, default="test",
                   help="which part of the fixed split (default: test); tune on train/dev only")
    e.add_argument("--sample", type=int, metavar="N", help="a fixed seeded sample of N documents of the split")
    e.add_argument("--seed", type=int, default=0, help="seed of --sample (default: 0)")
    e.add_argument("--limit", type=int, metavar="N", help="only the first N documents (after --sample)")
    e.add_argument("--errors", type=int, default=0, metavar="N",
                   help="show the N worst resolutions, missed toponyms and spurious mentions")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate.geoparse import evaluate, render
    from ..geoparse import Geoparser

    parser = Geoparser()
    report = evaluate(args.paths, args.split, lambda texts: parser.parse_many(texts),
                      sample=args.sample, seed=args.seed, limit=args.limit, errors=args.errors,
                      progress=lambda n, total: print(f"sitrep eval: {n}/{total} documents", file=sys.stderr))
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else render(report))
    return EXIT_OK
