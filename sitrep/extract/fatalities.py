"""Death tolls in one sentence, read the way ACLED's coders read them (codebook 1.9).

Pure string rules, no parser: a death word ("killed", "died", "the deaths of", "death toll
rose to") is tied to the nearest count before or after it, checked to be the victims'
noun phrase and not a distance or a date. Offsets index into the sentence given.

ACLED conventions applied here:
- injuries are not deaths: "killed 5 and wounded 10" -> 5; "5 injured" -> nothing;
- "killed or injured" (with or without a figure) -> 0, noted; "killing and injuring
  dozens" -> half of the figure (6), noted; an unspecified figure ("several") is not halved;
- "casualties" with no death word -> 0, noted;
- no figure, plural victims ("civilians were killed") -> 3, or 10 when ``high_intensity``;
  a singular victim ("a soldier died") -> 1;
- coordinated figures add up: "killing 60 Houthis and 25 soldiers" -> 85.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Fatalities
from .numbers import UNSPECIFIED, Quantity, find_quantities, parse_quantity, scaled

KILLED_OR_INJURED = "killed or injured: counted 0 (ACLED)"
CASUALTIES = "casualties are not deaths: counted 0 (ACLED)"
NONE_REPORTED = "no deaths reported: counted 0"


@dataclass(frozen=True)
class FatalityFinding:
    """A death toll read from one sentence; ``high`` is None when the text leaves it open."""

    low: int
    best: int
    high: int | None
    text: str  # the phrase the count comes from
    start: int
    end: int
    vague: bool = False
    civilians: bool = False  # civilians are named among the dead (or killed-or-injured)
    civilian_count: int | None = None  # civilians among the dead, when the text gives it
    children: bool = False
    note: str | None = None
    victims: str | None = None  # who died, as written ("fighters and soldiers")


class _Q(NamedTuple):
    start: int
    end: int
    q: Quantity


class _Hit(NamedTuple):
    """The counts a death word speaks of, each with its noun phrase, and the span they cover."""

    items: list[tuple[_Q, str]]
    start: int
    end: int


Breakdown = tuple[str, int, int, int]  # (group phrase, count, start, end)

_TRIGGER = re.compile(
    r"""
    (?P<toll>\b(?:death|fatality|the)\s+toll\b)
  | (?P<fwd>\b(?:deaths?|massacre|bodies|killing|murder|slaughter|execution)\s+of\b
        |\b(?:claim|take|took|taken|taking|cost)\w*\s+the\s+lives\s+of\b)
  | (?P<cmp>\b(?:kill(?:ed|ing)|dead|died)\s+(?P<conj>and|or)\s+(?:injur|wound)\w*
        |\b(?:injur|wound)\w*\s+(?P<conj2>and|or)\s+(?:kill(?:ed|ing)|dead|died)\b)
  | (?P<verb>\b(?:kill(?:ed|ing|s)|murder(?:ed|ing|s)|execut(?:ed|ing)|massacr(?:ed|ing)
        |slaughter(?:ed|ing)|behead(?:ed|ing)|assassinat(?:ed|ing)|gunned\s+down|shot\s+dead
        |shot\s+and\s+killed|(?:stabbed|beaten|burned|burnt|hacked|tortured|shot|bludgeoned
        |stoned|crushed)\s+to\s+death)\b)
  | (?P<among>\bamong\s+(?:the\s+dead|those\s+killed|the\s+victims|the\s+fatalities)\b)
  | (?P<back>\b(?:died(?!\s+down)|dies|dead|perished|slain|succumbed|lost\s+(?:their|his|her)\s+li(?:ves|fe)
        |deaths?|fatalities|bodies|corpses)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PLURAL_NOUN = re.compile(r"deaths|fatalities|bodies|corpses", re.I)
_CASUALTIES = re.compile(r"\bcasualt(?:y|ies)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|nobody|none|without|zero)\b(?:\s+[\w-]+){0,3}\s*$", re.I)

# Words that end a clause: a count before them is not the subject of the death word.
_BLOCK = {"said", "says", "say", "told", "that", "which", "who", "whom", "whose", "when",
          "while", "after", "before", "because", "but", "if", "than", "as", "by", "according",
          "since", "where", "although", "though", "until", "among", "with", "during", "amid",
          "following", "injured", "wounded", "killed", "died", "dead", "killing", "injuring",
          "wounding", "fled", "displaced", "arrested", "abducted", "kidnapped", "captured",
          "deaths", "death", "bodies", "fatalities", "casualties", "ago", "later", "earlier"}
_AUX = ("were|was|have|has|had|been|are|is|be|being|reportedly|allegedly|also|all|later|now"
        "|reported|confirmed|feared|believed|thought|said\\s+to\\s+have|to\\s+have|both|already"
        "|subsequently|eventually|since|then|left|found|recovered")
_AUX_WORDS = {w for w in _AUX.split("|") if "\\" not in w} | {"said", "to"}
_ATTACHING = {"from", "in", "at", "near", "on"}
_BY_AGENT = re.compile(r"\s+by\b", re.I)
_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "another"}
# Singular heads that are not people: "the ceasefire died", "the deal was killed".
_NOT_PERSON = {"attack", "deal", "ceasefire", "truce", "talks", "plan", "process", "hope", "offensive",
               "operation", "convoy", "vehicle", "car", "project", "agreement", "idea", "fire", "blast",
               "explosion", "bomb", "bill", "proposal", "motion", "engine", "city", "town", "village",
               "area", "region", "country", "economy", "market", "fighting", "violence", "clash", "war"}
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|be|got|get)(?:\s+\w+ly)?(?:\s+[a-z]+\s+and)?\s+$", re.I)
_PREPS = {"in", "at", "on", "near", "from", "to", "into", "for", "across", "around", "over",
          "under", "inside", "outside", "within", "throughout", "along", "against", "toward",
          "towards", "between", "including", "mostly", "each", "per", "a", "an", "the"}
