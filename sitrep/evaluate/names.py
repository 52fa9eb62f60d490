"""Comparing place names that different gazetteers spell differently.

ACLED, UCDP and GeoNames write one province several ways: "Nord Kivu" / "Nord-Kivu",
"Ta'izz" / "Taizz", "Homs Governorate" / "Homs", "Sagain" / "Sagaing". ``fold`` removes
case, accents, apostrophes, hyphens and admin suffixes; ``spelling_variant`` then accepts
near-identical folded names, so a report can separate spelling from real misplacement.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

_SUFFIXES = ("governorate", "province", "state", "region", "division", "oblast", "prefecture",
             "county", "department", "departement", "muhafazah", "wilayah", "wilaya")
_ARTICLES = {"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "adh", "the"}
_APOSTROPHES = "'’ʼ‘`´ʹ‛"
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
SPELLING_RATIO = 0.8  # difflib ratio on the loose key; "north kivu"/"south kivu" is 0.78

# Country names as ACLED, UCDP, HRDsAttack and GeoNames write them -> one folded form
_COUNTRY_ALIASES = {
    "usa": "united states", "us": "united states", "united states of america": "united states",
    "uk": "united kingdom", "great britain": "united kingdom", "britain": "united kingdom",
    "peoples republic of china": "china", "prc": "china",
    "russian federation": "russia", "syrian arab republic": "syria", "burma": "myanmar",
    "palestinian territory": "palestine", "occupied palestinian territory": "palestine",
    "state of palestine": "palestine", "islamic republic of iran": "iran",
    "republic of korea": "south korea", "democratic republic of congo": "democratic republic of the congo",
    "dr congo": "democratic republic of the congo", "drc": "democratic republic of the congo",
    "cote divoire": "ivory coast", "turkiye": "turkey", "czechia": "czech republic",
}


def _plain(name: str) -> str:
    """Lower case, no accents, apostrophes dropped, other punctuation as spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.translate(str.maketrans("", "", _APOSTROPHES))
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def fold(name: str | None) -> str:
    """The comparable form of a place name ("Ta'izz Governorate" -> "taizz")."""
    if not name:
        return ""
    words = _plain(name).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in _SUFFIXES and words[1] == "of":  # "Province of X"
        words = words[2:]
    return " ".join(words)


def _loose(name: str) -> str:
    """fold without Arabic articles and spaces: "ar raqqah" -> "raqqah"."""
    return "".join(w for w in fold(name).split() if w not in _ARTICLES)


@lru_cache(maxsize=1)
def _admin1_table() -> dict[str, str]:
    """Folded GeoNames admin1 name -> folded name in use today, from the gazetteer's own table
    ("Rif-dimashq" and "Rural Damascus" are one governorate whichever dataset spells it)."""
    file = Path(__file__).resolve().parents[1] / "gazetteer" / "admin1_names.yaml"
    table: dict[str, str] = {}
    for pairs in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).values():
        for old, new in (pairs or {}).items():
            table[fold(old)] = fold(new)
    return table


def _admin_key(name: str) -> str:
    folded = fold(name)
    return _admin1_table().get(folded, folded)


def same_name(a: str | None, b: str | None) -> bool:
    """Equal once folded, or two spellings of one admin area in the gazetteer's table."""
    return bool(a and b) and (fold(a) == fold(b) or _admin_key(a) == _admin_key(b))


def spelling_variant(a: str | None, b: str | None) -> bool:
    """Different once folded, but only by spelling or by a qualifier ("Shan-North" / "Shan")."""
    if not (a and b) or same_name(a, b):
        return False
    la, lb = _loose(a), _loose(b)
    if la == lb or difflib.SequenceMatcher(None, la, lb).ratio() >= SPELLING_RATIO:
        return True
    ta, tb = set(fold(a).split()), set(fold(b).split())
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def same_country(a: str | None, b: str | None) -> bool:
    """Country names equal after folding and the alias table ("USA" ~ "United States")."""
    if not (a and b):
        return False
    fa, fb = _plain(a), _plain(b)
    return _COUNTRY_ALIASES.get(fa, fa) == _COUNTRY_ALIASES.get(fb, fb)
