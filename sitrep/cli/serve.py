"""`sitrep serve`: the REST API and the map dashboard over a store."""
from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the REST API and the map dashboard",
                       description="Serve the REST API (OpenAPI schema at /openapi.json) and the map dashboard "
                                   "(at /) over a store. Reads are open on localhost; POST /articles needs the "
                                   "token from the configuration file or SITREP_API_TOKEN.")
    p.add_argument("--db", default="sitrep.db", metavar="STORE",
                   help="SQLite store file or postgresql:// URL (default: ./sitrep.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--config", metavar="FILE", help="TOML file with an [api] table (token, public_reads, "
                                                    "max_page_size, max_body_bytes)")
    p.set_defaults(run=run)


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r} (1 to 65535)")
    return int(value)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api import create_app, load_config
    from ..store import is_postgres, open_store

    config = load_config(args.config)
    open_store(args.db).close()  # a bad store is reported before the server starts
    app = create_app(lambda: open_store(args.db), config, host=args.host)
    shown = "a PostgreSQL store" if is_postgres(args.db) else args.db  # a URL may hold a password
    print(f"sitrep: serving {shown} on http://{args.host}:{args.port}/ "
          f"(ingest {'enabled' if config.token else 'disabled: no token configured'})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