_NP_STOP = _BLOCK | (_AUX_WORDS - {"all", "both"}) | (_PREPS - {"a", "an", "the"})
# Counted things that are not people: "10 kilometers", "hundreds of shells".
_NONVICTIM = re.compile(
    r"(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|percent|per|%|years?|months?|weeks?|days?"
    r"|hours?|minutes?|times|am|pm|shells?|rockets?|missiles?|drones?|bombs?|mortars?|rounds?|vehicles?"
    r"|tanks?|villages?|towns?|areas?|positions?|sites?|houses?|homes?|buildings?|families|households"
    r"|(?:air)?strikes?|attacks?|raids?|incidents?|tons?|tonnes?|dollars?|usd|points?|locations?"
    r"|depots?|weapons?|kilograms?|kg|percentage|cit(?:y|ies)|countr(?:y|ies)|regions?|provinces?)$", re.I)
_CIVILIAN = re.compile(
    r"\b(?:civilians?|non-combatants?|residents?|villagers?|farmers?|herders?|women|woman|child(?:ren)?"
    r"|boys?|girls?|infants?|babies|baby|kids?|minors?|students?|worshippers?|journalists?"
    r"|passers-by|bystanders?|aid\s+workers?|medics?|pilgrims?|passengers?|displaced\s+people)\b", re.I)
_CHILD = re.compile(r"\b(?:child(?:ren)?|boys?|girls?|infants?|babies|baby|kids?|minors?|toddlers?"
                    r"|teenagers?|schoolchildren)\b", re.I)
_COMBATANT = re.compile(
    r"\b(?:soldiers?|troops?|fighters?|militants?|rebels?|insurgents?|militiamen|militia|gunmen"
    r"|jihadists?|terrorists?|police(?:men)?|officers?|personnel|combatants?|guards?|commanders?"
    r"|members?|forces?|army)\b", re.I)
