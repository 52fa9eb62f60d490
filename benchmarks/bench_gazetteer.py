"""Gazetteer benchmark: load time, memory after load, resolve and reverse throughput.

    .venv/bin/python benchmarks/bench_gazetteer.py

Builds the cache first if it is missing (reported separately), then times a
fresh load from the cache the way every process after the first one pays it.
"""
from __future__ import annotations

import random
import resource
import sys
import time

from sitrep.gazetteer import Gazetteer, GeoContext, store

CONFLICT_NAMES = [
    "Aleppo", "Aleppo province", "Idlib", "Nubl", "Zahra", "al-Nayrab airport", "Homs", "Hama",
    "Deir ez-Zor", "Raqqa", "Tripoli", "Benghazi", "Misrata", "Khartoum", "El Fasher", "Omdurman",
    "Kharkiv", "Bakhmut", "Avdiivka", "Kherson", "Gaza", "Rafah", "Khan Younis", "Jenin", "Sanaa",
    "Hodeidah", "Marib", "Mogadishu", "Kismayo", "Goma", "Bunia", "Gao", "Timbuktu", "Maiduguri",
    "Kabul", "Kandahar", "Mosul", "Kirkuk", "Georgia", "Lebanon", "Port-au-Prince", "Culiacan",
]


def rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def sample_names(gaz: Gazetteer, n: int) -> list[str]:
    rows = gaz._sql("SELECT name FROM place WHERE fclass = 'P' AND population > 5000")
    rng = random.Random(7)
    return CONFLICT_NAMES + [r[0] for r in rng.sample(rows, n - len(CONFLICT_NAMES))]


def main() -> None:
    path = store.cache_path()
    if not path.exists():
        start = time.perf_counter()
        Gazetteer.load()
        print(f"first build:   {time.perf_counter() - start:6.2f} s  -> {path}")
        print(f"(peak RSS includes the build: {rss_mb():.0f} MB; run again for load-only numbers)")
    start = time.perf_counter()
    gaz = Gazetteer.load()
    print(f"load:          {time.perf_counter() - start:6.3f} s")
    print(f"RSS after load:{rss_mb():7.1f} MB")

    names = sample_names(gaz, 400)
    ctx = GeoContext(countries={"SY": 5, "RU": 1})
    for label, context in (("resolve (cold)", ctx), ("resolve (warm)", ctx), ("resolve, no ctx", None)):
        start = time.perf_counter()
        for name in names:
            gaz.resolve(name, context)
        rate = len(names) / (time.perf_counter() - start)
        print(f"{label + ':':15}{rate:8.0f} /s over {len(names)} names")

    rng = random.Random(3)
    points = [(rng.uniform(-40, 60), rng.uniform(-20, 120)) for _ in range(5000)]
    gaz.reverse(0.0, 0.0)
    start = time.perf_counter()
    for lat, lon in points:
        gaz.reverse(lat, lon)
    per_call = (time.perf_counter() - start) / len(points) * 1e6
    print(f"reverse:       {per_call:8.1f} us/call (random points, land and sea)")
    print(f"RSS at end:    {rss_mb():7.1f} MB")


if __name__ == "__main__":
    main()
