"""Which readings are not English: by their letters, once per document."""

from __future__ import annotations

import pytest

from bad_inputs import NOT_ENGLISH, READING
from quizwright.errors import SourceError
from quizwright.language import require_english, script_language
from quizwright.models import Document


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_a_reading_in_another_script_is_named(language):
    assert script_language(NOT_ENGLISH[language]) == language


@pytest.mark.parametrize(
    "text",
    [
        READING,
        READING + "The word for trade is 무역 (muyeok) in Korean and 贸易 (màoyì) in Chinese.\n",
        "Ça va? Très bien, merci.",  # Latin letters: not caught (few items rather than none)
        "2019 — 2024: 9.4 % ↑",  # no letters at all: left to the other checks
        "",
    ],
)
def test_english_with_a_few_words_of_another_script_is_english(text):
    assert script_language(text) is None


def test_japanese_is_told_from_chinese_by_its_kana():
    assert script_language("韓国と中国\n\n李在明大統領は一月に北京を訪問した。") == "Japanese"


def test_a_long_reading_is_judged_on_a_sample_of_all_of_it():
    assert script_language(READING * 10_000 + NOT_ENGLISH["Korean"] * 2) is None
    assert script_language(READING + NOT_ENGLISH["Russian"] * 20_000) == "Russian"


def test_the_error_names_the_reading_and_the_language():
    with pytest.raises(SourceError) as refused:
        require_english(Document("ko", "readings/ko.txt", "", NOT_ENGLISH["Korean"]))
    assert str(refused.value) == (
        "readings/ko.txt: this reading is not in English (it looks like Korean); "
        "quizwright reads English texts only, so it would give no questions"
    )
