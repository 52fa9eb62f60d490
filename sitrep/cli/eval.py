"""`sitrep eval`: measure extraction against gold data.

Each dataset is a sub-command. A dataset with its own module (``register(esub)`` adding a
parser that sets its own ``run``) is listed in ``DATASET_MODULES``.
"""
from __future__ import annotations

import argparse
import sys
from importlib import import_module

from .common import EXIT_FAILED, EXIT_OK

# Modules under sitrep.cli that add `sitrep eval DATASET` sub-commands of their own.
DATASET_MODULES: tuple[str, ...] = ("eval_prose", "eval_geoparse", "eval_noise")


def eval_options(p: argparse.ArgumentParser, split: str) -> None:
    from ..evaluate.split import CHOICES

    p.add_argument("--split", choices=CHOICES, default=split,
                   help=f"which part of the fixed split to evaluate (default: {split}); tune on train/dev only")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N texts (after --sample)")
    p.add_argument("--sample", type=int, metavar="N", help="a fixed seeded sample of N texts of the split (for CI)")
    p.add_argument("--seed", type=int, default=0, help="seed of --sample (default: 0)")
    p.add_argument("--country", metavar="C", help="only gold events in this country (name or ISO3)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="show the N worst cases, gold and predicted key fields side by side")
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows in confusion and country tables (default: 10)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N", help="texts per pipeline batch (default: 32)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="measure extraction against gold data",
                       description="Run the pipeline on gold data and report accuracy per field "
                                   "(see docs/evaluation.md). Numbers to report come from --split test.")
    esub = p.add_subparsers(dest="dataset", metavar="DATASET")
    p.set_defaults(run=run, eval_parser=p)
    e = esub.add_parser("acled", help="ACLED exports: notes text vs the coded event",
                        description="Evaluate on ACLED CSV exports (modern, 2020 and old schemas).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="ACLED CSV files")
    eval_options(e, "test")
    e = esub.add_parser("ucdp", help="UCDP GED rows: source headlines vs deaths, sides, place",
                        description="Evaluate on UCDP GED CSV rows (text = source_headline).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="UCDP GED CSV files")
    eval_options(e, "test")
    e = esub.add_parser("articles", help="full articles with gold events (our JSON format, or HRDsAttack)",
                        description="Evaluate on articles with gold events: our JSON/JSONL format, or "
                                    "HRDsAttack's JSON (which has its own train/dev/test files; --split is ignored).")
    e.add_argument("paths", nargs="+", metavar="PATH", help=".json or .jsonl files")
    e.add_argument("--format", choices=("auto", "sitrep", "hrdsattack"), default="auto",
                   help="the files' format (default: detect)")
    eval_options(e, "all")
    e = esub.add_parser("golden", help="the hand-coded events of tests/golden/expected.yaml",
                        description="Evaluate on the team's hand-coded events for the sample articles.")
    e.add_argument("--expected", default="tests/golden/expected.yaml", metavar="YAML",
                   help="hand-coded events (default: tests/golden/expected.yaml)")
    e.add_argument("--articles", default="samples/articles.jsonl", metavar="JSONL",
                   help="the articles they were coded from (default: samples/articles.jsonl)")
    eval_options(e, "all")
    e = esub.add_parser("gate", help="fixed samples vs the floors pinned in benchmarks/baseline.json (CI)",
                        description="Run fixed samples (ACLED dummy, Bangladesh 2015, golden, UCDP Syria), compare "
                                    "the headline metrics with the floors pinned in the baseline, and exit 1 "
                                    "naming every metric below its floor (see docs/evaluation.md). Data missing: "
                                    "skipped, exit 0.")
    e.add_argument("--baseline", metavar="FILE", help="pinned floors (default: benchmarks/baseline.json)")
    e.add_argument("--update", action="store_true",
                   help="rewrite the baseline from this run (floor = measured - margin); never lowers a floor "
                        "without --allow-lower")
    e.add_argument("--allow-lower", action="store_true", help="with --update: allow lowering floors")
    e.add_argument("--data", metavar="DIR", help="gold data folder (default: ../shared/data beside the repo)")
    e.set_defaults(run=_cmd_eval_gate)
    for name in DATASET_MODULES:
        import_module(f"sitrep.cli.{name}").register(esub)


def _cmd_eval_gate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..evaluate.gate import gate_main

    return gate_main(Path(args.baseline) if args.baseline else None, Path(args.data) if args.data else None,
                     update=args.update, allow_lower=args.allow_lower,
                     err=lambda line: print(line, file=sys.stderr))


def run(args: argparse.Namespace) -> int:
    import json

    from .. import evaluate as ev

    if args.dataset is None:
        args.eval_parser.print_help()
        return EXIT_FAILED
    options = ev.Options(split=args.split, limit=args.limit, sample=args.sample, seed=args.seed,
                         country=args.country, errors=args.errors, top=args.top, batch_size=args.batch_size)
    run = {"progress": _progress}
    if args.dataset == "acled":
        report = ev.evaluate_acled(args.paths, options, **run)
    elif args.dataset == "ucdp":
        report = ev.evaluate_ucdp(args.paths, options, **run)
    elif args.dataset == "articles":
        report = ev.evaluate_articles(args.paths, options, fmt=args.format, **run)
    else:
        report = ev.evaluate_golden(args.expected, args.articles, options, **run)
    sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n" if args.json else ev.render(report))
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    print(f"sitrep eval: {done}/{total} texts", file=sys.stderr)
