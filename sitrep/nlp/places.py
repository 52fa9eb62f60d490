"""Find and resolve the places an article names.

spaCy's small model often labels towns as ORG or PERSON ("Nubl", "al-Nayrab")
or misses them, so entities are only one source of candidates; a gazetteer
phrase scan over capitalised words is the other.  A candidate that spaCy did
not label as a place must be *cued* ("in", "near", "towns of", "X province",
coordination with a place) and plausible in the article's geography.

Each article is resolved twice: first with the countries it names (and
demonyms: "Syrian army" counts for Syria), then again with the places the
first pass resolved confidently, so "Zahra" next to "Nubl" finds the Syrian
town rather than the Libyan one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..gazetteer import Gazetteer, GeoContext, get_gazetteer
from ..gazetteer.context import unit_word_countries
from ..gazetteer.core import elsewhere
from ..gazetteer.grid import distance_km
from ..gazetteer.normalize import light, normalize
from ..gazetteer.scoring import confidence
from ..model import Place, PlaceMention, Span
from ..geoparse_facilities import add_facilities

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CANDIDATE_LABELS = PLACE_LABELS | {"NORP", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"}
_MAX_TOKENS = 5
# Lower-case words inside names: "Valle del Cauca", "Bahr el Ghazal", "Foz do Iguacu".
_JOINERS = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "y", "imeni"}
_ARTICLES = {"al", "el", "an", "ar", "as", "ash", "at", "ad", "az", "ath", "ed", "es", "ez", "ul"}
# Words after a name that belong to it ("Aleppo province"), and the kind they imply.
_SUFFIXES: dict[str, str | None] = {
    "province": "admin1", "governorate": "admin1", "region": "admin1", "oblast": "admin1",
    "state": "admin1", "district": None, "city": "populated", "airport": "spot",
    "airbase": "spot", "camp": "spot", "crossing": "spot",
    "countryside": "admin1",  # "in Dara countryside": the governorate (Syria, Iraq), not the town
}
_BORDER_WORDS = {"border", "borders", "frontier"}
_LOCATIVE = {"in", "near", "of", "at", "to", "from", "toward", "towards", "into", "on", "outside",
             "around", "across", "between", "through", "via", "within", "along", "past", "over",
             "inside", "besieged", "outskirts"}
# Verbs whose object is usually a place in conflict reporting ("seized Saraqeb").
_CONFLICT_VERBS = {"hit", "strike", "shell", "attack", "capture", "seize", "bomb", "target", "storm",
                   "enter", "besiege", "raid", "recapture", "retake", "take", "control", "reach",
                   "bombard", "pound", "surround", "encircle", "overrun", "liberate", "occupy",
                   "evacuate", "invade", "approach", "defend", "lose", "leave", "flee"}
_SKIPPABLE = {"the", "city", "town", "towns", "village", "villages", "cities", "province", "area",
              "areas", "camp", "district", "region", "of", "rural"}
_DIRECTION = re.compile(r"^(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
                        r"south-?west)(?:ern)?$", re.I)
_MOTION = {"flee", "fled", "escape", "head", "move", "go", "return", "evacuate", "relocate",
           "displace", "deport", "march", "advance", "push", "arrive", "cross", "transfer",
           "send", "travel", "retreat", "withdraw", "redeploy", "drive", "walk", "migrate"}
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\baround|\boutskirts of|\bvicinity of|\bclose to|"
    r"\bcountryside of|\bsuburbs? of|\bedge of|\b(?:\d+(?:\.\d+)?|a few|several|some)\s*"
    r"(?:km|kms|kilometers|kilometres|miles?)(?:\s*\([^)]*\))?\s+(?:\w+(?:-\w+)?\s+)?(?:of|from)|"
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:(?:city|town|village|towns|villages|areas?)\s+(?:of\s+)?(?:the\s+)?)?$",
    re.I)
_NEAR_AFTER = re.compile(r"^(?:'s)?\s+(?:countryside|outskirts|suburbs|environs|area)\b", re.I)
_SEAT_AFTER = re.compile(r"^\s*-\s*based\b", re.I)
_SEAT_BEFORE = re.compile(r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?$", re.I)
_OWN_WEIGHT = 0.5  # country weight a confident first-pass reading adds
_ACCEPT_SHARE = 0.15  # a cued, unlabelled name must be in a country the article is about ...
_ACCEPT_KM = 150.0  # ... or this close to another place it names


@dataclass
class _Candidate:
    """A stretch of text that may name a place, before resolution."""

    start: int  # token indices
    end: int
    label: str  # spaCy label, or "" for a gazetteer phrase match
    kind: str | None = None  # implied by a suffix, a direction word, "(Idlib)"
    cued: bool = False
    char_start: int = 0
    char_end: int = 0
    name: str | None = None  # the name to look up when the text is an abbreviation ("Calif.")


@dataclass
class _Resolved:
    cand: _Candidate
    place: Place
    confidence: float
    one_country: bool = False  # every place of this name is in one country
    countries: frozenset[str] = frozenset()  # ISO3 of every place of this name


# ---------------------------------------------------------------- entry point

def find_place_mentions(doc: Any, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Places named in a spaCy Doc of a whole article, resolved and sorted by offset."""
    gaz = gazetteer or get_gazetteer()
    candidates = _merge(_dateline_candidates(doc, gaz) + _abbreviation_candidates(doc)
                        + _entity_candidates(doc, gaz) + _phrase_candidates(doc, gaz))
    candidates = [_expand(doc, c) for c in candidates]
    candidates = [c for c in candidates if not _is_demonym_only(doc, c, gaz) and not _part_of_longer_name(doc, c, gaz)]
    _mark_cues(doc, candidates)
    demonyms = _demonym_mentions(doc, gaz, candidates)
    qualifiers = _qualifiers(doc, candidates, gaz, _first_context(doc, candidates, demonyms, gaz, {}))
    context = _first_context(doc, candidates, demonyms, gaz, qualifiers)
    first = _resolve_all(doc, candidates, gaz, context, qualifiers, {})
    context, owners = _second_context(context, first)
    _add_close_pairs(doc, gaz, context, first, owners)
    results = _resolve_all(doc, candidates, gaz, context, qualifiers, owners)
    resolved = [r for r in results if _accept(r, context, _t(doc)) or _embedded(doc, r, context)]
    resolved = _drop_far_subplaces(doc, resolved)
    mentions = [_mention(doc, r, resolved, context) for r in resolved] + _fallback(doc, results, resolved, context)
    mentions += [m for m in demonyms if not _overlaps(m, mentions)]
    mentions = add_facilities(doc, mentions)
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end))


# ---------------------------------------------------------------- candidates

# AP-style abbreviations of US states and Canadian provinces, taken only after "City," ("OAKLAND, Calif.").
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming",
    # Canadian provinces, same style.
    "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan", "Man.": "Manitoba",
    "Ont.": "Ontario", "Que.": "Quebec", "N.B.": "New Brunswick", "N.S.": "Nova Scotia",
}


def _name(doc: Any, c: _Candidate) -> str:
    return c.name or _text(doc, c.start, c.end)


def _abbreviation_candidates(doc: Any) -> list[_Candidate]:
    """"WAUSAU, Wis.", "Albany, N.Y.": a state abbreviation right after a capitalised name and a comma."""
    out, toks = [], _tokens(doc)
    for i in range(2, len(doc)):
        state = US_STATE_ABBREVIATIONS.get(toks.text[i])
        if state and toks.text[i - 1] == "," and toks.caps[i - 2]:
            out.append(_Candidate(i, i + 1, "GPE", kind="admin1", cued=True, name=state))
    return out


