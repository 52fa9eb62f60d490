"""How fast ingest reads HTML pages, without the NLP: trafilatura, language check, dateline.

    python benchmarks/bench_ingest.py            # 1,000 pages of ~60 KB each
    python benchmarks/bench_ingest.py --pages 200

The pages are generated here (invented outlet, places and reports, with the navigation,
sidebar, scripts and footer a news site wraps around a story) into a temporary folder, then
read with ``read_articles`` as ``sitrep ingest FOLDER`` reads them.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitrep.errors import InputError  # noqa: E402
from sitrep.ingest import read_articles  # noqa: E402

PLACES = ["Northtown", "Riverbend", "Hilltown", "Lakeside", "Eastgate", "Millford", "Stonebridge", "Westvale"]
ACTORS = ["rebel fighters", "the army", "police", "gunmen", "a local militia", "protesters", "unidentified attackers"]
SENTENCES = [
    "{actor} attacked positions near {place} on {day}, residents said.",
    "At least {n} people were killed and {m} wounded, according to a local health official.",
    "The fighting forced hundreds of families to flee towards {place2}, aid workers said.",
    "A spokesman for {actor2} denied the reports and said the situation was under control.",
    "Witnesses described heavy gunfire that lasted for several hours before dawn.",
    "The district commissioner ordered a curfew and closed the main market in {place}.",
    "Humanitarian groups called for safe access to the wounded and for an independent inquiry.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def page(i: int, rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        sentences = [s.format(actor=rng.choice(ACTORS).capitalize(), actor2=rng.choice(ACTORS), place=place,
                              place2=place2, day=rng.choice(DAYS), n=rng.randint(2, 40), m=rng.randint(2, 90))
                     for s in rng.sample(SENTENCES, 3)]
        paragraphs.append("<p>" + " ".join(sentences) + "</p>")
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(60))
    side = "".join(f'<div class="teaser"><a href="/story/{k}">Other story number {k} in brief</a>'
                   f'<span>Read more</span></div>' for k in range(80))
    script = "<script>var config = {" + ",".join(f'"k{k}": {k}' for k in range(1500)) + "};</script>"
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Clashes near {place} | The Bench Courier</title>
<meta property="og:site_name" content="The Bench Courier">
<meta property="article:published_time" content="2025-03-{1 + i % 28:02d}T10:00:00+00:00">
<link rel="canonical" href="https://bench.example/story/{i}">{script}</head>
<body><header><ul class="nav">{nav}</ul></header>
<main><article><h1>Clashes near {place}</h1>{"".join(paragraphs)}</article>
<aside>{side}</aside></main>
<footer><p>Copyright The Bench Courier. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        total_bytes = 0
        for i in range(args.pages):
            html = page(i, rng)
            total_bytes += len(html.encode("utf-8"))
            Path(folder, f"{i // 100:02d}", f"story-{i:04d}.html").parent.mkdir(exist_ok=True)
            Path(folder, f"{i // 100:02d}", f"story-{i:04d}.html").write_text(html, encoding="utf-8")
        started, cpu_started = time.perf_counter(), time.process_time()
        items = list(read_articles([folder]))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    errors = [i for i in items if isinstance(i, InputError)]
    print(f"{args.pages} pages ({total_bytes / args.pages / 1000:.0f} KB each on average): "
          f"{len(items) - len(errors)} articles, {len(errors)} errors in {seconds:.1f} s "
          f"= {args.pages / seconds:.0f} pages/s; CPU {cpu:.1f} s = {args.pages / cpu:.0f} pages per CPU-second")


if __name__ == "__main__":
    main()
