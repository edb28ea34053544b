"""clean_text: NFC, no controls or invisible characters, scripts intact."""

import unicodedata

import pytest

from assessments.dates import format_partial_date, parse_partial_date
from assessments.text import clean_text

# Every kind the issue names: C0 (backspace), C1 (NEL, CSI), zero-width space, ZWNJ, ZWJ,
# word joiner, BOM, soft hyphen, LRM/RLM, embeddings and overrides, isolates.
INVISIBLE = (
    "\x08\x1b\x85\x9b\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
DIRTY_TITLE = "Law\x08 on\u200b Ex\u00adternal\u202e Migration\ufeff Закон о\u2066 внешней миграции"
CLEAN_TITLE = "Law on External Migration Закон о внешней миграции"


def test_every_invisible_character_is_stripped():
    assert clean_text(f"a{INVISIBLE}b") == "ab"
    assert clean_text(DIRTY_TITLE) == CLEAN_TITLE


def test_text_is_normalized_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Qırğız Respublikası, é, й")
    assert decomposed != "Qırğız Respublikası, é, й"
    assert clean_text(decomposed) == "Qırğız Respublikası, é, й"


def test_cyrillic_latin_and_other_scripts_stay_intact():
    text = "Кыргыз Республикасы — Kyrgyz Republic — قرغيزستان — 吉尔吉斯斯坦"
    assert clean_text(text) == text


def test_line_breaks_stay_in_multiline_fields_only():
    assert clean_text("one\r\ntwo\n\nthree\tfour", multiline=True) == "one\ntwo\n\nthree\tfour"
    assert clean_text("one\r\ntwo\tthree") == "one two three"


@pytest.mark.parametrize(
    ("given", "printed"),
    [
        ("2019", "2019"),
        ("04/2019", "April 2019"),
        ("2019-04", "April 2019"),
        ("30.07.2002", "30 July 2002"),
        ("2002-07-30", "30 July 2002"),
    ],
)
def test_partial_dates_print_as_given(given, printed):
    day, precision = parse_partial_date(given)
    assert format_partial_date(day, precision) == printed


@pytest.mark.parametrize("given", ["2019-13", "31.02.2020", "April", "19"])
def test_text_that_is_not_a_date_is_refused(given):
    assert parse_partial_date(given) is None