# A wire dateline: a name in capitals opening a line or following a sentence, then ",",
# "(AP)", a dash or ":" ("WASHINGTON (AP) -", "TORONTO —", "ALBUQUERQUE, N.M.").
_DATELINE_CAPS = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))((?:[A-Z][A-Z'’.\-]*\s+){0,3}[A-Z][A-Z'’\-]*[A-Z])(?=\s*(?:,|\(|—|–|--?\s|:))",
    re.M)


def _dateline_candidates(doc: Any, gaz: Gazetteer) -> list[_Candidate]:
    """Datelines in capitals, which spaCy rarely tags as places (often as ORG)."""
    out = []
    for match in _DATELINE_CAPS.finditer(_t(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and sum(ch.isalpha() for ch in span.text) >= 4 and gaz.has_name(span.text):
            out.append(_Candidate(span.start, span.end, "GPE", cued=True))
    return out


def _entity_candidates(doc: Any, gaz: Gazetteer) -> list[_Candidate]:
    out = []
    for ent in _ents(doc):
        if ent.label_ not in _CANDIDATE_LABELS:
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the":
            start += 1
        if end - 1 > start and doc[end - 1].text in ("'s", "’s"):
            end -= 1
        if start < end and gaz.has_name(_text(doc, start, end)):
            out.append(_Candidate(start, end, ent.label_))
    return out


def _phrase_candidates(doc: Any, gaz: Gazetteer) -> list[_Candidate]:
    """Longest capitalised token runs that the gazetteer knows."""
    out, i = [], 0
    while i < len(doc):
        found = None
        if _can_start(doc, i):
            for n in range(min(_MAX_TOKENS, len(doc) - i), 0, -1):
                if _is_name_run(doc, i, i + n) and gaz.has_name(_text(doc, i, i + n)):
                    found = _Candidate(i, i + n, "")
                    break
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _can_start(doc: Any, i: int) -> bool:
    """Capitalised words start names; an acronym only when it is a country's ("US", "DRC")."""
    toks = _tokens(doc)
    if not toks.caps[i]:
        return False
    return not _acronym(toks.text[i]) or _COUNTRY_ACRONYM.fullmatch(toks.text[i]) is not None


# Country aliases written in capitals that may start a phrase match.
_COUNTRY_ACRONYM = re.compile(r"U\.?S\.?(?:A\.?)?|U\.?K\.?|DRC|UAE|DPRK|CAR|E\.?U\.?")


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _acronym(text: str) -> bool:
    return text.isupper() and len(text) > 1


def _is_name_run(doc: Any, i: int, j: int) -> bool:
    """Tokens i..j look like one name: capitalised words joined by hyphens/articles."""
    toks = _tokens(doc)
    if not toks.caps[j - 1]:
        return False
    for k in range(i, j):
        if k > i and toks.sent_start[k]:
            return False
        if not (toks.caps[k] or toks.text[k] in ("-", "'", "’") or toks.lower[k] in _ARTICLES
                or toks.lower[k] in _JOINERS):
            return False
    return True


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, spaCy's label kept when spans coincide."""
    labelled = {(c.start, c.end): c.label for c in cands if c.label}
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.label == ""))
    kept: list[_Candidate] = []
    for c in ordered:
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        if c.name is None:
            c.label = c.label or labelled.get((c.start, c.end), "") or _inside_label(c, cands)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _inside_label(c: _Candidate, cands: list[_Candidate]) -> str:
    """A phrase match overlapping a GPE/LOC/FAC entity ("Deir" in "Deir ez-Zor") keeps its label."""
    for other in cands:
        if other.label in PLACE_LABELS and other.start < c.end and c.start < other.end:
            return other.label
    return ""


def _expand(doc: Any, c: _Candidate) -> _Candidate:
    """Take in a leading "al-" and a trailing "province"/"airport"/... word."""
    start, end, kind = c.start, c.end, c.kind
    if c.name is not None:
        return replace(c, char_start=doc[start].idx, char_end=doc[end - 1].idx + len(doc[end - 1].text))
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _ARTICLES:
        start -= 2
    nxt = doc[end].lower_ if end < len(doc) else ""
    if nxt == "air" and end + 1 < len(doc) and doc[end + 1].lower_ == "base":
        end, kind = end + 2, "spot"
    elif nxt in _SUFFIXES and (nxt != "state" or doc[end].text == "State"):
        end, kind = end + 1, _SUFFIXES[nxt]  # "Zamfara State", not "Iraq state media"
    elif _capitalised(doc[end - 1]) and doc[end - 1].lower_ in _SUFFIXES and end - start > 1:
        kind = _SUFFIXES[doc[end - 1].lower_]  # "Kharkiv Oblast", "Zamfara State"
    if kind is None and _direction_before(doc, start):
        kind = "admin1"  # "southern Idlib": the area, if there is one
    return replace(c, start=start, end=end, kind=kind,
                   char_start=doc[start].idx, char_end=doc[end - 1].idx + len(doc[end - 1].text))


# Capitalised words that may follow a place's name without being part of it.
_NAME_ENDERS = {"university", "airport", "square", "street", "road", "hospital", "bridge", "river",
                "mountains", "market", "prison", "camp", "city", "town", "village", "base", "stadium",
                "valley", "lake", "port", "mosque", "church", "school", "station", "highway", "gate",
                "checkpoint", "crossing", "countryside", "suburbs", "outskirts"}


def _part_of_longer_name(doc: Any, c: _Candidate, gaz: Gazetteer) -> bool:
    """A gazetteer name that is only part of a longer proper name the gazetteer does not
    know ("Suq" of "Suq Al-Shoyokh", "Ein" of "Ein Thakar", "Kyzyl" of "Kyzyl-Jar",
    "Kupri District" of "Altun Kupri District") names another, unknown place."""
    if c.name is not None or c.kind is not None:
        return False
    nxt = c.end
    if nxt + 1 < len(doc) and doc[nxt].text == "-" and not doc[nxt].whitespace_ and not doc[c.end - 1].whitespace_:
        after = doc[nxt + 1]
        if _capitalised(after) and not _sizeable(gaz, after.text):
            return True  # "Kyzyl-Jar", not "Aleppo-Damascus"
    if nxt + 1 < len(doc) and not doc[nxt].is_sent_start and (
            (doc[nxt].lower_ in _ARTICLES and (doc[nxt].text[:1].isupper() or doc[nxt + 1].text == "-"))
            or (doc[nxt].lower_ in _JOINERS and _capitalised(doc[nxt + 1]))):
        return True  # "Suq Al-Shoyokh", "Shakhta imeni Izotova"; not "Kramatorsk as Russian ..."
    if _inside_named_thing(doc, c) and _sizeable(gaz, _text(doc, c.start, c.end)):
        return False  # "New York Times"; the small model also calls "Puerto Claver (Antioquia" an ORG
    if nxt < len(doc) and doc[nxt].lower_ in _FACILITY_WORDS and _capitalised(doc[nxt]) and not _sizeable(
            gaz, _text(doc, c.start, c.end)):
        return True  # "Falka Square", "Carnot middle school": a square or school named so, not the town
    if nxt < len(doc) and doc[nxt].lower_ in _PHYSICAL_WORDS and _capitalised(doc[nxt]):
        top = gaz.lookup(_text(doc, c.start, c.end))[:1]
        return not top or top[0].feature_code not in ("PCLI", "ADM1", "CONT")
    followed = nxt < len(doc) and _continues(doc[nxt])
    preceded = c.start > 0 and _continues(doc[c.start - 1]) and not doc[c.start - 1].is_sent_start
    if not (followed or preceded):
        return False
    # Next to another proper noun, a name written exactly as a known place, or a country or
    # province, is still that place ("Cambridge Analytica", "Marathon County Sheriff").
    top = gaz.lookup(_text(doc, c.start, c.end))[:1]
    return not top or not (top[0].feature_code in ("PCLI", "ADM1", "ADM2", "CONT") or (
        light(top[0].name) == light(_text(doc, c.start, c.end)) and top[0].population >= _KNOWN_TOWN))


_KNOWN_TOWN = 50_000  # "Point" of "Point Reyes", "Isla" of "Isla Mujeres" are not that small town


_FACILITY_WORDS = {"square", "street", "road", "avenue", "hospital", "mosque", "church", "school", "stadium",
                   "station", "bridge", "market", "roundabout", "junction", "university", "college",
                   "hotel", "park", "hall", "house", "tower", "prison", "court"}
# A mountain range, river or island is named after no town ("Ural Mountains" is not Oral,
# Kazakhstan), though often after a country or province ("Jordan Valley", "Mississippi River").
_PHYSICAL_WORDS = {"mountains", "mountain", "hills", "river", "lake", "valley", "desert", "island",
                   "islands", "peninsula", "delta", "forest", "plateau"}


def _inside_named_thing(doc: Any, c: _Candidate) -> bool:
    """Inside a longer organisation, group, event or work ("New York Times", "Nazi Germany",
    "Houston Rockets"): a place named in a name, which _embedded handles."""
    return any(e.label_ not in PLACE_LABELS and e.label_ != "PERSON" and e.start <= c.start and c.end <= e.end
               and len(e) > c.end - c.start for e in _ents(doc)) or (
        c.start > 0 and doc[c.start - 1].ent_type_ == "NORP")


def _sizeable(gaz: Gazetteer, name: str) -> bool:
    found = gaz.lookup(name)[:1]
    return bool(found) and (found[0].population >= 100_000 or found[0].feature_code in ("PCLI", "ADM1"))


def _continues(tok: Any) -> bool:
    return (tok.pos_ == "PROPN" and _capitalised(tok) and not _acronym(tok.text) and not tok.is_sent_start
            and tok.lower_ not in _NAME_ENDERS and tok.lower_ not in _SUFFIXES
            and tok.lower_ not in _ARTICLES and not _DIRECTION.match(tok.text))


def _direction_before(doc: Any, start: int) -> bool:
    return start > 0 and bool(_DIRECTION.match(doc[start - 1].text.replace("-", "")))


def _is_demonym_only(doc: Any, c: _Candidate, gaz: Gazetteer) -> bool:
    text = _text(doc, c.start, c.end)
    return gaz.country_from_adjective(text) is not None and gaz.country_by_name(text) is None


def _ents(doc: Any) -> tuple[Any, ...]:
    """doc.ents, built once per Doc (spaCy makes new Span objects on every access)."""
    cached = doc.user_data.get("sitrep.ents")
    if cached is None:
        cached = doc.user_data["sitrep.ents"] = tuple(doc.ents)
    return cached


def _text(doc: Any, start: int, end: int) -> str:
    """doc[start:end].text, cut from the Doc's text (no Span is made)."""
    if end <= start:
        return ""
    toks = _tokens(doc)
    return _t(doc)[toks.idx[start]:toks.idx[end - 1] + len(toks.text[end - 1])]


class _Tokens:
    """What the scanning loops ask of every token, read from spaCy once per Doc
    (``doc[i]`` makes a new Token object on every access)."""

    def __init__(self, doc: Any):
        rows = [(t.text, t.lower_, t.idx, bool(t.is_sent_start)) for t in doc]
        self.text = [r[0] for r in rows]
        self.lower = [r[1] for r in rows]
        self.idx = [r[2] for r in rows]
        self.sent_start = [r[3] for r in rows]
        self.caps = [w[:1].isupper() and any(ch.isalpha() for ch in w) for w in self.text]


def _tokens(doc: Any) -> _Tokens:
    cached = doc.user_data.get("sitrep.tokens")
    if cached is None:
        cached = doc.user_data["sitrep.tokens"] = _Tokens(doc)
    return cached


def _t(doc: Any) -> str:
    """The Doc's text, built once: spaCy joins the tokens again on every ``doc.text``."""
    text = doc.user_data.get("sitrep.text")
    if text is None:
        text = doc.user_data["sitrep.text"] = doc.text
    return text


# ---------------------------------------------------------------- cues

def _mark_cues(doc: Any, cands: list[_Candidate]) -> None:
    """A name is cued by a locative word before it, a place word after it, or
    coordination with an earlier cued place ("towns of Nubl and Zahra")."""
    previous: _Candidate | None = None
    for c in cands:
        c.cued = (c.cued or c.kind is not None or _locative_before(doc, c.start) or _near_after(doc, c)
                  or _parenthesised(doc, c) or _coordinated(doc, previous, c) or _dateline(doc, c)
                  or _place_word_last(doc, c))
        if c.cued or c.label in PLACE_LABELS:
            previous = c


_DATELINE_AFTER = re.compile(r"^\s*(?::|,|\(|--|[-–—]\s)")


def _dateline(doc: Any, c: _Candidate) -> bool:
    """A name opening the text or a line and followed by ":", ",", "(" or a dash is a
    dateline ("Muscat: The 10th ...", "WAUSAU, Wis. (WSAW) --")."""
    text = _t(doc)
    if text[:c.char_start].strip(" \t") and text[:c.char_start].rstrip(" \t")[-1:] != "\n":
        return False
    return bool(_DATELINE_AFTER.match(text[c.char_end:c.char_end + 4]))


def _place_word_last(doc: Any, c: _Candidate) -> bool:
    """A gazetteer name that ends in its own place word: "Marathon County", "Kharkiv Oblast"."""
    last = doc[c.end - 1]
    return c.end - c.start > 1 and _capitalised(last) and last.lower_ in _PLACE_WORDS


_PLACE_WORDS = {"county", "province", "governorate", "oblast", "district", "region", "state", "parish",
                "prefecture", "municipality", "raion", "rayon", "department", "emirate"}


def _locative_before(doc: Any, start: int) -> bool:
    k = start - 1
    while k >= 0 and (doc[k].lower_ in _SKIPPABLE and doc[k].lower_ not in _LOCATIVE
                      or _DIRECTION.match(doc[k].text)):
        k -= 1
    return k >= 0 and (doc[k].lower_ in _LOCATIVE or doc[k].lemma_.lower() in _CONFLICT_VERBS)


def _near_after(doc: Any, c: _Candidate) -> bool:
    return bool(_NEAR_AFTER.match(_t(doc)[c.char_end:c.char_end + 30]))


def _parenthesised(doc: Any, c: _Candidate) -> bool:
    return _t(doc)[:c.char_start].rstrip().endswith("(") and _t(doc)[c.char_end:].lstrip().startswith(")")


def _coordinated(doc: Any, previous: _Candidate | None, c: _Candidate) -> bool:
    if previous is None or not (previous.cued or previous.label in PLACE_LABELS):
        return False
    between = _t(doc)[previous.char_end:c.char_start].strip().lower()
    return between in {"and", "or", ",", ", and", ", or", "and the", "and al-"}


# ---------------------------------------------------------------- demonyms

_PAIRS = {"south", "north", "sierra", "sri", "central", "saudi", "costa", "cape"}


def _demonym_mentions(doc: Any, gaz: Gazetteer, cands: list[_Candidate]) -> list[PlaceMention]:
    """'Turkish forces' -> Turkey (adjectival); 'the Turkish border' -> Turkey (by cue)."""
    covered = {k for c in cands for k in range(c.start, c.end)}
    in_org = {k for e in _ents(doc) if e.label_ in ("ORG", "PERSON", "FAC") and len(e) > 1
              for k in range(e.start, e.end)}
    out, i = [], 0
    while i < len(doc):
        n, country = _demonym_at(doc, i, gaz)
        if country is None or i in covered:
            i += 1
            continue
        end = i + n
        span_end = end + 1 if end < len(doc) and doc[end].lower_ in _BORDER_WORDS else end
        mention = _demonym_mention(doc, i, span_end, country, border=span_end > end)
        if i in in_org and span_end == end:
            # "Mexican Football Federation": still a mention, but too weak to say where
            # the article is (_first_context skips confidence below _ORG_DEMONYM + 0.01).
            mention = replace(mention, confidence=_ORG_DEMONYM)
        out.append(mention)
        i = span_end
    return out


_ORG_DEMONYM = 0.6
# "Russian forces shelled Mykolaiv": the demonym says who acted, and armies act abroad; it
# points at its country far less than a name or a demonym of people or places does.
_ARMED_DEMONYM = 0.25
_ARMED_NOUNS = re.compile(r"^[\s-]*(?:(?:-?led|-?backed|military|army|air|naval|security|armed|special|"
                          r"regular|government|regime|occupation|occupying)\s+)*(?:forces?|troops?|soldiers?|army|"
                          r"military|jets?|warplanes?|aircraft|drones?|missiles?|rockets?|artillery|"
                          r"helicopters?|tanks?|navy|coalition|airstrikes?|air\s*strikes?|shelling|units?)\b", re.I)


def _armed_after(text: str, mention: PlaceMention) -> bool:
    return _ARMED_NOUNS.match(text[mention.span.end:mention.span.end + 40]) is not None


def _demonym_at(doc: Any, i: int, gaz: Gazetteer) -> tuple[int, Place | None]:
    toks = _tokens(doc)
    text, lower = toks.text[i], toks.lower[i]
    if i + 1 < len(doc) and lower in _PAIRS:
        pair = (gaz.country_from_adjective(f"{text} {toks.text[i + 1]}")
                or gaz.continent_from_adjective(f"{text} {toks.text[i + 1]}"))
        if pair is not None:
            return 2, pair
    if text in ("European", "African", "Asian"):
        return 1, gaz.continent_from_adjective(text)
    if not (toks.caps[i] or lower.startswith(("pro-", "anti-"))) or _acronym(text):
        return 1, None
    if gaz.country_by_name(text) is not None and text not in ("Myanmar",):
        return 1, None  # a country name, handled as a place
    return 1, gaz.country_from_adjective(text)


def _demonym_mention(doc: Any, start: int, end: int, country: Place, border: bool) -> PlaceMention:
    span = Span(_text(doc, start, end), doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
    role = _role(doc, start, end, span) if border else "adjectival"
    if border and role == "location":
        # "clashes on the Turkish border" happen on either side: the country
        # is a hint, not the event's location.
        role = "adjectival"
    return PlaceMention(span, country, precision=3, role=role, confidence=0.8)


# ---------------------------------------------------------------- context

def _qualifiers(doc: Any, cands: list[_Candidate], gaz: Gazetteer,
                ctx: GeoContext | None = None) -> dict[int, Place]:
    """The admin area or country that pins a name down, keyed by id(candidate).

    "Tripoli, Lebanon", "Lebanon, Pennsylvania,", "in Marte, Borno": the second
    name (a country or admin1 area, then a clause boundary) qualifies the first.
    ACLED's "Ede (Ede North, Osun)", "Sindian town (Bignona, Ziguinchor)": the
    last name in the brackets qualifies the name before them and the others in
    them.  Areas are read with the article's context (``ctx``), so "(Northern)"
    in a Sudan report is Sudan's Northern state."""
    out: dict[int, Place] = {}
    text = _t(doc)
    for a, b in zip(cands, cands[1:]):
        after = text[b.char_end:b.char_end + 1]
        if text[a.char_end:b.char_start].strip() != "," or after not in ("", ",", ".", ";", ")"):
            continue
        area = _area(_name(doc, b), gaz, ctx, [_name(doc, a)])
        a_is_country = gaz.country_by_name(_name(doc, a)) is not None
        if area is not None and not (a_is_country and area.feature_code == "PCLI") \
                and not _listed_areas(gaz, ctx, _name(doc, a), area):
            out[id(a)] = area
            a.cued = b.cued = True
            _read_as_area(b, area)
    for b in cands:
        # "shelled infrastructure in Chervone, Donetsk.": the village is unknown to the
        # gazetteer, but the area after it still names the report's country.
        if id(b) in out or text[b.char_end:b.char_end + 1] not in ("", ",", ".", ";", ")"):
            continue
        if not _UNKNOWN_BEFORE.search(text[max(0, b.char_start - 60):b.char_start]):
            continue
        if any(c.char_end <= b.char_start and not text[c.char_end:b.char_start].strip(" ,")
               for c in cands):
            continue  # the name before is a candidate: handled above
        area = _area(_name(doc, b), gaz, ctx, [])
        if area is not None and area.feature_code == "ADM1":
            out[id(b)] = area
            b.cued = True
            _read_as_area(b, area)
    for open_at, close_at in _brackets(text):
        inside = [c for c in cands if open_at < c.char_start and c.char_end <= close_at]
        if not inside or text[inside[-1].char_end:close_at].strip().lower() not in _BRACKET_TAILS:
            continue  # "(Muse township, Muse district, Shan-North state)" ends in its place word
        last = inside[-1]
        if text[open_at:last.char_start].rstrip()[-1:] not in ("(", ","):
            continue  # "(Beja Nord)": one name, not a list
        before = [c for c in cands if c.char_end <= open_at
                  and _QUALIFIED_GAP.match(text[c.char_end:open_at])]
        qualified = inside[:-1] + before[-1:]
        area = _area(_name(doc, last), gaz, ctx, [_name(doc, c) for c in qualified], districts=True)
        if area is None:
            continue
        last.cued = True
        _read_as_area(last, area)
        for c in qualified:
            if gaz.country_by_name(_name(doc, c)) is None:
                out.setdefault(id(c), area)
                c.cued = True
    return out


def _listed_areas(gaz: Gazetteer, ctx: GeoContext | None, first: str, area: Place) -> bool:
    """"Anhui, Guangdong, Hunan", "Hawaii and Guam, Louisiana, Nevada": an area (a country
    or an admin1) followed by an admin1 with no place of the first name inside it is a
    list, not a place and its province ("Lebanon, Pennsylvania" and "Guanajuato,
    Guanajuato" still qualify: each has a town of that name)."""
    if area.feature_code != "ADM1":
        return False
    place = gaz.resolve(first, ctx)
    if place is None or place.feature_code not in ("PCLI", "ADM1"):
        return False
    key = normalize(area.name)
    return not any(p.iso3 == area.iso3 and p.admin1 and normalize(p.admin1) == key and p.feature_code != "ADM1"
                   for p in gaz.lookup(first))


def _read_as_area(qualifier: _Candidate, area: Place) -> None:
    """A qualifier names the area, not a same-named town: "Melitopol, Zaporizhia" is the
    oblast, "Guanajuato, Guanajuato" the town in the state."""
    if area.feature_code == "ADM1" and qualifier.kind is None:
        qualifier.kind = "admin1"


# Between a name and its bracketed qualifier: "Sindian town (", "Marte LGA (", "Beja (".
_QUALIFIED_GAP = re.compile(
    r"^\s*(?:(?:town|village|city|district|lga|area|sub-?county|commune|municipality|"
    r"department|province|region|county|camp|neighbou?rhood|market)\s*)?\(?$", re.I)


_BRACKET_TAILS = {"", "state", "province", "region", "governorate", "division", "oblast", "district"}
# "in Chervone, Donetsk", "shelled Novopil, Donetsk", "the Head of Zmiivka village, Kherson":
# a lower-case word, then an unknown name (a place word may follow it), then the area.
_UNKNOWN_BEFORE = re.compile(r"(?:^|[\s(])[a-z][\w-]*\s+[A-Z][\w'’-]+"
                             r"(?:\s+(?:[A-Z][\w'’-]+|imeni|de|del|al|el|as|ash|ad|an|ar|ez)){0,3}"
                             r"(?:\s+(?:village|town|city|settlement|area))?,\s*$")


def _brackets(text: str) -> list[tuple[int, int]]:
    """(index of "(", index of the matching ")") of each unnested bracket pair."""
    out, start = [], None
    for i, ch in enumerate(text):
        if ch == "(":
            start = i
        elif ch == ")" and start is not None:
            out.append((start, i))
            start = None
    return out


def _area(text: str, gaz: Gazetteer, ctx: GeoContext | None, qualified: list[str],
          districts: bool = False) -> Place | None:
    """The country or admin1 area named by ``text`` that best holds the names it
    qualifies: "(Ludhiana, Punjab)" is India's Punjab because Ludhiana is there,
    "(Kisoro, Western)" Uganda's Western region.  Without such evidence the
    article's countries decide, then size ("Niger" state in a Nigeria report)."""
    options: list[Place] = []
    country = gaz.country_by_name(text)
    if country is not None:
        options.append(country)
    ranked = gaz.rank(text, ctx, kind="admin1")
    options += [p for p, _ in ranked if p.feature_code == "ADM1"]
    # In brackets ("(Dori, Seno)", "(Saptari district)"), a district or province under the
    # admin1 level pins the country down as well, when the names it qualifies lie in its admin1.
    lower = [p for p, _ in ranked if p.feature_code == "ADM2"] if districts and qualified else []
    options += lower
    if not options:
        return None
    readings = [p for name in qualified for p, _ in gaz.rank(name, ctx)[:50]]

    def holds(area: Place) -> tuple[bool, float, int, int]:
        same_country = sum(1 for p in readings if p.iso3 == area.iso3)
        key = normalize(area.name if area.feature_code == "ADM1" else area.admin1 or "")
        inside = [p for p in readings if p.iso3 == area.iso3 and area.feature_code in ("ADM1", "ADM2")
                  and p.admin1 and normalize(p.admin1) == key]
        # Whether a reading lies inside, then the article's countries, then the largest such
        # reading ("Cordoba (Cordoba)" is Argentina's city, not Colombia's Los Córdobas).
        return (bool(inside), ctx.share(area.iso3) if ctx is not None else 0.0,
                max((p.population for p in inside), default=0), same_country)

    best = max(range(len(options)), key=lambda n: (holds(options[n]), -n))
    if options[best] in lower and not holds(options[best])[0]:
        return None  # a district that holds none of the names is a guess, not a qualifier
    return options[best]


def _first_context(doc: Any, cands: list[_Candidate], demonyms: list[PlaceMention],
                   gaz: Gazetteer, qualifiers: dict[int, Place]) -> GeoContext:
    """Countries the article names or implies; admin areas it states."""
    ctx = GeoContext(unit_word_countries(_t(doc)))
    for m in demonyms:
        if m.confidence > _ORG_DEMONYM:
            ctx.add_country(m.place.iso3 or "", _ARMED_DEMONYM if _armed_after(_t(doc), m) else 1.0)
    for ent in _ents(doc):  # demonyms inside organisation names count too
        if ent.label_ == "NORP" and not any(m.span.start == ent.start_char for m in demonyms):
            country = gaz.country_from_adjective(ent.text)
            if country is not None:
                ctx.add_country(country.iso3 or "", 1.0)
    for c in cands:
        text = _name(doc, c)
        country = gaz.country_by_name(text)
        if (country is not None and not _is_seat(doc, c) and id(c) not in qualifiers
                and not _inside_organisation(doc, c)):
            ctx.add_country(country.iso3 or "", 1.0)
        if c.kind == "admin1" or _parenthesised(doc, c):
            ctx.admin1.append(_strip_suffix(text))
    for area in {id(a): a for a in qualifiers.values()}.values():
        # An ACLED-style "X, Borno" or "X (Y, Osun)" names the country for the whole report.
        ctx.add_country(area.iso3 or "", _QUALIFIER_WEIGHT)
        if area.feature_code == "ADM1" and area.name not in ctx.admin1:
            ctx.admin1.append(area.name)
    return ctx


_QUALIFIER_WEIGHT = 2.0


def _second_context(ctx: GeoContext, first: list[_Resolved]) -> tuple[GeoContext, dict[int, Place]]:
    """Add the places the first pass resolved with confidence, and their countries.

    Also returns which candidate each added place came from, so a mention is
    never boosted by its own first-pass reading."""
    out = GeoContext(dict(ctx.countries), [], list(ctx.admin1))
    owners: dict[int, Place] = {}
    for r in first:
        # Only readings the first pass would keep: an uncued "Chhatra" (League) or
        # "Rapid" (Action Battalion) must not pull "Dhaka" to India.
        if (r.confidence >= 0.7 and r.place.feature_code not in ("PCLI",)
                and (r.cand.cued or r.cand.label in PLACE_LABELS)):
            out.places.append(r.place)
            out.add_country(r.place.iso3 or "", _OWN_WEIGHT)
            owners[id(r.cand)] = r.place
    out.admin1 += _sole_states(first, out.admin1)
    return out, owners


_PAIR_CHARS = 80  # names this close in the text ...
_PAIR_KM = 50.0  # ... whose readings lie this close on the ground
_PAIR_READINGS = 8


def _add_close_pairs(doc: Any, gaz: Gazetteer, ctx: GeoContext, first: list[_Resolved],
                     owners: dict[int, Place]) -> None:
    """Two names told together that the first pass could not place with confidence, each
    ambiguous alone, are read as the pair of places near each other: "Nawa town in Dara
    countryside" is Syria's Nawa and Daraa, not Nawa in Ivory Coast and Dara in Senegal. The
    pair joins the context like a confident reading (countries and places to be near)."""
    kept = sorted((r for r in first if r.cand.cued or r.cand.label in PLACE_LABELS), key=lambda r: r.cand.char_start)
    for a, b in zip(kept, kept[1:]):
        if (min(a.confidence, b.confidence) >= 0.7 or id(a.cand) in owners or id(b.cand) in owners
                or b.cand.char_start - a.cand.char_end > _PAIR_CHARS):
            continue
        pair = _closest_readings(gaz, ctx, _name(doc, a.cand), _name(doc, b.cand))
        if pair is None:
            continue
        for r, place in zip((a, b), pair):
            ctx.places.append(place)
            ctx.add_country(place.iso3 or "", _OWN_WEIGHT)
            owners[id(r.cand)] = place


def _closest_readings(gaz: Gazetteer, ctx: GeoContext, first: str, second: str) -> tuple[Place, Place] | None:
    def readings(name: str) -> list[Place]:
        return [p for p, _ in gaz.rank(name, ctx)[:_PAIR_READINGS] if p.feature_code not in ("PCLI", "CONT")]

    best, best_km = None, _PAIR_KM
    for p in readings(first):
        for q in readings(second):
            km = distance_km(p.latitude, p.longitude, q.latitude, q.longitude)
            if p.iso3 == q.iso3 and p != q and km <= best_km:
                best, best_km = (p, q), km
    return best


def _sole_states(first: list[_Resolved], stated: list[str]) -> list[str]:
    """The admin1 area an article names as the only one of its country is a stated area
    for its towns (a Fulton County in a text whose one state is Illinois is not
    Georgia's Fulton County). A list of states ("Minas Gerais, Tocantins") states none:
    a town named like another listed state must not win."""
    named: dict[str, set[str]] = {}
    for r in first:
        if r.place.feature_code == "ADM1" and r.confidence >= 0.7:
            named.setdefault(r.place.iso3 or "", set()).add(r.place.name)
    return [next(iter(areas)) for areas in named.values() if len(areas) == 1 and next(iter(areas)) not in stated]


def _strip_suffix(text: str) -> str:
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _SUFFIXES else text


# ---------------------------------------------------------------- resolution

def _resolve_all(doc: Any, cands: list[_Candidate], gaz: Gazetteer, ctx: GeoContext,
                 qualifiers: dict[int, Place], owners: dict[int, Place]) -> list[_Resolved]:
    out = []
    readings: dict[str, list[Place]] = {}
    for c in cands:
        if id(c) in owners:
            readings.setdefault(normalize(_name(doc, c)), []).append(owners[id(c)])
    for c in cands:
        area = qualifiers.get(id(c))
        text = _name(doc, c)
        own = readings.get(normalize(text), [])
        countries = frozenset(p.iso3 or "" for p in gaz.lookup(text))
        single = len(countries) < 2
        if single:
            own = []  # known in one country only: its reading may count for itself
        local = _local_context(ctx, area, own)
        if area is not None:
            place, conf = _resolve_within(gaz, text, local, c.kind, area)
            if place is None and _also_a_city(gaz, area):
                place, conf = _listed_city(gaz, text, local, c.kind)
        else:
            place, conf = gaz.resolve_with_confidence(text, local, kind=c.kind)
        if place is not None:
            out.append(_Resolved(c, place, conf, single, countries))
    return out


def _resolve_within(gaz: Gazetteer, text: str, ctx: GeoContext, kind: str | None,
                    area: Place) -> tuple[Place | None, float]:
    """The best reading inside the stated country (and admin1 when one is stated),
    or None: "Marte, Borno" is never the Marte in Norway."""
    ranked = [(p, s) for p, s in gaz.rank(text, ctx, kind=kind) if p.iso3 == area.iso3]
    if area.feature_code == "ADM1":
        key = normalize(area.name)
        # A same-named town in another province is another town ("Chervone, Donetsk"
        # is not the Chervone near Kyiv).
        # ACLED's split provinces read as their GeoNames whole: "Shan-North" is in "Shan".
        inside = [(p, s) for p, s in ranked if p.admin1 and (normalize(p.admin1) == key
                                                            or normalize(p.admin1).startswith(key + " "))]
        # A town just across the line of the stated area (GeoNames and ACLED draw some
        # borders differently: Jan Kempdorp, Northern Cape) rather than nothing.
        ranked = inside or [(p, s) for p, s in ranked if p.feature_code not in ("ADM1", "ADM2")
                            and _near_area(gaz, p, area)]
        # "Guanajuato, Guanajuato": the name qualified by a state is a town in it, when
        # the state has one of that name, not the state again.
        ranked = [(p, s) for p, s in ranked if p.feature_code != "ADM1"] or ranked
    if not ranked:
        return None, 0.0
    best, best_score = ranked[0]
    rival = next((s for p, s in ranked[1:] if elsewhere(p, best)), None)
    return best, max(0.8, confidence(best_score, rival))


def _listed_city(gaz: Gazetteer, text: str, ctx: GeoContext, kind: str | None) -> tuple[Place | None, float]:
    """A big city the stated area does not hold was not qualified by it but listed with it
    ("shows in Copenhagen, Hamburg and Mannheim"); a small name stays unresolved ("Marte,
    Borno" is never the Marte in Norway)."""
    place, conf = gaz.resolve_with_confidence(text, ctx, kind=kind)
    if place is not None and place.population >= _LISTED_CITY and conf >= 0.8:
        return place, conf
    return None, 0.0


def _also_a_city(gaz: Gazetteer, area: Place) -> bool:
    """The stated area is also a big city's name (Hamburg, Vienna), so "X, Hamburg" may be a list."""
    return area.feature_code != "PCLI" and any(
        p.feature_class == "P" and p.population >= _LISTED_CITY for p in gaz.lookup(area.name)[:3])


_LISTED_CITY = 100_000
_BORDER_KM = 100.0


def _near_area(gaz: Gazetteer, place: Place, area: Place) -> bool:
    seat = gaz.seat(area)
    points = [(area.latitude, area.longitude)] + ([(seat.latitude, seat.longitude)] if seat else [])
    return any(distance_km(place.latitude, place.longitude, lat, lon) <= _BORDER_KM for lat, lon in points)


def _local_context(ctx: GeoContext, area: Place | None, own: list[Place]) -> GeoContext:
    """The article context, minus the first readings of the mention's own name, plus its qualifier."""
    local = GeoContext(dict(ctx.countries), [p for p in ctx.places if not any(p is o for o in own)],
                       list(ctx.admin1))
    for reading in own:
        # The first pass added each reading's country (0.5): an ambiguous name must
        # not make its own country plausible ("Oursi (Oursi, ...)" -> Romania -> Urși).
        if reading.iso3 in local.countries:
            local.countries[reading.iso3] = max(0.0, local.countries[reading.iso3] - _OWN_WEIGHT)
    if area is not None:
        local.add_country(area.iso3 or "", 3.0 * max(1.0, sum(ctx.countries.values())))
        if area.feature_code == "ADM1":
            local.admin1.append(area.name)
    return local


def _accept(r: _Resolved, ctx: GeoContext, doc_text: str = "") -> bool:
    """spaCy places are taken when sizeable or plausible; other names need a cue and plausibility."""
    if doc_text and _written(doc_text, r).islower() and not doc_text.islower():
        return False  # "leading the captives into the bush": a common noun, not Būsh in Egypt
    # Only the place's own spelling vouches for it against the article's geography: an
    # alternate name ("Inata" for Inada, Japan; "Youga" for Juuka, Finland) is as often a
    # village the gazetteer lacks, and its first reading must not make itself plausible.
    own_spelling = light(_strip_suffix(_written(doc_text, r))) == light(r.place.name) if doc_text else True
    if not own_spelling:
        ctx = _without(ctx, r.place)
    plausible = _plausible(r.place, ctx)
    # A town of some size known in one country only is taken even in an article about
    # another ("citizens gathered in Cetinje in support of Ukraine").
    # So is one whose namesakes all lie outside the article's countries ("protested in Loule
    # against the invasion of Ukraine": no Loule in Ukraine or Russia).
    town = ((r.one_country or not _namesake_in_focus(r, ctx)) and own_spelling
            and r.place.population >= _ONE_COUNTRY_TOWN and r.confidence >= 0.8)
    if r.cand.label in PLACE_LABELS:
        return (plausible or r.place.population >= 100_000 or r.place.feature_code in ("PCLI", "ADM1")
                or (town and r.cand.cued) or _only_lead(r, ctx))
    # "protested in Briceni": every Briceni is in Moldova; taken unless the article
    # clearly is about another country.
    unfocused = not ctx.countries or max(ctx.share(c) for c in ctx.countries) < 0.5
    # A city of some size after a cue, written as its name in any transliteration, is the city
    # even where spaCy took it for a person ("fired artillery at Mykolaiv" in a report that names
    # only the Russian forces); an old or foreign name ("on Epiphaneia", a horse) is not.
    city = (r.place.feature_code.startswith("PPL") and r.place.population >= _CUED_CITY and r.confidence >= 0.8
            and not _namesake_in_focus(r, ctx)
            and normalize(_strip_suffix(_written(doc_text, r))) == normalize(r.place.name))  # not "Epiphaneia"
    return (r.cand.cued and (plausible or (r.one_country and own_spelling and unfocused) or town or city
                             or _only_lead(r, ctx))) or _named_area(doc_text, r) or _focus_city(r, ctx) or (
        own_spelling and _well_known(r))


_CUED_CITY = 100_000


def _namesake_in_focus(r: _Resolved, ctx: GeoContext) -> bool:
    """Another place of the name lies in a country the article is mainly about."""
    return any(ctx.share(iso3) >= _FOCUS_SHARE for iso3 in r.countries if iso3 != r.place.iso3)


_FOCUS_SHARE = 0.5


_WELL_KNOWN = 1_000_000


def _well_known(r: _Resolved) -> bool:
    """A city of a million or more written as its own name ("the London mayor", "Abuja
    said") is that city, cue or not, unless spaCy reads the name as a person's."""
    return (r.cand.label != "PERSON" and r.place.feature_code.startswith("PPL")
            and r.place.population >= _WELL_KNOWN and r.confidence >= 0.6)


def _without(ctx: GeoContext, place: Place) -> GeoContext:
    """The context less what the first-pass reading of this very place added to it."""
    if not any(p == place for p in ctx.places):
        return ctx
    countries = dict(ctx.countries)
    if place.iso3 in countries:
        countries[place.iso3] -= _OWN_WEIGHT
        if countries[place.iso3] <= 1e-9:
            del countries[place.iso3]
    return GeoContext(countries, [p for p in ctx.places if p != place], list(ctx.admin1))


def _elsewhere_than(place: Place, ctx: GeoContext) -> bool:
    """The article points at other countries and places, none of them this one's."""
    rest = _without(ctx, place)
    return bool(rest.countries) and not _plausible(place, rest)


def _written(text: str, r: _Resolved) -> str:
    return r.cand.name or text[r.cand.char_start:r.cand.char_end]


_LEAD_CONFIDENCE = 0.5


def _only_lead(r: _Resolved, ctx: GeoContext) -> bool:
    """An article that names no country and no confidently placed town gives no geography to
    check a reading against ("950 people walked in Naumburg"): a place spaCy labels, or a cued
    name, is then taken in its best reading rather than left out."""
    return not ctx.countries and not ctx.places and r.confidence >= _LEAD_CONFIDENCE


_FOCUS_CITY = 100_000


def _focus_city(r: _Resolved, ctx: GeoContext) -> bool:
    """A city of the country the article is about, named without a cue ("Douma is surrounded"
    in a Syria story). Not a name spaCy calls a person or an organisation ("a Durban court"
    is often a club or a company elsewhere)."""
    return (r.cand.label not in ("PERSON", "ORG") and r.place.feature_code.startswith("PPL")
            and r.place.population >= _FOCUS_CITY and r.confidence >= 0.8
            and ctx.share(r.place.iso3) >= 0.5)


_ONE_COUNTRY_TOWN = 10_000


_AREA_CODES = ("PCLI", "ADM1", "CONT")


def _embedded(doc: Any, r: _Resolved, ctx: GeoContext) -> bool:
    """A place inside an organisation's name ("Houston Rockets", "Owensboro Public Schools"):
    kept as an adjectival mention (see _mention), never as where something happened.
    Sizeable places anywhere; smaller towns and counties in a country the article is about."""
    if not _inside_organisation(doc, r.cand) or r.confidence < 0.6:
        return False
    if r.place.population >= 100_000 or r.place.feature_code in _AREA_CODES:
        return True
    if r.confidence < 0.8:
        return False
    return (r.place.population >= _EMBEDDED_TOWN or r.place.feature_code == "ADM2") and _plausible(r.place, ctx)


_EMBEDDED_TOWN = 20_000


def _named_area(text: str, r: _Resolved) -> bool:
    """A country, continent or admin1 area written as its own name ("Romania confirmed",
    "U.S. Department of Agriculture") is a place even where spaCy did not say so."""
    if r.place.feature_code not in _AREA_CODES or r.confidence < 0.8:
        return False
    written = text[r.cand.char_start:r.cand.char_end]
    return r.place.feature_code in ("PCLI", "CONT") or light(written) == light(r.place.name)


def _plausible(place: Place, ctx: GeoContext) -> bool:
    if ctx.share(place.iso3) >= _ACCEPT_SHARE:
        return True
    return any(distance_km(place.latitude, place.longitude, p.latitude, p.longitude) <= _ACCEPT_KM
               for p in ctx.places if p != place)


# ---------------------------------------------------------------- last resort

_FALLBACK_CONFIDENCE = 0.6
_FALLBACK_POPULATION = 1000
_FALLBACK_WEIGHT = 0.7


def _fallback(doc: Any, results: list[_Resolved], resolved: list[_Resolved], ctx: GeoContext) -> list[PlaceMention]:
    """A report that names no place by the usual cues may still name one as a modifier
    ("Narok residents held a demonstration", "Migori MCAs protested"): when nothing below a
    country was taken, the first proper noun written exactly as a town of the article's
    country (or of any country, when the article names none) is taken as where it happened,
    with less confidence."""
    if any(r.place.feature_code not in ("PCLI", "CONT") for r in resolved):
        return []
    text = _t(doc)
    for r in sorted(results, key=lambda r: r.cand.start):
        place, c = r.place, r.cand
        if r in resolved or place.feature_code in ("PCLI", "CONT") or r.confidence < _FALLBACK_CONFIDENCE:
            continue
        sizeable = place.population >= _FALLBACK_TOWN
        if (c.label == "PERSON" or (c.label not in PLACE_LABELS | {""} and not sizeable) or _is_seat(doc, c)
                or not _whole_name(doc, c, sizeable)):
            continue  # "Hassan Joho", "the Jubilee party", "Boni Forest", "Hawker stage riot"
        if light(_strip_suffix(_written(text, r))) != light(place.name):
            continue
        if place.population < _FALLBACK_POPULATION and place.feature_code not in ("ADM1", "ADM2"):
            continue
        if ctx.countries and not _plausible(place, ctx):
            continue
        mention = _mention(doc, r, resolved)
        role = "location" if mention.role == "adjectival" else mention.role
        return [replace(mention, role=role, confidence=round(mention.confidence * _FALLBACK_WEIGHT, 3))]
    return []


_FALLBACK_TOWN = 50_000


def _acronym_like(text: str) -> bool:
    """"MCAs", "MPs", "IDPs": capitals that name a group, not the rest of a place's name."""
    return sum(ch.isupper() for ch in text) >= 2 and len(text) <= 6


def _whole_name(doc: Any, c: _Candidate, sizeable: bool) -> bool:
    """Proper nouns standing alone: no capitalised word right before or after, and not the
    first word of a sentence unless spaCy calls it a place or the town is sizeable."""
    if not all(doc[k].pos_ == "PROPN" or not _capitalised(doc[k]) for k in range(c.start, c.end)):
        return False  # "Port-au-Prince": its joining words need not be proper nouns
    before = doc[c.start - 1] if c.start > 0 else None
    after = doc[c.end] if c.end < len(doc) else None
    if after is not None and _capitalised(after) and after.pos_ == "PROPN" and not _acronym_like(after.text):
        return False
    if doc[c.start].is_sent_start:
        return c.label in PLACE_LABELS or sizeable
    return before is None or not _capitalised(before) or before.is_sent_start and before.lower_ in _LOCATIVE


# ---------------------------------------------------------------- neighbourhoods

# "in Colonia Guadalupe", "in the Barrocas neighborhood", "at Centennial Park": a part of a
# town, named like some other town of the country.
_SUBPLACE_BEFORE = re.compile(r"\b(?:colonia|col\.|barrio|bairro|fraccionamiento|fracc\.|urbanizaci[oó]n|"
                              r"neighbou?rhoods? of|suburbs? of the)\s+(?:the\s+)?$", re.I)
_SUBPLACE_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|quarter|farm|estate|park|square|street|avenue|road)\b",
                             re.I)
