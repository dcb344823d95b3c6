"""Word lists from NLTK corpora and WordNet look-ups, loaded once."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import resources

# Word lists stay as written: a screenful, not one word per line.
# fmt: off
MONTHS = (
    "January February March April May June July August September October November December".split()
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# AP-style abbreviations, as news and reference texts write dates ("Jan. 5", "Sept. 1, 1987").
MONTH_ABBREVIATIONS = {
    "Jan.": "January", "Feb.": "February", "Mar.": "March", "Apr.": "April", "Jun.": "June",
    "Jul.": "July", "Aug.": "August", "Sep.": "September", "Sept.": "September", "Oct.": "October",
    "Nov.": "November", "Dec.": "December",
}
# US states as AP style abbreviates them after a city ("Oakland, Calif.").
STATE_ABBREVIATIONS = set(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. "
    "Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. "
    "Va. Vt. Wash. W.Va. Wis. Wyo.".split()
)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
    "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
}

# Words before a name that make it a person's name ("President Xi Jinping", "Dr. Kim").
PERSON_TITLES = {
    "president", "premier", "minister", "chairman", "chairwoman", "chair", "secretary",
    "professor", "prof.", "dr.", "mr.", "mrs.", "ms.", "sir", "king", "queen", "prince",
    "princess", "senator", "sen.", "governor", "gov.", "mayor", "ambassador", "general",
    "gen.", "judge", "justice", "chancellor", "pope", "emperor", "lord", "lady", "rep.",
    "representative", "leader", "adviser", "advisor", "spokesman", "spokeswoman", "director",
    "ceo", "founder", "prime", "vice", "author", "scientist", "economist", "analyst", "coach", "captain",
}
# Nouns that, in an appositive after a name, make it a person ("Kang, a professor at ...").
PERSON_ROLES = PERSON_TITLES | {
    "head", "official", "expert", "researcher", "student", "teacher", "writer", "lawyer",
    "diplomat", "envoy", "politician", "poet", "artist", "engineer", "doctor", "reporter",
}
# What a person is, in classes a student can tell apart: a professor is not a president.
ROLE_CLASSES = {
    "office": {"president", "premier", "prime", "minister", "chairman", "chairwoman", "chair", "secretary",
               "leader", "adviser", "advisor", "ambassador", "governor", "mayor", "senator", "king", "queen",
               "emperor", "chancellor", "spokesman", "spokeswoman", "official", "diplomat", "envoy", "politician"},
    "scholar": {"professor", "prof.", "dr.", "researcher", "expert", "scientist", "economist", "analyst", "fellow"},
}
# Last words that make a name an organisation ("Hyundai Motor Group", "Seoul National University").
ORG_SUFFIXES = {
    "university", "college", "school", "institute", "group", "committee", "council", "party",
    "congress", "ministry", "department", "agency", "bank", "corporation", "corp.", "corp",
    "inc.", "inc", "ltd.", "ltd", "co.", "company", "association", "foundation", "union",
    "organization", "organisation", "commission", "court", "army", "navy", "office", "house",
    "motor", "motors", "electronics", "times", "post", "news", "network", "service",
    "assembly", "parliament", "senate", "board", "fund", "society", "club", "federation",
    "alliance", "forum", "press", "industries", "airlines", "administration", "bureau", "government",
}
ORG_SUFFIXES |= {
    "institution", "exchange", "church", "channel", "studios", "records", "laboratory", "laboratories",
    "lab", "holdings", "partners", "plc", "llc", "bhd", "gmbh", "nations", "team", "orchestra",
    "magazine", "journal", "airways", "systems", "technologies", "enterprises", "brothers",
}
# Single words that name one institution when capitalised ("Congress passed ...").
INSTITUTIONS = {"congress", "senate", "parliament", "pentagon", "treasury", "kremlin", "politburo", "knesset"}
# Last words that make a name a place ("Cherating River", "Tiananmen Square").
PLACE_SUFFIXES = {
    "river", "valley", "county", "square", "island", "islands", "mountains", "mountain", "peninsula",
    "strait", "straits", "sea", "ocean", "bay", "gulf", "desert", "lake", "canal", "coast", "province",
    "district", "region", "basin", "plateau", "highlands", "circle", "pole", "street", "avenue",
}
# First words that make a name a place ("Lake Victoria", "Mount Fuji").
PLACE_PREFIXES = {"lake", "mount", "mt.", "cape", "isle", "fort", "port"}
# Nouns right before a name that make it an organisation ("state broadcaster CCTV",
# "companies such as Samsung"); compared as singular lemmas.
ORG_CUES = {
    "broadcaster", "company", "firm", "agency", "newspaper", "network", "group", "carmaker", "bank",
    "corporation", "conglomerate", "manufacturer", "maker", "retailer", "airline", "startup",
    "publisher", "brand", "club", "party", "team", "chaebol", "insurer", "automaker", "distributor",
}
# All-capital words that are not organisations.
NON_ORG_ACRONYMS = {
    "TV", "CEO", "GDP", "DNA", "RNA", "AIDS", "HIV", "UFO", "GPS", "OK", "AM", "PM", "ET", "EST",
    "PST", "GMT", "UTC", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "PC", "CD", "DVD",
    "AI", "IT", "IQ", "ID", "VIP", "MP", "PhD", "BC", "AD", "BCE", "CE", "USB", "SUV", "CFO", "COO",
}
COMPASS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
    "northern", "southern", "eastern", "western",
}
# Verbs of saying next to a bare name: in running text the speaker is nearly always a person.
SPEECH_VERBS = {"said", "says", "told", "added", "asked", "wrote", "recalled", "explained", "insisted"}
# fmt: on


@lru_cache(maxsize=1)
@resources.loads("stopwords")
def stopwords() -> frozenset[str]:
    resources.require("stopwords")
    from nltk.corpus import stopwords as corpus

    return frozenset(corpus.words("english"))


@lru_cache(maxsize=3)
@resources.loads("names")
def _names(fileid: str | None = None) -> frozenset[str]:
    """NLTK's names corpus: female.txt, male.txt, or both (None)."""
    resources.require("names")
    from nltk.corpus import names

    return frozenset(names.words(fileid) if fileid else names.words())


