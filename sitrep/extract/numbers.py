"""Counts in text: digits, number words and ACLED's conventional numbers for vague words.

A ``Quantity`` carries three figures so that both conventions can be served:

- ``low``: ACLED's figure, the lowest credible number ("at least 10" -> 10, "8-14" -> 8,
  "dozens" -> 12, "several" -> 3).
- ``best``: UCDP-style best estimate: the stated figure; for a range, the midpoint rounded
  down ("8-14" -> 11); for vague words, the conventional number.
- ``high``: the upper bound, or None when the text leaves it open ("at least 10", "dozens").

``kind`` says how the figure was stated: exact, approx ("about 10"), at_least, up_to
("up to 10": low = best = high = 10, the only figure given), range, vague (plural scale
words with a fixed ACLED number: dozens 12, scores 20, hundreds 100) or unspecified
("several", "many": ACLED codes 3, or 10 in high-intensity theatres; see ``UNSPECIFIED``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

UNSPECIFIED = 3  # ACLED's low-intensity default for "several", "many", "a few"
UNSPECIFIED_HIGH_INTENSITY = 10  # the same words in Syria, Ukraine, Yemen-style theatres


@dataclass(frozen=True)
class Quantity:
    """A count as the text states it (see the module docstring for the conventions)."""

    low: int
    best: int
    high: int | None
    vague: bool = False
    text: str = ""
    kind: str = "exact"  # exact | approx | at_least | up_to | range | vague | unspecified


_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = [*_UNITS, *_TEENS, *_TENS, "hundred", *_SCALES, "dozen"]
_NW = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

# Plural scale words: ACLED's fixed numbers (codebook 1.9 rule 4, observed "scores" = 20).
_VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000,
          "millions": 1_000_000}
_MULTIPLIED_BASE = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}

# One regex finds every candidate; the named group that matched says how to read it.
_ATOM = re.compile(
    rf"""
    (?P<skip>\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b\d{{1,2}}:\d{{2}}\b)
  | (?P<of_of>\b(?:tens|hundreds)\s+of\s+thousands\b)
  | (?P<mult>\b(?:several|a\s+few|few|many)\s+(?:dozen|hundred|thousand|million)s?\b)
  | (?P<half>\bhalf\s+a\s+dozen\b)
  | (?P<vague>\b(?:dozens|hundreds|thousands|millions)\b
        |\b(?:tens|scores)\b(?=\s+(?:of|more|to|or|were|have|had|are|died|killed|dead)\b|\s*$))
  | (?P<unspec>\b(?:several|a\s+number\s+of|a\s+(?:large|significant|high|small|growing|unknown|undetermined|unspecified)\s+number\s+of
        |an\s+(?:unknown|undetermined|unspecified|undisclosed)\s+number\s+of|a\s+handful\s+of|a\s+few
        |few|many|multiple|numerous|countless)\b
        |\bsome\b(?!\s+(?:\d|(?:{_NW})\b)))
  | (?P<digits>(?<![\w.,/:])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?
        (?:\s+(?:million|thousand|billion)\b|(?![\w/:%]|[.,]\d|-[a-z])))
  | (?P<words>(?:\b(?:an?|one)\s+(?=(?:hundred|thousand|million|dozen)\b))?
        \b(?:{_NW})\b(?:(?:\s+and\s+|\s+|-)(?:{_NW})\b)*(?!-[a-z]))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_AT_LEAST = re.compile(
    r"\b(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+(?:fewer|less)\s+than"
    r"|not\s+less\s+than|a\s+minimum\s+of)\s+$", re.I)
_UP_TO = re.compile(
    r"\b(?:up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than|fewer\s+than"
    r"|less\s+than)\s+$", re.I)
_APPROX = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|close\s+to|some|an\s+estimated"
    r"|estimated|circa|approx\.?)\s+$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|or)\s*", re.I)
_BETWEEN_GAP = re.compile(r"\s+(?:and|to|-)\s+|\s*[-–]\s*", re.I)


def words_value(text: str) -> tuple[int, int] | None:
    """(value, characters used) of the longest valid number-word prefix of ``text``.

    "three hundred and forty" -> 340; "one two" stops after "one"; "a dozen" -> 12.
    """
    tokens = [(m.group().lower(), m.end()) for m in re.finditer(r"[A-Za-z]+", text)]
    total = current = 0
    used = 0
    prev = None  # kind of the last token read
    for i, (tok, end) in enumerate(tokens):
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if tok in ("a", "an"):
            if i != 0 or nxt not in ("hundred", "dozen", *_SCALES):
                break
            current, prev = 1, "a"
            continue
        if tok == "and":
            if prev not in ("hundred", "scale") or nxt not in (*_UNITS, *_TEENS, *_TENS):
                break
            prev = "and"
            continue
        if tok in _UNITS or tok in _TEENS or tok in _TENS:
            if prev in ("unit", "teen") or (prev == "tens" and tok not in _UNITS):
                break
            current += _UNITS.get(tok, _TEENS.get(tok, _TENS.get(tok, 0)))
            prev = "unit" if tok in _UNITS else "teen" if tok in _TEENS else "tens"
        elif tok == "hundred":
            if prev == "hundred":
                break
            current, prev = (current or 1) * 100, "hundred"
        elif tok in _SCALES:
            if prev == "scale":
                break
            total, current, prev = total + (current or 1) * _SCALES[tok], 0, "scale"
        elif tok == "dozen":
            current, prev = (current or 1) * 12, "dozen"
            used = end
            break  # "two dozen" ends the number
        else:
            break
        used = end
    if not used:
        return None
    return total + current, used