_SUBPLACE_WORDS = {"colonia", "colonias", "barrio", "bairro", "fraccionamiento", "park", "square", "street",
                   "avenue", "road", "farm", "neighborhood", "neighbourhood"}
_SUBPLACE_KM = 30.0


def _subplace(doc: Any, c: _Candidate) -> bool:
    text = _t(doc)
    words = text[c.char_start:c.char_end].lower().split()
    return bool(_SUBPLACE_BEFORE.search(text[max(0, c.char_start - 30):c.char_start])
                or _SUBPLACE_AFTER.match(text[c.char_end:c.char_end + 20])
                or (len(words) > 1 and (words[0] in _SUBPLACE_WORDS or words[-1] in _SUBPLACE_WORDS)))


def _drop_far_subplaces(doc: Any, resolved: list[_Resolved]) -> list[_Resolved]:
    """A neighbourhood, farm or park lies in the town the text names with it: a reading of
    its name far from every such town is another place of that name, and is left out."""
    sub = [r for r in resolved if _subplace(doc, r.cand)]
    towns = [r.place for r in resolved if r not in sub and r.place.feature_code not in ("PCLI", "CONT", "ADM1")]
    if not sub or not towns:
        return resolved
    return [r for r in resolved if r not in sub or any(
        distance_km(r.place.latitude, r.place.longitude, t.latitude, t.longitude) <= _SUBPLACE_KM for t in towns)]


