"""Near-duplicate articles (wire copy republished by many sites) found with MinHash.

Each article's word 5-grams give a 128-value MinHash signature (datasketch). Cut into 32 bands
of 4 values, a band hash stored in ``article_bands`` finds the candidates with an index; the
signatures then estimate the Jaccard similarity, and 0.7 or more is a near-duplicate.
"""
from __future__ import annotations

import functools
import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS, ROWS = 32, 4
SHINGLE = 5
NEAR_DUPLICATE = 0.7  # wire copy with a new headline or a trailing paragraph stays well above
WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """The MinHash values of the text's word 5-grams (its words, when shorter)."""
    words = WORD.findall(text.lower())
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    model = _model()
    mh = MinHash(num_perm=NUM_PERM, permutations=model.permutations, scheme=model.scheme)
    mh.update_batch([g.encode("utf-8") for g in grams if g])
    return mh.hashvalues.astype(np.uint32)


@functools.cache
def _model() -> MinHash:
    """The seeded permutations, drawn once (drawing them is most of a short text's cost)."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band number, 63-bit hash of the band's values): equal hashes mark candidates."""
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append((b, int.from_bytes(digest, "big") >> 1))
    return out


def encode(sig: np.ndarray) -> str:
    return sig.astype("<u4").tobytes().hex()


def decode(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
