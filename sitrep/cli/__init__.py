"""The `sitrep` command: a thin layer over the library.

Each command lives in its own module here with a ``register(subparsers)`` function that adds
its parser and sets ``run``; ``COMMANDS`` lists them in the order ``--help`` shows. A command
parses options, calls the library, prints, and turns sitrep's errors into a message on stderr
and an exit code: 0 all well, 1 some inputs failed, 2 nothing could be done.
"""
from __future__ import annotations

import argparse
import sys
from importlib import import_module

from .. import __version__
from ..errors import SitrepError
from .common import EXIT_FAILED, EXIT_OK, EXIT_SOME_FAILED

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_SOME_FAILED", "build_parser", "main"]

COMMANDS = ("extract", "places", "ingest", "watch", "events", "export", "serve", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn reports of armed conflict into structured, source-attributed event data "
                    "(ACLED taxonomy, UCDP-style fatality estimates, evidence spans).")
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_FAILED
    try:
        return args.run(args)
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