# ---------------------------------------------------------------- mentions

def _mention(doc: Any, r: _Resolved, resolved: list[_Resolved], ctx: GeoContext | None = None) -> PlaceMention:
    c = r.cand
    span = Span(_t(doc)[c.char_start:c.char_end], c.char_start, c.char_end)
    source_weight = 1.0 if c.label in PLACE_LABELS else 0.85
    role = _role(doc, c.start, c.end, span)
    precision = _precision(doc, r, resolved)
    if role == "location" and _inside_organisation(doc, c) and (
            r.place.feature_code == "PCLI" or not (c.cued or c.label in PLACE_LABELS)):
        role = "adjectival"  # "the US Centers for Disease Control", "US-backed", "Houston Rockets"
    if role == "location" and ctx is not None and _inside_organisation(doc, c) and _elsewhere_than(r.place, ctx):
        role = "adjectival"  # "the Oral Courts" in Pachuca is not Oral, Kazakhstan
    if role == "location" and r.place.feature_code == "PCLI" and _possessive(doc, c):
        role = "adjectival"  # "Russia's involvement"
    return PlaceMention(span, r.place, precision=precision, role=role,
                        confidence=round(r.confidence * source_weight, 3))


def _inside_organisation(doc: Any, c: _Candidate) -> bool:
    """The name is part of a longer organisation's name, or of a compound ("US-backed")."""
    if _t(doc)[c.char_end:c.char_end + 1] == "-":
        return True
    return any(e.label_ in ("ORG", "NORP", "FAC", "EVENT") and e.start <= c.start and c.end <= e.end
               and len(e) > c.end - c.start for e in _ents(doc))