_PLURAL_VICTIMS = {"people", "persons", "civilians", "soldiers", "fighters", "militants", "rebels",
                   "troops", "policemen", "police", "officers", "members", "insurgents", "gunmen",
                   "jihadists", "terrorists", "children", "women", "men", "residents", "villagers",
                   "farmers", "herders", "protesters", "demonstrators", "students", "worshippers",
                   "workers", "journalists", "militiamen", "combatants", "personnel", "guards",
                   "commanders", "relatives", "passengers", "pilgrims", "miners", "others",
                   "individuals", "victims", "detainees", "prisoners", "recruits", "conscripts",
                   "boys", "girls", "infants", "babies", "youths", "elements", "attackers",
                   "assailants", "bystanders", "medics", "staff"}
_SINGULAR_VICTIMS = {"person", "civilian", "soldier", "fighter", "militant", "rebel", "policeman",
                     "officer", "member", "insurgent", "gunman", "jihadist", "terrorist", "child",
                     "woman", "man", "resident", "villager", "farmer", "herder", "protester",
                     "demonstrator", "student", "worshipper", "worker", "journalist", "commander",
                     "leader", "guard", "boy", "girl", "infant", "baby", "teenager", "youth",
                     "driver", "passenger", "pilgrim", "he", "she", "him", "her", "chief",
                     "militiaman", "combatant", "civilian", "victim", "detainee", "prisoner",
                     "attacker", "assailant", "bomber", "medic", "doctor", "nurse", "teacher"}
_GAP = re.compile(
    rf"""(?:\s+of\b)?(?P<np>(?:\s+[A-Za-z][\w'’-]*){{0,7}}?)
    (?P<app>\s*\([^()]{{0,60}}\)|\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them|both)
        \b[^,.;()]{{1,60}},)?
    (?P<aux>(?:\s+(?:{_AUX}))*)\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_SUBJECT = re.compile(
    rf"""(?P<np>(?:[A-Za-z0-9][\w'’-]*\s+){{0,12}}[A-Za-z0-9][\w'’-]*)
    (?P<app>\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them|both)
        \b[^,.;()]{{1,60}},)?
    (?P<aux>(?:\s+(?:{_AUX}))*)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_FWD_GAP = re.compile(r"\s*(?:(?:a\s+)?total\s+of\s+|the\s+|an?\s+additional\s+|another\s+|a\s+further\s+)?",
                      re.I)
_CHAIN_BACK = re.compile(r"(?:\s+of\b)?((?:\s+[A-Za-z][\w'’-]*){0,6}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)", re.I)
_UPDATE = re.compile(r"\b(?:(?:death\s+)?toll|it|figure|number)\s+(?:later\s+|has\s+|had\s+|then\s+)?"
                     r"(?:rose|risen|climbed|increased|jumped)\s+to\s+(?:at least\s+)?(?P<n>[\w,-]+)", re.I)
_SUBSET = re.compile(r"\s*of\s+(?:them|whom|those)\b", re.I)
# "two gunmen shot a man dead": the count before a verb with its own object is the doers', not the dead
_SHOT_SOMEONE = re.compile(r"\b(?:shot|stabbed|hacked|beat)\s+(?:a|an|the|his|her|their|one)\b", re.I)
_CHAIN_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
_INCLUDED = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|mostly)\s+$", re.I)
_TRAILING = re.compile(r"[^.;]{0,12}?\b(?:including|among\s+them|among\s+whom|of\s+whom|mostly"
                       r"|most\s+of\s+them|all\s+of\s+them)\b[^.;]{0,80}", re.I)
_AMONG_AFTER = re.compile(r"\s*(?:were\s+|was\s+)?among\s+(?:the\s+dead|those\s+killed|the\s+victims)", re.I)
_ANAPHOR = re.compile(r"\b(?:the|their|his|her|its|these|those)\s+$", re.I)
_WORD = re.compile(r"\s*((?:[A-Za-z]|\d+-[A-Za-z])[\w'’-]*)")  # "80-year-old" is a word
_TOKEN = re.compile(r"(?:[A-Za-z]|\d+-[A-Za-z])[\w'’-]*")


# ---------------------------------------------------------------- public API


