"""Wrong options for organisations: only of the answer's own class."""

import pytest

from quizwright import facts
from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.builders.distractors import organizations
from quizwright.builders.items import build_mcq
from quizwright.builders.pool import build_pool
from quizwright.models import Document

NEWS = (
    "China is South Korea\u2019s biggest trading partner. "
    "Japan is an important regional partner and shares security concerns. "
    "The United States is South Korea\u2019s key military ally and helps defend it against threats from North Korea. "
    "Taiwan was discussed at length by officials in Seoul, Beijing, Tokyo and Shanghai. "
    "President Lee Jae Myung met Chinese President Xi Jinping and Premier Li Qiang in Beijing. "
    "The visit was welcomed by Kang Jun-young, a professor at Hankuk University of Foreign Studies. "
    "This visit marks the first by a South Korean leader since 2019, highlighting the gap that remains."
)


def analysed(text: str, doc_id: str = "news"):
    document = Document(doc_id, f"{doc_id}.txt", "", text)
    sentences = analyse(document)
    mentions = resolve([m for s in sentences for m in find_mentions(s)])
    return document, sentences, mentions


def sentence_with(sentences, fragment: str):
    return next(s for s in sentences if fragment in s.text)


# Options and stems that give the answer away through another name for the same country.
COURSE = NEWS + (
    " Without Chinese backing, North Korea would struggle to survive."
    " China remains North Korea\u2019s primary economic benefactor, making Beijing\u2019s influence indispensable."
    " Lee wants to rebuild ties with North Korea, where Beijing\u2019s influence is crucial."
    " Pyongyang fired a missile toward Japan, and Washington protested to the United Nations."
    " In an interview with Chinese state broadcaster CCTV, Lee affirmed the importance of peace."
    " China was accused of not enforcing UN sanctions against Pyongyang in the region."
    " Japanese Prime Minister Sanae Takaichi met National Security Adviser Wi Sung Lac in Seoul on Friday."
    " Former President Yoon Suk Yeol had taken a more critical stance towards Beijing."
    " The itinerary includes a summit with President Xi on Monday and trade talks with Premier Li Qiang on Tuesday."
)


def facts_in(text: str, fragment: str, answer: str):
    _, sentences, mentions = analysed(text)
    pool = build_pool(mentions, [])
    sentence = sentence_with(sentences, fragment)
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence is sentence])
        if f.answer.text == answer
    )
    return fact, pool


def test_an_organisation_gets_options_of_its_own_class_or_no_mcq():
    fact, pool = facts_in(COURSE, "state broadcaster CCTV", "CCTV")
    item = build_mcq(fact, pool, seed=0)
    assert item is not None
    assert set(item.distractors) <= set(organizations.MEDIA) - {"CCTV"}
    fact, pool = facts_in(COURSE, "UN sanctions", "UN")
    assert build_mcq(fact, pool, seed=0) is None  # no other intergovernmental body to offer


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Yongin University", "university"),
        ("Hyundai Motor Group", "group"),
        ("NHK", "media"),
        ("UN", ""),
        ("THAAD", ""),
    ],
)
def test_organisation_classes(name, cls):
    assert organizations.org_class(name) == cls