def _possessive(doc: Any, c: _Candidate) -> bool:
    return c.end < len(doc) and doc[c.end].text in ("'s", "’s")


def _precision(doc: Any, r: _Resolved, resolved: list[_Resolved]) -> int:
    """1 the place itself, 2 near it, 3 a region (admin1, country, "Darfur", "Sumatra")."""
    if r.cand.kind == "admin1" and doc[r.cand.end - 1].lower_ == "countryside":
        return 2  # "Daraa countryside": around its town, as ACLED and UCDP code it
    if r.place.feature_code in ("PCLI", "ADM1", "CONT") or r.place.feature_class in ("L", "T"):
        return 3
    if r.place.feature_code == "ADM2":
        return 2  # a district: ACLED codes it to a representative town
    if _near(doc, r.cand):
        return 2
    earlier = _coordinated_with(doc, r.cand, resolved)
    if earlier is not None and _near(doc, earlier.cand):
        return 2  # "close to the towns of Nubl and Zahra"
    if r.cand.kind == "admin1" or doc[r.cand.end - 1].lower_ == "district":
        return 2  # a direction within, or a district named after, the town
    return 1


def _near(doc: Any, c: _Candidate) -> bool:
    if doc[c.end - 1].lower_ == "countryside":
        return True  # the suffix taken into the name ("Daraa countryside")
    before = _t(doc)[max(0, c.char_start - 80):c.char_start]
    return bool(_NEAR_BEFORE.search(before) or _NEAR_AFTER.match(_t(doc)[c.char_end:c.char_end + 30]))


