"""clean_text: NFC, no controls or invisible characters, scripts intact."""

import unicodedata

import pytest

from assessments.dates import format_partial_date, parse_partial_date
from assessments.text import clean_text, first_sentence, sentences

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


# --- The sentence splitter ----------------------------------------------------------------------
SPLITS = [
    # (language, text, sentences): each abbreviation of issue 31 mid-sentence, then a real end.
    ("en", "Law No. 89 created a visa. Holders need no permit.", 2),
    ("en", "Under Art. 12 foreigners study freely. Refugees too.", 2),
    ("en", "The rule is in para. 3 of the decree. It applies to all.", 2),
    ("en", "See p. 14 of the report. The figures are yearly.", 2),
    ("en", "Pensions follow the worker (cf. the EAEU agreement). Savings move too.", 2),
    ("en", "Some plans, e.g. the 2022 action plan, name tasks. Others do not.", 2),
    ("en", "The Concept, i.e. the national strategy, runs to 2030. It has a plan.", 2),
    ("ru", "Закон № 89 ввел визу. Владельцам не нужно разрешение.", 2),
    ("ru", "Согласно ст. 12 Закона иностранцы учатся наравне с гражданами. Беженцы тоже.", 2),
    ("ru", "Порядок установлен в п. 3 постановления. Он действует с 2020 года.", 2),
    ("ru", "Закон № 4 (ст. 9, п. 2) допускает воссоединение семьи. Виза выдается на год.", 2),
    ("fr", "La loi No. 89 a créé un visa. Les titulaires travaillent librement.", 2),
    ("fr", "Selon l’art. 12 de la loi, les étrangers étudient. Les réfugiés aussi.", 2),
    ("fr", "Voir p. 14 du rapport (cf. l’accord). Les chiffres sont annuels.", 2),
    ("fr", "Certains plans, e.g. celui de 2022, fixent des tâches. D’autres non.", 2),
    ("es", "La Ley núm. 4 regula la migración laboral. Se modificó en 2020.", 2),
    ("es", "Según el art. 12 de la ley, los extranjeros estudian. Los refugiados también.", 2),
    ("es", "El decreto No. 191 aprobó el Concepto. Su plan llegó en 2022.", 2),
    ("es", "Véase el para. 3 (i.e. la norma general). Se aplica a todos.", 2),
]


@pytest.mark.parametrize(("language", "text", "count"), SPLITS)
def test_the_splitter_never_cuts_after_an_abbreviation(language, text, count):
    found = sentences(text)
    assert len(found) == count, found
    assert " ".join(found) == text
    assert first_sentence(text) == found[0]


@pytest.mark.parametrize(
    "abbreviation",
    ["No.", "Art.", "para.", "p.", "cf.", "e.g.", "i.e.", "№", "ст.", "п.", "art.", "núm."],
)
def test_every_listed_abbreviation_is_kept_inside_its_sentence(abbreviation):
    text = f"First part {abbreviation} 12 of the Law. Second sentence here."
    assert sentences(text) == [f"First part {abbreviation} 12 of the Law.", "Second sentence here."]


def test_a_real_sentence_end_before_a_capital_still_splits():
    assert sentences("It was adopted in 2020. The Law No. 4. Then more.") == [
        "It was adopted in 2020.",
        "The Law No. 4.",
        "Then more.",
    ]
    assert sentences("") == [] and first_sentence("One only") == "One only"