def _atom(m: re.Match[str]) -> tuple[int, int, Quantity] | None:
    """Read one regex hit as a bare quantity (no qualifier, no range yet)."""
    kind, text, start = m.lastgroup, m.group(), m.start()
    if kind == "skip":
        return None
    if kind == "of_of":
        value = 10_000 if text.lower().startswith("tens") else 100_000
        return start, m.end(), Quantity(value, value, None, True, text, "vague")
    if kind == "mult":
        base = _MULTIPLIED_BASE[re.sub(r"s$", "", text.lower().split()[-1])]
        return start, m.end(), Quantity(base, base, None, True, text, "vague")
    if kind == "half":
        return start, m.end(), Quantity(6, 6, 6, False, text, "approx")
    if kind == "vague":
        value = _VAGUE[text.lower()]
        return start, m.end(), Quantity(value, value, None, True, text, "vague")
    if kind == "unspec":
        return start, m.end(), Quantity(UNSPECIFIED, UNSPECIFIED, None, True, text, "unspecified")
    if kind == "digits":
        return _digits(text, start, m.end())
    return _words(text, start)


def _digits(text: str, start: int, end: int) -> tuple[int, int, Quantity] | None:
    parts = text.split()
    number = float(parts[0].replace(",", ""))
    if len(parts) > 1:
        number *= _SCALES[parts[1].lower()]
    elif not number.is_integer():
        return None  # "2.5" on its own is a measure, not a count
    value = int(number)
    return start, end, Quantity(value, value, value, False, text, "exact")


def _words(text: str, start: int) -> tuple[int, int, Quantity] | None:
    parsed = words_value(text)
    if parsed is None:
        return None
    value, used = parsed
    text = text[:used]
    kind = "approx" if text.lower().startswith(("a ", "an ")) and "dozen" in text.lower() else "exact"
    return start, start + used, Quantity(value, value, value, False, text, kind)


def _qualify(text: str, start: int, end: int, q: Quantity) -> tuple[int, int, Quantity]:
    """Attach "at least" / "up to" / "about" written before the number."""
    before = text[max(0, start - 30):start]
    for pattern, kind in ((_AT_LEAST, "at_least"), (_UP_TO, "up_to"), (_APPROX, "approx")):
        m = pattern.search(before)
        if m is None:
            continue
        new_start = start - (len(before) - m.start())
        whole = text[new_start:end]
        if kind == "at_least":
            return new_start, end, replace(q, high=None, text=whole, kind="at_least" if not q.vague else q.kind)
        if kind == "up_to":
            return new_start, end, replace(q, high=q.low, text=whole, kind="up_to" if not q.vague else q.kind)
        return new_start, end, replace(q, text=whole, kind="approx" if not q.vague else q.kind)
    return start, end, q


def _range(text: str, a: tuple[int, int, Quantity], b: tuple[int, int, Quantity]) -> tuple[int, int, Quantity] | None:
    """Two quantities joined as a range ("8-14", "between 27 and 28", "scores to hundreds")."""
    (s1, e1, q1), (s2, e2, q2) = a, b
    gap = text[e1:s2]
    before = text[max(0, s1 - 12):s1]
    if _BETWEEN.search(before) and _BETWEEN_GAP.fullmatch(gap):
        s1 -= len(before) - _BETWEEN.search(before).start()
    elif not _RANGE_GAP.fullmatch(gap) or _FROM.search(before):
        return None  # "from 8 to 14" is a change, not a range
    if q1.low > q2.low or (q1.kind == "unspecified" and q2.kind == "unspecified"):
        return None
    high = None if q2.kind == "unspecified" else q2.high if q2.high is not None else q2.low
    best = q1.low if (q1.vague or q2.vague) else (q1.low + high) // 2
    vague = q1.vague or q2.vague
    return s1, e2, Quantity(q1.low, best, high, vague, text[s1:e2], "range")


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every count in ``text`` as (start, end, Quantity); spans include "at least", "between"."""
    atoms = [a for a in (_atom(m) for m in _ATOM.finditer(text)) if a is not None]
    found: list[tuple[int, int, Quantity]] = []
    i = 0
    while i < len(atoms):
        joined = _range(text, atoms[i], atoms[i + 1]) if i + 1 < len(atoms) else None
        if joined is not None:
            found.append(joined)
            i += 2
            continue
        found.append(_qualify(text, *atoms[i]))
        i += 1
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The quantity ``text`` consists of ("at least 10", "sixty-five", "dozens"), else None."""
    stripped = text.strip().strip(".,;:!?\"'()")
    for candidate in (stripped, re.sub(r"\s+of$", "", stripped)):  # "scores of" reads as "scores"
        found = find_quantities(candidate)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(candidate):
            return found[0][2]
    return None


def scaled(q: Quantity, high_intensity: bool) -> Quantity:
    """An unspecified count ("several") as ACLED codes it: 3, or 10 in a high-intensity theatre."""
    if q.kind != "unspecified" or not high_intensity:
        return q
    n = UNSPECIFIED_HIGH_INTENSITY
    return replace(q, low=n, best=n)
