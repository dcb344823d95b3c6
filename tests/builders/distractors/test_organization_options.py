"""Wrong options for organisations: only of the answer's own class."""

import pytest

from conftest import COURSE, facts_in, mcq_of
from quizwright.builders.distractors import organizations

# Options and stems that give the answer away through another name for the same country.


def test_an_organisation_gets_options_of_its_own_class_or_no_mcq():
    fact, pool = facts_in(COURSE, "state broadcaster CCTV", "CCTV")
    item = mcq_of(fact, pool)
    assert item is not None
    assert set(item.distractors) <= set(organizations.MEDIA) - {"CCTV"}
    fact, pool = facts_in(COURSE, "UN sanctions", "UN")
    assert mcq_of(fact, pool) is None  # no other intergovernmental body to offer


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
