"""Entity typing on small sentences: what find_mentions + resolve say, kind and subtype."""

import pytest

from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.models import Document


def mentions(*texts: str):
    found = []
    for n, text in enumerate(texts):
        found += [m for s in analyse(Document(f"d{n}", f"d{n}.txt", "", text)) for m in find_mentions(s)]
    return resolve(found)


def typed(text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.kind, m.subtype) for m in mentions(text)}


CASES = [
    # persons: titles dropped, appositive roles, first names, speech verbs
    ("Chinese President Xi Jinping arrived.", "Xi Jinping", "person", ""),
    ("Chinese President Xi Jinping arrived.", "Chinese", "group", ""),
    ("He met Prime Minister Sanae Takaichi.", "Sanae Takaichi", "person", ""),
    ("Kang Jun-young, a professor at Hankuk University of Foreign Studies, spoke.", "Kang Jun-young", "person", ""),
    ("The talks were led by Michael W. McCarthy.", "Michael W. McCarthy", "person", ""),
    ("Okello said the vote was fair.", "Okello", "person", ""),
    # organizations: suffixes, '&', cues, acronyms, institutions
    (
        "Kang teaches at Hankuk University of Foreign Studies.",
        "Hankuk University of Foreign Studies",
        "organization",
        "",
    ),
    ("The deal was signed by Hyundai Motor Group.", "Hyundai Motor Group", "organization", ""),
    ("Shares of Merrill Lynch & Co. rose.", "Merrill Lynch & Co.", "organization", ""),
    ("It was approved by the Food and Drug Administration.", "Food and Drug Administration", "organization", ""),
    ("It is for the Animal Care and Use Committee (IACUC).", "Animal Care and Use Committee", "organization", ""),
    ("Victoria and South Australia agreed with the Basin Commission.", "South Australia", "place", "region"),
    ("Researchers at Yale University and Harvard Medical School found it.", "Yale University", "organization", ""),
    ("It was shown by state broadcaster CCTV.", "CCTV", "organization", ""),
    ("Firms such as Samsung welcomed it.", "Samsung", "organization", ""),
    ("Officials at the U.N. and NBC said the U.S. would respond.", "NBC", "organization", ""),
    ("Officials at the U.N. and NBC said the U.S. would respond.", "U.N.", "organization", ""),
    ("Congress passed the bill.", "Congress", "organization", ""),
    # places: gazetteer, WordNet, compass + region, suffixes, state abbreviations, shouted datelines
    ("Officials at the U.N. and NBC said the U.S. would respond.", "U.S.", "place", "country"),
    ("Delegates from Kenya arrived.", "Kenya", "place", "country"),
    ("They flew to Nairobi.", "Nairobi", "place", "city"),
    ("They drove across Texas.", "Texas", "place", "state"),
    ("He was born in Oakland, Calif., in a small house.", "Calif.", "place", "state"),
    ("Tension grew on the Korean Peninsula.", "Korean Peninsula", "place", "region"),
    ("Ships sailed into the Sea of Japan.", "Sea of Japan", "place", "region"),
    ("East Asia is facing serious tension.", "East Asia", "place", "region"),
    ("Warships crossed the Taiwan Strait.", "Taiwan Strait", "place", "region"),
    ("MOSCOW (AP) _ The talks ended.", "MOSCOW", "place", "city"),
    # nationalities
    ("South Korean officials met Japanese diplomats.", "South Korean", "group", ""),
    ("South Korean officials met Japanese diplomats.", "Japanese", "group", ""),
    ("Thousands of Kenyans protested.", "Kenyans", "group", ""),
    # dates
    ("The treaty was signed in 1998.", "1998", "date", "year"),
    ("He became president in June.", "June", "date", "month"),
    ("They met on Monday.", "Monday", "date", "weekday"),
    ("Talks resumed on Monday, June 3, 2024, after a pause.", "Monday, June 3, 2024", "date", "month"),
    ("The pause began Jan. 5 and ended Sept. 1, 1987.", "Jan. 5", "date", "month"),
    ("The pause began Jan. 5 and ended Sept. 1, 1987.", "Sept. 1, 1987", "date", "month"),
    ("The meeting starts at 4:30 p.m. today.", "4:30 p.m.", "date", "time"),
    ("Music of the 1960s and the '70s played.", "'70s", "date", "decade"),
    # numbers with units, money, percent
    ("Lee began a four-day visit.", "four-day", "number", "day"),
    ("The talks ended after six years.", "six years", "number", "year"),
    ("The growth was 5 percent.", "5 percent", "number", "percent"),
    ("Its shares rose 12% on Friday.", "12%", "number", "percent"),
    ("Unemployment fell to 5.2 per cent in May.", "5.2 per cent", "number", "percent"),
    ("Ninety per cent of the bananas come from the north.", "Ninety per cent", "number", "percent"),
    ("Probably 70 to 80 per cent of the crop is gone.", "80 per cent", "number", "percent"),
    ("Sixty people died in the flood.", "Sixty people", "number", "people"),
    ("The company paid $3 million in fines.", "$3 million", "number", "dollar"),
    ("She won the 5,000-meter race.", "5,000-meter", "number", "meter"),
    # typographic apostrophes
    ("South Korea’s exports rose.", "South Korea", "place", "country"),
    ("Korea’s president travelled.", "Korea", "place", "country"),
]


@pytest.mark.parametrize("sentence, text, kind, subtype", CASES)
def test_typing(sentence, text, kind, subtype):
    found = typed(sentence)
    assert found.get(text) == (kind, subtype), found


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Beyond trade, the leaders discussed tourism.", "Beyond"),
        ("He was received at the Great Hall of the People.", "People"),
        ("STORY CAN END HERE _ OPTIONAL MATERIAL FOLLOWS.", "STORY"),
        ("President Lee arrived.", "President"),
    ],
)
def test_not_an_entity(sentence, text):
    assert text not in typed(sentence)


def test_mention_text_is_verbatim_with_curly_apostrophe():
    (m,) = [m for m in mentions("The talks were held in South Korea’s capital.") if m.kind == "place"]
    assert (m.text, m.words) == ("South Korea", ("South", "Korea"))


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Victoria, New South Wales and South Australia were fined.", "Victoria"),
        ("Most bananas come out of the Innisfail and Tully regions.", "Tully"),
        ("Most bananas come out of the Innisfail and Tully regions.", "Innisfail"),
    ],
)
def test_a_name_listed_with_places_is_a_place(sentence, text):
    assert typed(sentence)[text][0] == "place"


@pytest.mark.parametrize(
    "sentence, text, kind",
    [
        ("President Lee Jae-myung met Xi Jinping. Talks between Lee and China resumed.", "Lee", "person"),
        ("The Federal Government says it is powerless to intervene.", "Federal Government", "organization"),
    ],
)
def test_company_and_speech_do_not_override_a_names_kind(sentence, text, kind):
    assert typed(sentence)[text][0] == kind
