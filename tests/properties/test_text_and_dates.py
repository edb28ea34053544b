"""Properties of text cleaning and partial dates, for any input (Hypothesis)."""

import datetime
import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assessments.dates import DAY, MONTH, YEAR, parse_partial_date, partial_date_input
from assessments.text import clean_text

# What clean text never holds: C0/C1 controls (a multi-line text keeps tab and line feed),
# and the invisible characters (zero-width, BOM, soft hyphen, bidirectional controls).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069"
DIRTY = re.compile(f"[\x00-\x1f\x7f-\x9f{INVISIBLE}]")
DIRTY_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE}]")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
@example("e\u200b\u0301", False)  # removing the invisible character joins letter and accent
@example("a\u00ad\u0308\r\n", True)
def test_cleaned_text_is_clean_nfc_and_cleaning_it_again_changes_nothing(value, multiline):
    cleaned = clean_text(value, multiline)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not (DIRTY_MULTILINE if multiline else DIRTY).search(cleaned)
    assert clean_text(cleaned, multiline) == cleaned


@st.composite
def partial_dates(draw):
    """(first day of the period, precision) as the registry stores them."""
    day = draw(st.dates())
    precision = draw(st.sampled_from([DAY, MONTH, YEAR]))
    if precision != DAY:
        day = day.replace(day=1)
    if precision == YEAR:
        day = day.replace(month=1)
    return day, precision


@settings(max_examples=300, deadline=None)
@given(partial_dates())
@example((datetime.date(999, 1, 1), YEAR))  # strftime("%Y") gave "999", which did not parse
def test_every_stored_partial_date_prints_as_input_that_parses_back_to_itself(value):
    text = partial_date_input(*value)
    assert parse_partial_date(text) == value
    assert partial_date_input(*parse_partial_date(text)) == text


@settings(max_examples=300, deadline=None)
@given(partial_dates(), st.data())
def test_every_accepted_spelling_parses_to_the_same_date(value, data):
    day, precision = value
    spellings = {
        YEAR: [f"{day.year:04d}"],
        MONTH: [
            f"{day.year:04d}-{day.month:02d}",
            f"{day.month}/{day.year:04d}",
            f"{day.month:02d}.{day.year:04d}",
        ],
        DAY: [
            day.isoformat(),
            f"{day.day:02d}.{day.month:02d}.{day.year:04d}",
            f"{day.day}/{day.month}/{day.year:04d}",
        ],
    }[precision]
    text = data.draw(st.sampled_from(spellings))
    padded = data.draw(st.sampled_from(["", " ", "\t"]))
    assert parse_partial_date(f"{padded}{text}{padded}") == value