def find_fatalities(sentence: str, *, high_intensity: bool = False) -> FatalityFinding | None:
    """The death toll the sentence states, or None when it states none.

    Of several tolls the first firm figure wins, then a vague one, then a counted zero.
    """
    found = find_fatality_mentions(sentence, high_intensity=high_intensity)
    if found:
        return _update(sentence, found) or min(found, key=lambda f: (_rank(f), f.start))
    return _casualties_only(sentence)


def _update(sentence: str, found: list[FatalityFinding]) -> FatalityFinding | None:
    """"had put the toll at three; it rose to four": the updated figure stands."""
    m = _UPDATE.search(sentence)
    if not m:
        return None
    q = parse_quantity(m.group("n"))
    if q is None or q.vague:
        return None
    return FatalityFinding(q.low, q.best, q.high if q.high is not None else q.best, m.group(), m.start(), m.end(),
                           note="updated toll", victims=found[0].victims)


def find_fatality_mentions(sentence: str, *, high_intensity: bool = False) -> list[FatalityFinding]:
    """Every death toll in the sentence, in text order (one per counted group)."""
    quants = [_Q(*x) for x in find_quantities(sentence)]
    findings: list[FatalityFinding] = []
    used: set[int] = set()
    for m in _TRIGGER.finditer(sentence):
        finding = _read_trigger(sentence, m, quants, used, high_intensity)
        if finding is not None:
            findings.append(finding)
    return sorted(findings, key=lambda f: f.start)


def find_breakdown(sentence: str) -> list[Breakdown]:
    """A per-party list of counts ("65 HTS fighters, 18 ... and 49 Syrian soldiers").

    Returns the longest list of two or more firm counts, each with its noun phrase, joined
    by commas or "and"; [] when the sentence has no such list.
    """
    quants = [x for x in (_Q(*t) for t in find_quantities(sentence)) if not x.q.vague]
    starts = {x.start for x in quants}
    best: list[Breakdown] = []
    chain: list[Breakdown] = []
    for i, x in enumerate(quants):
        np_text, _, np_end = _np_after(sentence, x.end, starts)
        if not np_text or _rejected(x, np_text):
            best = chain if len(chain) > len(best) else best
            chain = []
            continue
        chain.append((np_text, x.q.low, x.start, np_end))
        nxt = quants[i + 1] if i + 1 < len(quants) else None
        if nxt is None or not _LIST_SEP.fullmatch(sentence[np_end:nxt.start]):
            best = chain if len(chain) > len(best) else best
            chain = []
    return best if len(best) >= 2 else []


def check_breakdown(total: int, parts: list[int]) -> bool:
    """True when a breakdown of two or more parts adds up to the total."""
    return len(parts) >= 2 and sum(parts) == total


def to_fatalities(finding: FatalityFinding, by_party: dict[str, int]) -> Fatalities:
    """The model's ``Fatalities``; an open upper bound becomes the best figure."""
    return Fatalities(
        low=finding.low,
        best=finding.best,
        high=finding.high if finding.high is not None else finding.best,
        text=finding.text,
        vague=finding.vague,
        by_party=dict(by_party),
        civilians=finding.civilian_count,
        children=finding.children,
        note=finding.note,
    )


# ---------------------------------------------------------------- one trigger


def _read_trigger(s: str, m: re.Match[str], quants: list[_Q], used: set[int],
                  high_intensity: bool) -> FatalityFinding | None:
    kind = m.lastgroup
    conj = (m.group("conj") or m.group("conj2") or "").lower() if kind == "cmp" else ""
    hit = _find_count(s, m, kind or "", quants)
    if hit is None:
        return None
    chain = [x for x, _ in hit.items]
    if any(x.start in used for x in chain):
        return None
    used.update(x.start for x in chain)
    total = _total(chain, high_intensity)
    if total is None:
        return None
    note, start = None, hit.start
    negation = _NEGATION.search(s[max(0, start - 40):start])
    if negation:
        start = max(0, start - 40) + negation.start()
        total, note = Quantity(0, 0, 0, False, total.text, "exact"), NONE_REPORTED
    elif conj == "or":
        total, note = Quantity(0, 0, 0, False, total.text, "exact"), KILLED_OR_INJURED
    elif conj == "and" and total.kind != "unspecified":
        note = f"killed and injured: half of {total.low} counted (ACLED)"
        total = _halve(total)
    return _finding(s, total, hit._replace(start=start, end=max(hit.end, m.end())), note, quants)


