"""A linear sub-event classifier over the words that carry the act, loaded with numpy only.

The model (``data/sub_event_model.npz``) is fitted by ``tools/train_classifier.py`` on the train
split of the ACLED notes in ``../shared/data`` (ACLED data; ACLED's terms of use apply). It reads
meaning, not house style: ``act_words`` drops ACLED's boilerplate ("On 12 March 2022,", "(coded
as ...)", "[size=...]", fatality phrases) and proper names (places, group names), so what is
left are the common words that tell the act ("fired", "artillery", "stoned", "dispersed").
Features are word stems and pairs of neighbouring stems, weighted 1 and scaled to unit length;
the score of a class is a dot product plus a bias, and a softmax turns scores into shares.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import SitrepError

MODEL_PATH = Path(__file__).resolve().parent / "data" / "sub_event_model.npz"

BOILERPLATE = [
    re.compile(r"^\s*[A-Z][A-Za-z /-]{2,40}:\s+(?=(?:On|Around|Between|In|During|At|As|From|Since|Over|Overnight)\b)"),
    re.compile(r"\b(?:on|around|between|since|from|by|in|during|overnight|as of|until)\s+(?:the\s+)?"
               r"(?:(?:night|morning|evening|week|weekend|night)\s+of\s+)?\d{1,2}(?:\s*(?:-|and|to)\s*\d{1,2})?\s+"
               r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
               r"(?:\s+\d{4})?(?:\s*\(as reported\))?,?", re.I),
    re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
               r"\s+\d{1,2},?\s+\d{4},?", re.I),
    re.compile(r"\((?:as reported|coded[^)]*|location unclear|[^)]*\bcoded\b[^)]*)\)", re.I),
    re.compile(r"\[[^\]]*\]"),
    re.compile(r"\b(?:\d+|no|one|two|three)\s+(?:total\s+)?fatalit(?:y|ies)(?:\s+(?:were\s+)?(?:reported|coded))?\.?",
               re.I),
    re.compile(r"\b(?:casualties|fatalities)\s+(?:are\s+|were\s+)?(?:unknown|not reported)\.?", re.I),
    re.compile(r"\bthere were no (?:reported )?(?:fatalities|casualties|injuries)\.?", re.I),
]
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
SENTENCE_START = re.compile(r"(?:^|[.!?;:]\s+|\(\s*)$")
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s")


class ModelError(SitrepError):
    """The classifier's model file is missing or unreadable."""


def act_words(text: str, common: frozenset[str] | None = None) -> list[str]:
    """The text's words that can tell an act: boilerplate gone, proper names dropped, stems kept.

    A capitalised word inside a sentence is a name unless its lower-case form is a common word
    (``common``: words the training notes use in lower case, such as "police" or "military")."""
    for pattern in BOILERPLATE:
        text = pattern.sub(" ", text)
    out = []
    for m in WORD.finditer(text):
        word = m.group()
        if word.isdigit():
            out.append("<num>")
            continue
        lower = word.lower()
        if word[0].isupper() and not SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
            if common is None or lower not in common:
                continue
        out.append(stem(lower))
    return out


def stem(word: str) -> str:
    """A crude stem: regular endings off, so "shelled", "shelling" and "shells" meet."""
    word = word.strip("'-")
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # "shelled" -> "shell", "stopped" -> "stop"
    return word.rstrip("e") if len(word) > 4 else word


def features(words: list[str]) -> list[str]:
    """Stems and pairs of neighbouring stems."""
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))]


@dataclass(frozen=True)
class Prediction:
    label: str
    share: float  # softmax share of the top class
    shares: dict[str, float]

    def share_of(self, label: str) -> float:
        return self.shares.get(label, 0.0)


class SubEventModel:
    """Vocabulary, weights and biases of the linear model; ``predict`` scores one text."""

    def __init__(self, vocabulary: list[str], weights: np.ndarray, bias: np.ndarray, labels: list[str],
                 common: frozenset[str]):
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.labels = labels
        self.common = common

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> SubEventModel:
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
                return cls(meta["vocabulary"], data["weights"], data["bias"], meta["labels"],
                           frozenset(meta["common"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path}: cannot load the sub-event model ({exc}); "
                             "rebuild it with tools/train_classifier.py") from None

    def vector(self, text: str) -> dict[int, float]:
        ids = {self.index[f] for f in features(act_words(text, self.common)) if f in self.index}
        if not ids:
            return {}
        value = 1.0 / np.sqrt(len(ids))
        return {i: value for i in ids}

    def predict(self, text: str) -> Prediction | None:
        """The most likely sub-event type of ``text``; None when it has no known word."""
        vec = self.vector(text)
        if not vec:
            return None
        ids = np.fromiter(vec, dtype=np.int64)
        scores = self.weights[ids].sum(axis=0) * next(iter(vec.values())) + self.bias
        shares = np.exp(scores - scores.max())
        shares /= shares.sum()
        top = int(shares.argmax())
        return Prediction(self.labels[top], float(shares[top]),
                          {label: float(s) for label, s in zip(self.labels, shares)})


@lru_cache(maxsize=1)
def get_model() -> SubEventModel:
    return SubEventModel.load()