def first_names() -> frozenset[str]:
    return _names()


def female_names() -> frozenset[str]:
    return _names("female.txt")


def male_names() -> frozenset[str]:
    return _names("male.txt")


@lru_cache(maxsize=1)
@resources.loads("words")
def english_words() -> frozenset[str]:
    resources.require("words")
    from nltk.corpus import words

    # the corpus's lines, as words.words() splits it (half the time: that tokenizes each line)
    return frozenset(words.raw().lower().splitlines()) - {""}


@lru_cache(maxsize=1)
@resources.loads("gazetteers")
def gazetteer() -> dict[str, str]:
    """Place name -> subtype (country, state, city, province)."""
    resources.require("gazetteers")
    from nltk.corpus import gazetteers

    places: dict[str, str] = {}
    for fileid, subtype in (
        ("usstates.txt", "state"),
        ("caprovinces.txt", "province"),
        ("mexstates.txt", "province"),
        ("uscities.txt", "city"),
        ("isocountries.txt", "country"),
        ("countries.txt", "country"),
    ):
        for name in gazetteers.words(fileid):
            places[name] = subtype
    return places


@lru_cache(maxsize=1)
@resources.loads("gazetteers")
def nationalities() -> frozenset[str]:
    resources.require("gazetteers")
    from nltk.corpus import gazetteers

    return frozenset(gazetteers.words("nationalities.txt")) | {"Korean", "Chinese", "Taiwanese"}


@lru_cache(maxsize=4096)
def is_nationality(word: str) -> bool:
    """'Chinese', 'South Korean', and plurals: 'Kenyans', 'Norwegians'."""
    nations = nationalities()
    return word in nations or (word.endswith("s") and word[:-1] in nations)


_WORDNET_CLASSES = (
    ("country", {"country", "nation", "asian_country", "european_country", "african_country"}),
    ("state", {"american_state"}),
    ("city", {"city", "national_capital", "state_capital", "municipality", "town", "port"}),
    (
        "region",
        {
            "region",
            "geographical_area",
            "island",
            "archipelago",
            "peninsula",
            "sea",
            "strait",
            "continent",
            "body_of_water",
            "river",
            "mountain",
            "ocean",
            "lake",
        },
    ),
    ("person", {"person"}),
    ("organization", {"organization", "company", "institution"}),
)


@lru_cache(maxsize=1)
@resources.loads("wordnet")
def wordnet() -> Any:
    """NLTK's WordNet reader, for English alone, its lemma index parsed as lemmas are asked for
    (wordnet_index.py)."""
    resources.require("wordnet")
    from .wordnet_index import english_wordnet

    reader = english_wordnet(resources.locate("wordnet"))
    reader.synsets("dog")  # reads the data files too: a damaged one fails here, not deep in the analysis
    return reader


