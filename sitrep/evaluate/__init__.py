"""Evaluation: sitrep's events against third-party gold data (``sitrep eval``).

    from sitrep.evaluate import Options, evaluate_acled, render
    print(render(evaluate_acled(["acled.csv"], Options(split="test", sample=200))))

Every evaluation uses the fixed split of ``split.split_of`` (hash of the normalised text);
tune on train/dev, report test. See docs/evaluation.md for the matching and the metrics.
"""
from .cases import Case, EvalError, Gold, Options
from .report import render
from .split import split_of
from .suites import evaluate_acled, evaluate_articles, evaluate_golden, evaluate_ucdp

__all__ = [
    "Case",
    "EvalError",
    "Gold",
    "Options",
    "evaluate_acled",
    "evaluate_articles",
    "evaluate_golden",
    "evaluate_ucdp",
    "render",
    "split_of",
]