def _coordinated_with(doc: Any, c: _Candidate, resolved: list[_Resolved]) -> _Resolved | None:
    earlier = [r for r in resolved if r.cand.end <= c.start]
    if not earlier:
        return None
    last = earlier[-1]
    return last if _coordinated(doc, last.cand, c) else None


_ROUTE_BEFORE = re.compile(r"\b(?:road|route|highway|way|motorway)\s+to\s+$", re.I)


def _role(doc: Any, start: int, end: int, span: Span) -> str:
    """seat ("UK-based"), destination ("fled to", "toward"), origin ("from"), else location."""
    if _SEAT_AFTER.match(_t(doc)[span.end:span.end + 12]) or _SEAT_BEFORE.search(_t(doc)[max(0, span.start - 40):span.start]):
        return "seat"
    prep, motion = _preposition_before(doc, start)
    if prep in ("toward", "towards") or (prep == "into" and motion):
        return "destination"
    if prep == "to" and (motion or doc[end - 1].lower_ in _BORDER_WORDS or _ROUTE_BEFORE.search(
            _t(doc)[max(0, span.start - 25):span.start])):
        return "destination"  # "fled to X", "the Turkish border", "on the road to X"
    if prep == "from":
        return "origin"
    return "location"


def _preposition_before(doc: Any, start: int) -> tuple[str | None, bool]:
    """The nearest role-bearing preposition within the clause, and whether a
    verb of motion precedes it ("fled to areas along the ...")."""
    prep = None
    for k in range(start - 1, max(-1, start - 10), -1):
        tok = doc[k]
        if tok.is_punct and tok.text != "-" or (tok.pos_ in ("VERB", "AUX") and prep is None
                                                and tok.lemma_.lower() not in _MOTION):
            break
        if prep is None and tok.lower_ in ("in", "at", "near", "inside", "outside"):
            break  # "marched to Al Nisour Square in Baghdad": Baghdad is where it happened
        if prep is None and tok.lower_ in ("to", "toward", "towards", "into", "from"):
            if tok.lower_ == "to" and k > 0 and doc[k - 1].lower_ in ("according", "due", "close", "next"):
                break
            prep = tok.lower_
            continue
        if prep is not None and (tok.lemma_.lower() in _MOTION or tok.lower_ in _MOTION):
            return prep, True
        if prep is not None and tok.pos_ in ("VERB", "AUX"):
            break
    return prep, False


def _is_seat(doc: Any, c: _Candidate) -> bool:
    end_char = doc[c.end - 1].idx + len(doc[c.end - 1].text)
    return bool(_SEAT_AFTER.match(_t(doc)[end_char:end_char + 12]))


def _overlaps(m: PlaceMention, others: list[PlaceMention]) -> bool:
    return any(m.span.start < o.span.end and o.span.start < m.span.end for o in others)