@lru_cache(maxsize=4096)
def wordnet_class(name: str) -> str | None:
    """What WordNet says a proper name is an instance of: country, city, region, person, organization."""
    wn = wordnet()

    labels = [instance_class(s) for s in wn.first_synsets(name.replace(" ", "_"), "n", 3)]
    labels = [label for label in labels if label]
    if "country" in labels:  # Japan is first an archipelago, then a country
        return "country"
    return labels[0] if labels else None


def instance_class(synset: Any) -> str | None:
    parents = synset.instance_hypernyms()
    ancestors = {p.name().split(".")[0] for p in parents}
    for parent in parents:
        ancestors |= {a.name().split(".")[0] for a in parent.closure(lambda s: s.hypernyms())}
    for label, markers in _WORDNET_CLASSES:
        if ancestors & markers:
            return label
    return None


@lru_cache(maxsize=8192)
def is_noun(word: str) -> bool:
    wn = wordnet()

    return wn.morphy(word.lower(), "n") is not None


@lru_cache(maxsize=8192)
def is_common_noun(word: str) -> bool:
    """WordNet knows the word as a noun that is not only a name ('osmosis', not 'pavlov')."""
    return any(not s.instance_hypernyms() for s in wordnet().synsets(word, "n"))


@lru_cache(maxsize=8192)
def is_adjective(word: str) -> bool:
    return bool(wordnet().synsets(word, "a") or wordnet().synsets(word, "s"))


@lru_cache(maxsize=8192)
def is_verb_only(word: str) -> bool:
    """A verb form WordNet knows that is no noun: 'accumulates', not 'triphosphate' (unknown) nor 'cells'."""
    wn = wordnet()
    return wn.morphy(word, "v") is not None and wn.morphy(word, "n") is None


def is_participle(word: str) -> bool:
    """A verb's past participle: 'fractured', 'broken'."""
    base = wordnet().morphy(word.lower(), "v")
    return word.endswith(("ed", "en")) and base is not None and base != word.lower()


@lru_cache(maxsize=8192)
def lemma(word: str, pos: str = "n") -> str:
    wn = wordnet()

    # "years" is itself a WordNet noun (age); the shortest base form is the unit: "year"
    forms = wn._morphy(word.lower(), pos)
    return min(forms, key=len) if forms else word.lower()


@lru_cache(maxsize=4096)
def place_identity(name: str) -> frozenset[str]:
    """The countries and places a name stands for, as WordNet synset names.

    'Beijing' -> {beijing, china} (a capital stands for its country), 'North Korean' ->
    {north_korea}, 'Shanghai' -> {shanghai}. Two names that share one refer to the same
    country, so one cannot be a wrong option where the other is in the sentence.
    """
    wn = wordnet()

    plain = name.removeprefix("the ").strip()
    if is_nationality(plain):
        return _nationality_countries(plain.removesuffix("s") if plain not in nationalities() else plain)
    found: set[str] = set()
    for synset in wn.first_synsets(plain.replace(" ", "_"), "n", 2):
        if not synset.instance_hypernyms():
            continue
        found.add(synset.name())
        if re.match(r"(the )?capital\b", synset.definition()):
            found |= {h.name() for h in synset.part_holonyms()}
    return frozenset(found)


def _nationality_countries(word: str) -> frozenset[str]:
    """'Japanese' -> japan, 'Chinese' -> china, 'American' -> united_states, 'South Korean' -> south_korea."""
    wn = wordnet()

    stems = {
        word[: -len(end)] + add
        for end, add in (
            ("ese", ""),
            ("ese", "a"),
            ("an", "a"),
            ("n", ""),
            ("ian", "ia"),
            ("ish", ""),
            ("ish", "land"),
            ("i", ""),
        )
        if word.endswith(end)
    }
    found = {
        s.name() for stem in stems for s in wn.synsets(stem.replace(" ", "_"), pos="n")[:2] if s.instance_hypernyms()
    }
    if not found:  # WordNet's own link, which for 'Chinese' is Taiwan (Nationalist China), so only as a fallback
        found = {p.synset().name() for lemma in wn.lemmas(word.replace(" ", "_"), pos="a") for p in lemma.pertainyms()}
    return frozenset(found)


def role_class(word: str) -> str:
    """'office' for 'President', 'scholar' for 'professor', '' when the word is no role we class."""
    word = word.lower()
    return next((name for name, words in ROLE_CLASSES.items() if word in words), "")