def _find_count(s: str, m: re.Match[str], kind: str, quants: list[_Q]) -> _Hit | None:
    """Which counts the trigger speaks of."""
    if kind == "toll":
        return _toll(s, m, quants)
    if kind == "fwd":
        return _forward(s, m, quants) or _forward_noun(s, m)
    if kind in ("verb", "cmp"):
        if _PASSIVE.search(s[max(0, m.start() - 40):m.start()]) or _BY_AGENT.match(s, m.end()):
            # "civilians were killed": the victims come before the verb
            return _forward(s, m, quants) or _backward(s, m, quants) or _backward_noun(s, m)
        # "gunmen killed a farmer": after the verb; "3 soldiers killed" (headline): before it
        return _forward(s, m, quants) or _forward_noun(s, m) or _backward(s, m, quants)
    if kind in ("back", "among"):
        if _is_the_dead(s, m):
            return None
        if kind == "among":
            return _backward(s, m, quants)
        if _PLURAL_NOUN.fullmatch(m.group()):
            # "there were fatalities", "civilian deaths": plural with no figure (ACLED: 3 or 10)
            return _backward(s, m, quants) or _plural_noun(s, m)
        return _backward(s, m, quants) or _backward_noun(s, m)
    return None


def _plural_noun(s: str, m: re.Match[str]) -> _Hit:
    """The noun with the word before it when that is a modifier ("civilian deaths")."""
    start, victims = m.start(), ""
    before = re.search(r"([A-Za-z][\w'’-]*)\s+$", s[max(0, m.start() - 30):m.start()])
    if before and before.group(1).lower() not in _NP_STOP | _DETERMINERS | {"of", "and", "or", "no", "any"}:
        start, victims = m.start() - len(before.group()), before.group(1)
    q = Quantity(UNSPECIFIED, UNSPECIFIED, None, True, s[start:m.end()], "unspecified")
    return _Hit([(_Q(start, start, q), victims)], start, m.end())


def _toll(s: str, m: re.Match[str], quants: list[_Q]) -> _Hit | None:
    """ "death toll rose to 14", "raised the death toll to 14": the first count after "toll"."""
    starts = {x.start for x in quants}
    for x in quants:
        if x.start < m.end() or x.q.kind == "unspecified":
            continue
        if not re.fullmatch(r"[^.;:]{0,60}", s[m.end():x.start]):
            return None
        if not _rejected(x, _np_after(s, x.end, starts)[0]):
            return _Hit([(x, "")], m.start(), x.end)
    return None


def _forward(s: str, m: re.Match[str], quants: list[_Q]) -> _Hit | None:
    """ "killing 12 soldiers and 3 civilians", "the deaths of 132 fighters and soldiers"."""
    starts = {x.start for x in quants}
    first = next((x for x in quants if x.start >= m.end()), None)
    if first is None or not _FWD_GAP.fullmatch(s[m.end():first.start]):
        return None
    chain = _chain_forward(s, quants, quants.index(first), starts)
    if not chain:
        return None
    return _Hit([(x, np) for x, np, _ in chain], m.start(), chain[-1][2])


def _chain_forward(s: str, quants: list[_Q], i: int, starts: set[int]) -> list[tuple[_Q, str, int]]:
    chain: list[tuple[_Q, str, int]] = []
    while i < len(quants):
        x = quants[i]
        if chain and _SUBSET.match(s, x.end):
            break  # "nine civilians, four of them children": a part of the count, not more dead
        np_text, _, np_end = _np_after(s, x.end, starts)
        if _rejected(x, np_text):
            break
        chain.append((x, np_text, max(np_end, x.end)))
        nxt = quants[i + 1] if i + 1 < len(quants) else None
        if nxt is None or not _CHAIN_GAP.fullmatch(s[max(np_end, x.end):nxt.start]):
            break
        i += 1
    return chain


