"""Name normalisation: one key for the many spellings of a place.

News spells Arabic, Ukrainian and other names in many transliterations
("Nubbul", "Nubl"; "al-Nayrab", "Neirab"; "Kharkov", "Kharkiv").  ``normalize``
folds them to one key.  Both the index and the query go through the same
function, so an aggressive fold only costs a few extra candidates, which
``Gazetteer.resolve`` then ranks; ``light`` keeps a gentler form for ranking
exact spellings first.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

# Latin letters that NFKD does not decompose into ASCII plus a mark.
_LETTERS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th",
    "ð": "d", "ħ": "h", "Ħ": "h", "ŀ": "l",
})
# Apostrophes, ayn/hamza marks and backticks vanish ("Sana'a" = "Sanaa").
_MARKS = str.maketrans("", "", "'`\"")
_PUNCT = re.compile(r"[^a-z0-9]+")

# Arabic (and Spanish/French) articles dropped before another word.
ARTICLES = frozenset(
    "al el an ar as ash at ath ad adh az ed es et ez ul".split()
)

# Whole-token spellings no generic rule reaches; keys and values are folded
# with ``_fold_token`` at import, so they can be written as news writes them.
_RAW_VARIANTS = {
    "nubbul": "nubl", "nubul": "nubl", "nubbol": "nubl", "noubbol": "nubl",
    "idleb": "idlib", "edlib": "idlib",
    "halab": "aleppo", "alep": "aleppo", "alepo": "aleppo",
    "kharkov": "kharkiv", "kharkiw": "kharkiv",
    "kiev": "kyiv", "kyyiv": "kyiv", "kiyv": "kyiv",
    "zaporizhia": "zaporizhzhia", "zaporozhye": "zaporizhzhia",
    "zaporozhe": "zaporizhzhia", "zaporizhzhya": "zaporizhzhia",
    "odessa": "odesa", "nikolaev": "mykolaiv", "mykolayiv": "mykolaiv",
    "lugansk": "luhansk", "dnepr": "dnipro",
    "artemivsk": "bakhmut", "artyomovsk": "bakhmut",
    "avdeyevka": "avdiivka", "avdeevka": "avdiivka",
    "hims": "homs", "dimashq": "damascus", "zawr": "zor", "zour": "zor", "rakka": "raqqa",
    "sweida": "suwayda", "suwaida": "suwayda", "sueida": "suwayda",
    "kamishli": "qamishli", "qamishly": "qamishli",
    "fashir": "fasher",
    "northern": "north", "southern": "south", "eastern": "east", "western": "west",
}

# Multi-word spellings of the same feature kind.
_PHRASES = (
    ("air base", "airbase"), ("air field", "airfield"),
    ("military airport", "airbase"), ("military airbase", "airbase"),
    ("international airport", "airport"), ("refugee camp", "camp"),
    ("border crossing", "crossing"), ("crossing point", "crossing"),
)

_ENDINGS = re.compile(r"(?:iyah|iyeh|iya|iye|ieh|iah)$")


@lru_cache(maxsize=131072)
def light(name: str) -> str:
    """Casefold, strip diacritics and marks, unify punctuation to single spaces."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = text.encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(_PUNCT.sub(" ", text.translate(_MARKS)).split())


def _fold_token(token: str) -> str:
    """Generic transliteration folding of one word (vowel spellings, doubling)."""
    if len(token) <= 2 or token.isdigit():
        return token
    token = token.replace("ee", "i").replace("oo", "u").replace("ou", "u")
    token = token.replace("ei", "ay")
    token = "".join(ch for ch, _ in groupby(token))  # "nubbul" -> "nubul"; a regex backref is slow
    token = _ENDINGS.sub("ia", token)
    if len(token) > 3 and token.endswith(("ah", "eh")):
        token = token[:-2] + "a"
    return token


_VARIANTS = {_fold_token(k): _fold_token(v) for k, v in _RAW_VARIANTS.items()}


@lru_cache(maxsize=131072)
def _token_key(token: str) -> str:
    folded = _fold_token(token)
    return _VARIANTS.get(folded, folded)


@lru_cache(maxsize=65536)
def normalize(name: str, strip_articles: bool = True) -> str:
    """The matching key of a place name.

    "al-Nayrab" -> "nayrab", "Neirab" -> "nayrab", "Nubbul" -> "nubl",
    "Az Zahrā’" -> "zahra", "Aleppo Governorate" -> "alepo governorate".
    ``strip_articles=False`` keeps leading/inner articles (used for country
    names such as "El Salvador", which must not collide with "Salvador").
    """
    text = light(name)
    for phrase, repl in _PHRASES:
        if phrase in text:
            text = text.replace(phrase, repl)
    tokens = text.split()
    if strip_articles:
        # An article is dropped only before another word: "El" alone stays.
        tokens = [t for i, t in enumerate(tokens)
                  if t not in ARTICLES or i == len(tokens) - 1]
    return " ".join(_token_key(t) for t in tokens)


def keys(name: str) -> tuple[str, ...]:
    """The index keys to try for a query: with and without article stripping."""
    full = normalize(name, strip_articles=False)
    stripped = normalize(name)
    return (stripped,) if full == stripped else (stripped, full)


_LATIN = re.compile(r"[\sA-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF'`’‘ʿʾʻʼ´.,()\-/&]+")


def is_latin(name: str) -> bool:
    """True for names written in Latin script (the only ones English news uses)."""
    return bool(_LATIN.fullmatch(name))


def without_affixes(name: str, suffixes: tuple[str, ...], prefixes: tuple[str, ...]) -> set[str]:
    """``name`` with any one of the administrative ``suffixes`` or ``prefixes`` cut off
    ("Skadovsk Raion" -> "Skadovsk"), keeping only what is still a name (3 letters or more)."""
    out = {name[: -len(s)] for s in suffixes if name.endswith(s) and len(name) > len(s) + 2}
    out |= {name[len(p):] for p in prefixes if name.startswith(p) and len(name) > len(p) + 2}
    return out
