"""The French and Spanish demo profiles read in their language (issue 31).

English may appear only where the profile says so: a finding marked with its language ("[en]")
and a title in italics. Both carry a `lang` attribute, so the check drops those elements.
"""

import re
from html.parser import HTMLParser

import pytest

from assessments.models import Assessment
from assessments.report.build import profile_build
from assessments.report.render import render_html

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]
ENGLISH = re.compile(r"\b(the|of|and|Law|Decree)\b", re.IGNORECASE)
VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "wbr"}


class _Text(HTMLParser):
    """The text a reader sees in the profile's language: no marked originals, styles or links."""

    def __init__(self, language: str):
        super().__init__()
        self.language, self.skipping, self.chunks = language, [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        self.skipping.append(tag in {"style", "a"} or lang not in (None, self.language))

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.skipping.pop()

    def handle_data(self, data):
        if not any(self.skipping):
            self.chunks.append(data)


def _reader_text(html: str, language: str) -> str:
    parser = _Text(language)
    parser.feed(html)
    return " ".join(parser.chunks)


@pytest.fixture
def kg2022(loaded):
    return Assessment.objects.get(country__code="KG", year=2022)


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_the_profile_prints_no_english_outside_marked_findings_and_italic_titles(kg2022, language):
    html = render_html(profile_build(kg2022, language=language))
    text = _reader_text(html, language)
    found = [text[max(0, m.start() - 60) : m.end() + 40] for m in ENGLISH.finditer(text)]
    assert found == []
    assert len(text.split()) > 5000  # the check read the whole profile, not an empty shell


@pytest.mark.parametrize(
    ("language", "header", "country", "untitled"),
    [
        (
            "fr",
            "LA RÉPUBLIQUE KIRGHIZE | DEUXIÈME PROFIL 2022",
            "La loi n° 89 (2020) modifiant",
            "un nouvel instrument",
        ),
        (
            "es",
            "LA REPÚBLICA KIRGUISA | SEGUNDO PERFIL 2022",
            "La Ley n.º 89 (2020), por la que",
            "nuevo instrumento",
        ),
    ],
)
def test_cover_header_and_annex_are_in_the_profiles_language(
    kg2022, language, header, country, untitled
):
    profile = profile_build(kg2022, language=language)
    html = render_html(profile)
    assert profile.running_header == header
    assert "SECOND PROFILE" not in html.upper()
    assert country in html  # the consultant's summary of updates, in the language
    assert untitled not in html  # every instrument it names has a title in the language
    assert "Referendum of 11 April 2021" not in html
    # Every title the annex prints has its translation: none is left in italics.
    rows = [row for group in profile.legislation for row in group.rows]
    assert len(rows) == 40
    assert [row.title for row in rows if row.title_language] == []
    assert profile.legislation_note == ""


def test_untranslated_findings_are_listed_in_indicator_order(kg2022):
    profile = profile_build(kg2022, language="fr")
    # The findings the demo translated print unmarked; the others are marked and listed.
    assert not {"1.1.1", "1.1.2", "1.1.4", "1.2.1", "1.2.2"} & set(profile.untranslated)
    paragraphs = {p.ref: p for c in profile.chapters for p in c.developed + c.further}
    assert paragraphs["1.1.1"].language == "" and paragraphs["1.1.3"].language == "en"
    national = [c for c in profile.untranslated if not c.startswith("C.")]
    key = [tuple(int(n) for n in code.split(".")) for code in national]
    assert key == sorted(key) and national
    assert profile.untranslated[len(national) :] == sorted(profile.untranslated[len(national) :])