def _backward(s: str, m: re.Match[str], quants: list[_Q]) -> _Hit | None:
    """ "dozens of Syrian soldiers and rebel fighters have died", "5 people were shot dead"."""
    before = [x for x in quants if x.end <= m.start()]
    if not before:
        return None
    last = before[-1]
    victims = _subject_gap(s[last.end:m.start()])
    if victims is None or _rejected(last, victims):
        return None
    items = [(last, victims)]
    items += _extra_singulars(victims, m.start())
    for prev in reversed(before[:-1]):  # "60 Houthis and 25 soldiers were killed"
        gap = s[prev.end:items[0][0].start]
        np = _CHAIN_BACK.fullmatch(gap)
        if np is None or any(w.lower() in _BLOCK for w in np.group(1).split()):
            break
        np_text = " ".join(np.group(1).split())
        if _rejected(prev, np_text) or (not np_text and "and" not in gap.lower()):
            break
        items.insert(0, (prev, np_text))
    return _Hit(items, items[0][0].start, m.end())


def _extra_singulars(victims: str, at: int) -> list[tuple[_Q, str]]:
    """ "Three volunteer fighters and a councilman were killed": one more per "and a ..."."""
    extra = []
    for part in re.split(r"\s+and\s+", victims)[1:]:
        words = part.split()
        if words and words[0].lower() in ("a", "an", "another") and _conjunct_count(words) == 1:
            extra.append((_Q(at, at, Quantity(1, 1, 1, False, part, "exact")), ""))
    return extra


def _subject_gap(gap: str) -> str | None:
    """The victims' noun phrase between a count and its death word, or None if it is no subject."""
    g = _GAP.fullmatch(re.sub(r"\([^()]*\)", lambda p: " " * len(p.group()), gap))
    if g is None:
        return None
    words = g.group("np").split()
    if any(w.lower() in _BLOCK for w in words) or _SHOT_SOMEONE.search(g.group("np")):
        return None
    return " ".join(words)


def _backward_noun(s: str, m: re.Match[str]) -> _Hit | None:
    """No figure: "civilians were killed" (plural: vague), "a soldier died" (one)."""
    window_start = max(0, m.start() - 160)
    g = _SUBJECT.search(s[window_start:m.start()])
    if g is None:
        return None
    offset = window_start + g.start("np")
    words = [(offset + w.start(), w.group()) for w in _TOKEN.finditer(g.group("np"))]
    while words:
        last = words[-1][1].lower()
        if last in _AUX_WORDS:
            words.pop()
        elif last == "and" and len(words) > 2:
            del words[-2:]  # "a man was arrested and killed"
        else:
            break
    for _ in range(3):  # "a man from Soran in Hama": past up to two prepositions
        subject, stop = _subject_words(words)
        hit = _noun_count(s, subject, m.end()) if subject else None
        if hit is not None or stop not in _ATTACHING:
            return hit
        words = words[:len(words) - len(subject) - 1]
    return None


def _subject_words(words: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], str]:
    """The trailing noun phrase of ``words`` and the word that ends it on the left."""
    subject: list[tuple[int, str]] = []
    for pos, w in reversed(words):
        if w.lower() in _BLOCK or w.lower() in _PREPS - {"a", "an", "the"} or len(subject) >= 12:
            return subject, w.lower()
        if subject and _SHOT_SOMEONE.fullmatch(f"{w} {subject[0][1]}"):
            return subject, w.lower()  # "gunmen shot a man dead": the man
        subject.insert(0, (pos, w))
    return subject, ""


