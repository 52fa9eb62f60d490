"""Per-call cost of the lookups every sentence pays: actor names and dates.

    .venv/bin/python benchmarks/bench_lookups.py

(The gazetteer's load, resolve and reverse are in bench_gazetteer.py.)
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sitrep.extract.actors import ActorRegistry
from sitrep.extract.dates import resolve_date

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "aleppo-offensive.txt"
SENTENCE = ("The Syrian military, in a statement carried by state news agency SANA, reported the ongoing "
            "attack but did not mention any casualties, and described the assault as a huge and large-scale "
            "terrorist attack involving a significant number of militants and heavy weaponry.")


def per_call_ms(fn, runs: int) -> float:
    fn()  # warm caches
    began = time.perf_counter()
    for _ in range(runs):
        fn()
    return (time.perf_counter() - began) / runs * 1000


def main() -> None:
    registry = ActorRegistry.load()
    text = (SEED.read_text(encoding="utf-8") * 3)[:5000] if SEED.exists() else SENTENCE * 20
    print(f"actor names in 5,000 characters  {per_call_ms(lambda: registry.find(text, 'SY'), 50):8.3f} ms")
    thursday = dt.date(2024, 11, 28)
    print(f"dates in a 300-character sentence {per_call_ms(lambda: resolve_date(SENTENCE, thursday), 500):8.3f} ms")


if __name__ == "__main__":
    main()
