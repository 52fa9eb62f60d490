"""What an article tells us about where it is, for choosing among same-named places."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Place
from .normalize import normalize
from .sources import to_iso3


@dataclass
class GeoContext:
    """Geographic focus of an article.

    ``countries``: ISO3 -> weight (how often the article points at the
    country: names, demonyms, resolved places).  The constructor also accepts
    a list of ISO2/ISO3 codes, each occurrence counting once.
    ``places``: places already resolved in the article (co-mentions).
    ``admin1``: admin areas the text states ("Aleppo province", "(Idlib)").
    """

    countries: dict[str, float] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    _keys: tuple[tuple[str, ...], set[str]] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        given: Mapping[str, float] | Iterable[str] = self.countries
        self.countries = {}
        items = given.items() if isinstance(given, Mapping) else ((c, 1.0) for c in given)
        for code, weight in items:
            self.add_country(code, weight)
        self.places = list(self.places)
        self.admin1 = list(self.admin1)

    def add_country(self, code: str, weight: float = 1.0) -> None:
        iso3 = to_iso3(code)
        if iso3 is not None:
            self.countries[iso3] = self.countries.get(iso3, 0.0) + weight

    def share(self, iso3: str | None) -> float:
        """The country's fraction of all country weight (0 when unknown), counted out of at
        least one full mention: weak evidence alone ("Russian forces") is no full focus."""
        total = sum(self.countries.values())
        if not iso3 or total <= 0:
            return 0.0
        return self.countries.get(iso3, 0.0) / max(total, 1.0)

    def admin1_keys(self) -> set[str]:
        """Normalised stated areas, with the names records use for them ("Idlib" -> "idleb")."""
        # Asked once per candidate scored: worked out again only when the list has changed.
        stamp = tuple(self.admin1)
        if self._keys is None or self._keys[0] != stamp:
            keys = {normalize(name) for name in stamp}
            self._keys = (stamp, keys.union(*(_output_keys().get(k, ()) for k in keys)))
        return self._keys[1]

    def top_country(self) -> str | None:
        return max(self.countries, key=self.countries.__getitem__) if self.countries else None


@lru_cache(maxsize=1)
def _output_keys() -> dict[str, frozenset[str]]:
    """Normalised spelling of an admin1 area -> normalised names it is written as in records
    (admin1_names.yaml, and the aliases of aliases.py), so a stated "Idlib" matches "Idleb"."""
    from .aliases import ADMIN1_ALIASES
    from .build import admin1_renames, output_admin1

    out: dict[str, set[str]] = {}
    for (cc, old), new in admin1_renames().items():
        out.setdefault(normalize(old), set()).add(normalize(new))
    for (cc, old), aliases in ADMIN1_ALIASES.items():
        for alias in aliases:
            out.setdefault(normalize(alias), set()).add(normalize(output_admin1(cc, old)))
    return {k: frozenset(v) for k, v in out.items()}


# Names of local units and offices that only some countries use: a report that speaks of an
# "LGA" is about Nigeria, of an "upazila" about Bangladesh, even when it names no country
# ("Shiroro LGA (Niger)" is Nigeria's Niger state, not the Republic of Niger). Words
# several countries share split their weight; words common to many (province, district,
# county, commune, municipality, governorate) say nothing and are left out.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "lga": ("NGA",), "lgas": ("NGA",), "local government area": ("NGA",),
    "upazila": ("BGD",), "upazilla": ("BGD",), "union parishad": ("BGD",),
    "barangay": ("PHL",), "barangays": ("PHL",),
    "woreda": ("ETH",), "woredas": ("ETH",), "kebele": ("ETH",), "kebeles": ("ETH",),
    "hromada": ("UKR",), "hromadas": ("UKR",), "raion": ("UKR", "RUS", "BLR", "MDA"),
    "tehsil": ("IND", "PAK"), "taluka": ("IND",), "taluk": ("IND",), "mandal": ("IND",),
    "sarpanch": ("IND",), "sarpanches": ("IND",), "gram panchayat": ("IND",), "panchayat": ("IND",),
    "rural municipality": ("NPL",), "gaunpalika": ("NPL",), "nagarpalika": ("NPL",),
    "dzongkhag": ("BTN",),
    "corregimiento": ("COL", "PAN"), "vereda": ("COL",),
    "cercle": ("MLI",), "wilaya": ("DZA", "MRT", "SDN"), "daira": ("DZA",),
    "sub-county": ("KEN", "UGA"), "subcounty": ("KEN", "UGA"), "sub county": ("KEN", "UGA"),
    "chiefdom": ("SLE", "SWZ"), "gewog": ("BTN",), "soum": ("MNG",),
    "township": (), "village tract": ("MMR",), "amphoe": ("THA",), "tambon": ("THA",),
    "kabupaten": ("IDN",), "kecamatan": ("IDN",), "regency": ("IDN",),
    "oblys": ("KAZ",), "aimag": ("MNG",), "uyezd": (), "krai": ("RUS",),
    "voivodeship": ("POL",), "gmina": ("POL",), "okrug": (), "rayon": ("AZE", "RUS", "KGZ"),
    "muhafazah": (), "qada": ("LBN", "IRQ"), "nahiya": ("IRQ", "SYR"), "nahia": ("IRQ", "SYR"),
    "caza": ("LBN",), "mohafaza": ("LBN",), "sub-district": (), "uzlah": ("YEM",), "mudiriyah": ("YEM",),
    "payam": ("SSD",), "boma": ("SSD",), "sous-prefecture": ("CIV", "CAF", "GIN", "TCD"),
    "groupement": ("COD",), "chefferie": ("COD",), "territoire": ("COD",),
    "colonia": ("MEX", "HND"), "alcaldia": ("MEX",),
}
UNIT_WORD_WEIGHT = 1.0
_UNIT_PATTERN = re.compile(r"\b(" + "|".join(sorted((re.escape(w) for w, c in UNIT_WORDS.items() if c),
                                                    key=len, reverse=True)) + r")\b", re.I)


def unit_word_countries(text: str) -> dict[str, float]:
    """ISO3 -> weight from the local-unit words a text uses (each word counted once)."""
    out: dict[str, float] = {}
    for word in {m.group(1).lower() for m in _UNIT_PATTERN.finditer(text)}:
        countries = UNIT_WORDS[word]
        for iso3 in countries:
            out[iso3] = out.get(iso3, 0.0) + UNIT_WORD_WEIGHT / len(countries)
    return out