def _forward_noun(s: str, m: re.Match[str]) -> _Hit | None:
    """No figure after an active verb: "killing civilians", "killed a soldier"."""
    np_text, np_start, np_end = _np_after(s, m.end(), set())
    if not np_text:
        return None
    words = [(np_start + w.start(), w.group()) for w in _TOKEN.finditer(np_text)]
    hit = _noun_count(s, words, np_end)
    return None if hit is None else hit._replace(start=m.start())


def _noun_count(s: str, words: list[tuple[int, str]], end: int) -> _Hit | None:
    """One victim per singular conjunct ("a civilian and his son": 2); a plural: unspecified."""
    conjuncts: list[list[str]] = [[]]
    for _, w in words:
        if w.lower() in ("and", "or"):
            conjuncts.append([])
        else:
            conjuncts[-1].append(w)
    counts = [_conjunct_count(c) for c in conjuncts if c]
    if not counts or None in counts:
        return None
    start = words[0][0]
    victims = s[start:words[-1][0] + len(words[-1][1])]
    if "plural" in counts:
        q = Quantity(UNSPECIFIED, UNSPECIFIED, None, True, victims, "unspecified")
    else:
        q = Quantity(len(counts), len(counts), len(counts), False, victims, "exact")
    return _Hit([(_Q(start, start, q), _strip_det(victims))], start, end)


def _conjunct_count(words: list[str]) -> str | int | None:
    """ "plural", 1, or None (not a person) for one noun phrase."""
    lowered = [w.lower() for w in words]
    head = words[lowered.index("of") - 1] if "of" in lowered[1:] else words[-1]
    det = lowered[0]
    if head.lower() in _PLURAL_VICTIMS or _is_demonym_plural(head):
        return None if det in ("a", "an", "one", "his", "her", "another") else "plural"
    if head.lower() in _SINGULAR_VICTIMS:
        return 1
    if (det in _DETERMINERS and len(words) > 1 and not _NONVICTIM.match(head)
            and head.lower() not in _NOT_PERSON and not head.lower().endswith("s")
            and head.replace("-", "").isalpha()):
        return 1  # "the traditional ruler", "a councilman"
    return None


# ---------------------------------------------------------------- helpers


def _is_demonym_plural(word: str) -> bool:
    """ "Palestinians", "Houthis": capitalised plurals, not acronyms like "HTS"."""
    return word[:1].isupper() and not word.isupper() and word.endswith("s") and len(word) > 3


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:a|an|the|his|her|their|its)\s+", "", text, flags=re.I)


def _np_after(s: str, pos: int, quant_starts: set[int]) -> tuple[str, int, int]:
    """The noun phrase right after a count: "fighters and soldiers", "members of allied groups"."""
    of = re.match(r"\s+of\b", s[pos:])
    i = pos + (of.end() if of else 0)
    words: list[tuple[int, int]] = []
    while len(words) < 7:
        w = _WORD.match(s, i)
        prev = s[words[-1][0]:words[-1][1]] if words else ""
        if w is None or _ends_np(s, w, quant_starts, prev):
            break
        words.append((w.start(1), w.end(1)))
        i = w.end()
    while words and s[words[-1][0]:words[-1][1]].lower() in ("and", "or", "of", "the", "a", "an"):
        words.pop()
    if not words:
        return "", pos, pos
    return s[words[0][0]:words[-1][1]], words[0][0], words[-1][1]


def _ends_np(s: str, w: re.Match[str], quant_starts: set[int], prev: str) -> bool:
    word = w.group(1)
    low = word.lower()
    if w.start(1) in quant_starts or low in _NP_STOP:
        return True
    if low in ("and", "or"):
        nxt = _WORD.match(s, w.end())
        return (nxt is None or nxt.start(1) in quant_starts or nxt.group(1).lower() in _NP_STOP
                or nxt.group(1).lower().endswith("ing"))
    if word.islower() and low.endswith("ing"):
        return True
    if word.islower() and low.endswith("ed") and prev:
        nxt = _WORD.match(s, w.end())
        after_noun = prev.endswith("s") or prev.lower() in _SINGULAR_VICTIMS
        return after_noun or nxt is None or nxt.group(1).lower() in _NP_STOP
    return False


