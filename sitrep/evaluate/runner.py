"""Runs the pipeline once over all case texts and times it."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article
from .cases import Case

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class Run:
    """Predicted event records per case (in case order), and how long it took."""

    predictions: list[list[dict[str, Any]]]
    load_seconds: float
    run_seconds: float

    @property
    def texts_per_second(self) -> float | None:
        return len(self.predictions) / self.run_seconds if self.run_seconds > 0 else None


def run_cases(cases: Sequence[Case], batch_size: int = 32, pipeline: Any = None,
              progress: Progress | None = None) -> Run:
    """The pipeline's event records for every case; the model is loaded once."""
    from ..export import event_record

    start = time.perf_counter()
    if pipeline is None and cases:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    loaded = time.perf_counter()
    predictions: list[list[dict[str, Any]]] = []
    if cases:
        for result in pipeline.run(_articles(cases), batch_size=batch_size):
            predictions.append([event_record(e) for e in result.events])
            if progress and len(predictions) % 200 == 0:
                progress(len(predictions), len(cases))
    return Run(predictions, loaded - start, time.perf_counter() - loaded)


def _articles(cases: Sequence[Case]) -> Iterator[Article]:
    for case in cases:
        yield Article(id=case.id, text=case.text, title=case.title, published=case.published,
                      outlet=case.outlet, origin=f"eval:{case.id}")
