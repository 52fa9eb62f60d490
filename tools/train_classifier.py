"""Fit the sub-event classifier of sitrep/extract/learned.py on the TRAIN split of ACLED notes.

    pip install -e '.[train]'
    python tools/train_classifier.py [--data ../shared/data] [--out sitrep/extract/data/sub_event_model.npz]

Reads every ACLED export with a sub_event_type column under the data folder, keeps the notes of
the train split only (sitrep/evaluate/split.py), adds the news-prose passages of the set's
``train`` split (data/prose/news_prose.jsonl; each weighted --prose-weight so a few hundred
passages of news prose are heard beside thousands of notes in ACLED's house style), caps each (file, sub-type) at --cap notes so one
file's favourite type does not drown the rest, fits a multinomial logistic regression on the
features of ``learned.features(learned.act_words(...))`` with a fixed seed, prints accuracy and
macro-F1 on the dev split of each file, and writes vocabulary, weights and biases as an .npz that
sitrep loads with numpy only. scikit-learn is needed here only, never at run time.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.evaluate.acled import read_acled  # noqa: E402
from sitrep.evaluate.prose import read_prose  # noqa: E402
from sitrep.evaluate.split import split_of  # noqa: E402
from sitrep.extract.learned import MODEL_PATH, WORD, SubEventModel, act_words, features  # noqa: E402

FILES = (  # ACLED exports that code sub-event types (modern and 2020 schemas)
    "acledR_dummy/acled_old_deletion_dummy.csv",
    "acledR_dummy/acled_old_dummy.csv",
    "acled_kenya_carol0128/acled_data.csv",
    "acled_myanmar_explosions_2021_fsc/explosions_remote_violence.csv",
    "acled_afghanistan_2020_dkoban/ACLED.csv",
)
SEED = 13


def load(data: Path) -> dict[str, list[tuple[str, str, str]]]:
    """(split, text, sub_event_type) of every note, by file; a note's first coded row gives its type."""
    out = {}
    for name in FILES:
        path = data / name
        if not path.exists():
            print(f"skipped: {path} not found", file=sys.stderr)
            continue
        rows = []
        for case in read_acled([path]).cases:
            sub = next((g.sub_event_type for g in case.golds if g.sub_event_type), None)
            if sub:
                rows.append((split_of(case.split_key), case.text, sub))
        out[name] = rows
    return out


def load_prose() -> list[tuple[str, str, str]]:
    """(split, text, sub_event_type) of the labelled news-prose passages (no-event ones have no class here)."""
    return [(i.split, i.text, i.label) for i in read_prose() if i.label and i.split in ("train", "dev")]


def common_words(texts: list[str], min_count: int = 3) -> frozenset[str]:
    """Words the notes write in lower case: a capitalised one of these is a word, not a name."""
    counts = Counter(m.group() for t in texts for m in WORD.finditer(t) if m.group().islower())
    return frozenset(w for w, n in counts.items() if n >= min_count)


def capped(rows: list[tuple[str, str, str]], cap: int, rng: random.Random) -> list[tuple[str, str, str]]:
    by_type: dict[str, list] = {}
    for row in rows:
        by_type.setdefault(row[2], []).append(row)
    out = []
    for items in by_type.values():
        out.extend(items if len(items) <= cap else rng.sample(items, cap))
    return out


def fit(train: list[tuple[str, str, str]], common: frozenset[str], min_df: int, c: float,
        weights: list[float] | None = None) -> SubEventModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [features(act_words(text, common)) for _, text, _ in train]
    df = Counter(f for d in docs for f in set(d))
    vocabulary = sorted(f for f, n in df.items() if n >= min_df)
    keep = set(vocabulary)
    rows = []
    for d in docs:
        kept = {f for f in d if f in keep}
        rows.append({f: 1.0 / np.sqrt(len(kept)) for f in kept} if kept else {})
    vectorizer = DictVectorizer(sparse=True)
    x = vectorizer.fit_transform(rows)
    labels = [sub for _, _, sub in train]
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
    clf.fit(x, labels, sample_weight=weights)
    names = list(vectorizer.get_feature_names_out())
    weights = clf.coef_.T.astype(np.float32)  # features x classes
    return SubEventModel(names, weights, clf.intercept_.astype(np.float32), list(clf.classes_), common)


def score(model: SubEventModel, rows: list[tuple[str, str, str]]) -> tuple[float, float, int]:
    gold = [sub for _, _, sub in rows]
    pred = [(p.label if (p := model.predict(text)) else "") for _, text, _ in rows]
    acc = sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold))
    f1s = []
    for label in set(gold):
        tp = sum(g == p == label for g, p in zip(gold, pred))
        prec = tp / max(1, sum(p == label for p in pred))
        rec = tp / max(1, sum(g == label for g in gold))
        f1s.append(0.0 if tp == 0 else 2 * prec * rec / (prec + rec))
    return acc, sum(f1s) / max(1, len(f1s)), len(gold)


def save(model: SubEventModel, out: Path, info: dict) -> None:
    vocabulary = sorted(model.index, key=model.index.get)
    meta = {"vocabulary": vocabulary, "labels": model.labels, "common": sorted(model.common), **info}
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, weights=model.weights.astype(np.float16).astype(np.float32), bias=model.bias,
                        meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cap", type=int, default=1200, help="most train notes per (file, sub-type)")
    parser.add_argument("--min-df", type=int, default=1, help="a feature must occur in this many notes")
    parser.add_argument("--c", type=float, default=30.0, help="inverse regularisation of the regression")
    parser.add_argument("--prose-weight", type=float, default=10.0,
                        help="weight of a news-prose train passage against an ACLED note (0: leave them out)")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    by_file = load(args.data)
    train = [r for rows in by_file.values() for r in capped([r for r in rows if r[0] == "train"], args.cap, rng)]
    prose = load_prose()
    prose_train = [r for r in prose if r[0] == "train"] if args.prose_weight > 0 else []
    common = common_words([text for _, text, _ in train])
    print(f"train notes: {len(train)}; by type: {dict(Counter(s for _, _, s in train).most_common())}")
    print(f"news-prose train passages: {len(prose_train)}, weight {args.prose_weight}")
    weights = [1.0] * len(train) + [args.prose_weight] * len(prose_train)
    model = fit(train + prose_train, common, args.min_df, args.c, weights)
    print(f"features: {len(model.index)}, classes: {len(model.labels)}")
    for name, rows in by_file.items():
        acc, macro, n = score(model, [r for r in rows if r[0] == "dev"])
        print(f"dev {name}: accuracy {acc:.3f}, macro-F1 {macro:.3f} (n={n})")
    acc, macro, n = score(model, [r for r in prose if r[0] == "dev"])
    print(f"dev news prose (event passages): accuracy {acc:.3f}, macro-F1 {macro:.3f} (n={n})")
    save(model, args.out, {"trained_on": [*by_file, "data/prose/news_prose.jsonl"], "split": "train",
                           "seed": SEED, "cap": args.cap, "min_df": args.min_df, "c": args.c,
                           "prose_weight": args.prose_weight, "prose_passages": len(prose_train)})
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