def _rejected(x: _Q, np_text: str) -> bool:
    """A count of things, not people ("10 kilometers"), or a year ("in 2015")."""
    first = np_text.split()[0] if np_text else ""
    return bool(first and _NONVICTIM.match(first)) or _looks_like_year(x, np_text)


def _looks_like_year(x: _Q, np_text: str) -> bool:
    return x.q.kind == "exact" and re.fullmatch(r"(?:1[89]|20)\d\d", x.q.text) is not None and not np_text


def _total(chain: list[_Q], high_intensity: bool) -> Quantity | None:
    """Coordinated counts add up; an unspecified one becomes 3 or 10."""
    qs = [scaled(x.q, high_intensity) for x in chain]
    if not qs:
        return None
    if len(qs) == 1:
        return qs[0]
    highs = [q.high for q in qs]
    return Quantity(
        low=sum(q.low for q in qs), best=sum(q.best for q in qs),
        high=None if None in highs else sum(h for h in highs if h is not None),
        vague=any(q.vague for q in qs), text=" + ".join(q.text for q in qs),
        kind="vague" if any(q.vague for q in qs) else "exact")


def _halve(q: Quantity) -> Quantity:
    """ "killing and injuring dozens": ACLED takes half (6 of 12), at least one."""
    return Quantity(max(1, q.low // 2), max(1, q.best // 2),
                    None if q.high is None else max(1, q.high // 2), q.vague, q.text, q.kind)


def _is_the_dead(s: str, m: re.Match[str]) -> bool:
    """ "the dead", "their bodies": nouns that refer back, not a count."""
    return _ANAPHOR.search(s[max(0, m.start() - 8):m.start()]) is not None


def _finding(s: str, total: Quantity, hit: _Hit, note: str | None, quants: list[_Q]) -> FatalityFinding:
    start, end = hit.start, hit.end
    victims = ", ".join(np for _, np in hit.items if np) or None
    context = s[start:end]
    trailing = _TRAILING.match(s, end)
    if trailing:
        context += trailing.group()
    civilians = bool(_CIVILIAN.search(context))
    return FatalityFinding(
        low=total.low, best=total.best, high=total.high, text=s[start:end], start=start, end=end,
        vague=total.vague, civilians=civilians,
        civilian_count=_civilian_count(s, hit, total, quants) if civilians and total.low else None,
        children=bool(_CHILD.search(context)), note=note, victims=victims)


def _civilian_count(s: str, hit: _Hit, total: Quantity, quants: list[_Q]) -> int | None:
    """ "including 5 civilians", "5 civilians among the dead", or the groups that are civilians."""
    starts = {x.start for x in quants}
    for x in quants:
        np_text, _, np_end = _np_after(s, x.end, starts)
        if not _CIVILIAN.search(np_text) or x.q.vague:
            continue
        if _INCLUDED.search(s[max(0, x.start - 25):x.start]) or _AMONG_AFTER.match(s, np_end):
            return x.q.low
    civilian = [x.q.low for x, np in hit.items if _CIVILIAN.search(np) and not _COMBATANT.search(np)]
    if civilian and len(civilian) == len(hit.items):
        return total.low  # every victim a civilian (and "civilians were killed" scaled to 10)
    return sum(civilian) if civilian else None


def _casualties_only(s: str) -> FatalityFinding | None:
    """ "casualties" without a death word: ACLED counts 0 and says why."""
    m = _CASUALTIES.search(s)
    if m is None:
        return None
    context = s[max(0, m.start() - 30):m.end()]
    return FatalityFinding(0, 0, 0, m.group(), m.start(), m.end(), note=CASUALTIES,
                           civilians=bool(_CIVILIAN.search(context)), children=bool(_CHILD.search(context)))


def _rank(f: FatalityFinding) -> int:
    if f.note == NONE_REPORTED:
        return 3
    if f.low == 0:
        return 2
    return 1 if f.vague else 0
