"""The printed profile, read back from the PDF's text as a reader would see it."""

import io
import re

import pytest
from pypdf import PdfReader

from assessments.report.build import profile_build
from assessments.report.render import render_html, render_pdf
from tests import factories as f

from .conftest import pdf_pages

pytestmark = pytest.mark.django_db

HEADER = "THE KYRGYZ REPUBLIC | SECOND PROFILE 2022"


def _pdf(assessment):
    return render_pdf(profile_build(assessment))


def _starts(pages: list[str]) -> list[str]:
    """The heading each page opens with, for pages that open a section."""
    starts = []
    for text in pages[3:]:  # after the cover, imprint and table of contents
        first = text.strip().splitlines()[0]
        if first.isupper() or re.match(r"^\d\s?CHAPTER", first):
            starts.append(first)
    return starts


@pytest.fixture
def full(answered):
    """A follow-up with a baseline, the COVID-19 module, and long findings with footnotes."""
    baseline = f.AssessmentFactory(
        framework=answered.framework, country=answered.country, year=2018, edition="2018"
    )
    for response in answered.responses.select_related("indicator", "option"):
        level = "partial" if response.option.level == "developed" else "developed"
        f.answer_with_evidence(baseline, response.indicator, level=level)
        body = " ".join([f"Kyrgyzstan has rules on {response.indicator.title}."] * 12)
        response.finding = f"{body} END-{response.indicator.code}"
        response.save()
        for k in range(2):
            f.EvidenceFactory(
                response=response,
                note=f"Note {k} of {response.indicator.code}.",
                instrument__in_annex=False,
            )
    covid = f.build_covid_framework()
    f.answer_with_evidence(
        answered, covid.indicators.first(), finding="Migrants had access to vaccines."
    )
    answered.baseline = baseline
    answered.covid_module = True
    answered.save()
    return answered


def test_sections_are_present_and_in_the_seed_order(full):
    starts = _starts(pdf_pages(_pdf(full).data))
    chapters = [s for s in starts if "CHAPTER" in s]
    others = [s for s in starts if "CHAPTER" not in s]
    assert [c[0] for c in chapters] == ["1", "2", "3", "4", "5", "6"]
    assert others == [
        "OBJECTIVES",
        "INTRODUCTION",
        "CONCEPTUAL FRAMEWORK",
        "KEY FINDINGS",
        "SUMMARY OF UPDATES SINCE 2018",
        "AFTER THE MGI ASSESSMENT",
        "PREPAREDNESS AND RESPONSE PROTOCOLS",
        "KEY SOURCES",
        "ANNEXES",
        "THE MGI PROCESS",
    ]
    assert starts.index(chapters[0]) == others.index("SUMMARY OF UPDATES SINCE 2018") + 1
    assert starts.index(chapters[-1]) + 1 == starts.index("AFTER THE MGI ASSESSMENT")


def test_each_chapter_has_both_subheadings_and_the_toc_has_page_numbers(full):
    pages = pdf_pages(_pdf(full).data)
    text = "\n".join(pages)
    for n in range(1, 7):
        assert f"{n}.1. Migration governance: examples of well-developed areas" in text
        assert f"{n}.2. Areas with potential for further development" in text
    assert re.search(r"KEY FINDINGS // \d+", pages[2])
    assert re.search(r"1\. Domain 1 // \d+", pages[2])


def test_footnotes_are_on_the_same_page_as_their_reference(full):
    pages = pdf_pages(_pdf(full).data)
    checked = 0
    for text in pages:
        for code in re.findall(r"Note \d of (\d\.\d\.\d)\.", text):
            assert f"END-{code}" in text, f"footnote of {code} is not on its call's page"
            checked += 1
    assert checked == 2 * 12


def test_a_finding_moves_from_n1_to_n2_when_its_answer_changes(answered):
    response = answered.responses.get(indicator__code="1.1.1")
    f.answer_with_evidence(
        response, level="developed", finding="Health care is open to all migrants."
    )

    def section_of(text: str) -> str:
        chapter = text[text.index("1.1. Migration governance") : text.index("2.1. Migration")]
        n2 = chapter.index("1.2. Areas with potential")
        return "N.1" if chapter.index("Health care is open") < n2 else "N.2"

    assert section_of("\n".join(pdf_pages(_pdf(answered).data))) == "N.1"
    f.answer_with_evidence(
        response, level="partial", finding="Health care is open to all migrants."
    )
    assert section_of("\n".join(pdf_pages(_pdf(answered).data))) == "N.2"


def test_legislation_annex_rows_are_numbered_and_grouped(answered):
    pages = pdf_pages(_pdf(answered).data)
    annex = " ".join(next(p for p in pages if p.startswith("ANNEXES")).split())
    expected = [
        "1. Constitution of the Kyrgyz Republic Referendum of 11 April 2021",
        "I. MIGRATION-RELATED LAWS OF THE KYRGYZ REPUBLIC",
        "2. Law on External Migration 17 July 2000, No. 61",
        "3. Law on Internal Migration 30 July 2002, No. 133",
        "II. INTERNATIONAL TREATIES",
        "4. Agreement on Pension Provision 24 July 2020, No. 93",
        "III. NORMATIVE AND LEGAL ACTS OF THE KYRGYZ REPUBLIC",
        "5. Decree on Labour Migration 16 April 2019, No. 175",
        "6. Concept of the Migration Policy 4 May 2021, No. 191",
    ]
    positions = [annex.index(line) for line in expected]
    assert positions == sorted(positions)
    assert "Not in the annex" not in annex
    # Issue 23: an entry no printed answer cites, and no consultant marked, is not printed.
    assert "Uncited resolution entered twice" not in "".join(pages)


def _marked_texts(data: bytes) -> list[tuple[str, list[str]]]:
    """Each shown text with the marked-content tags it sits in (Artifact, P, Span, ...)."""
    stack: list[str] = []
    shown: list[tuple[str, list[str]]] = []

    def before(op, args, cm, tm):
        if op in (b"BDC", b"BMC"):
            stack.append(str(args[0]))
        elif op == b"EMC" and stack:
            stack.pop()

    def text(t, cm, tm, font, size):
        if t.strip():
            shown.append((t.strip(), list(stack)))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return shown


def test_the_draft_mark_is_an_artifact_that_screen_readers_skip(answered):
    marks = [tags for t, tags in _marked_texts(_pdf(answered).data) if t == "DRAFT"]
    assert marks, "no DRAFT mark printed"
    assert all("/Artifact" in tags for tags in marks)


def test_draft_mark_and_running_header_on_every_page_until_validation(answered):
    pages = pdf_pages(_pdf(answered).data)
    assert all("DRAFT" in text for text in pages)
    assert all(HEADER in text for text in pages)  # the cover prints it too
    answered.stage = "validated"
    answered.save()
    pages = pdf_pages(_pdf(answered).data)
    assert not any("DRAFT" in text for text in pages)
    assert all(HEADER in text for text in pages)


def test_summary_of_updates_only_with_a_baseline(answered):
    text = "\n".join(pdf_pages(_pdf(answered).data))
    assert "SUMMARY OF UPDATES" not in text
    answered.baseline = f.AssessmentFactory(
        framework=answered.framework, country=answered.country, year=2018
    )
    answered.save()
    assert "SUMMARY OF UPDATES SINCE 2018" in "\n".join(pdf_pages(_pdf(answered).data))


def test_pdf_has_metadata_language_tags_and_embedded_fonts(answered):
    reader = PdfReader(io.BytesIO(_pdf(answered).data))
    assert reader.metadata.title == (
        "Migration Governance Indicators Second profile 2022 – The Kyrgyz Republic"
    )
    assert reader.metadata.author == "International Organization for Migration"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("Profile-Sans" in name for name in fonts)


def test_latin_and_cyrillic_text_prints_with_the_embedded_font(answered):
    response = answered.responses.get(indicator__code="1.1.1")
    f.answer_with_evidence(response, finding="Закон о внешней миграции; Chişinău and Türkiye.")
    text = "\n".join(pdf_pages(_pdf(answered).data))
    assert "Закон о внешней миграции; Chişinău and Türkiye." in text


def test_one_template_serves_the_preview(answered):
    html = render_html(profile_build(answered), preview=True)
    assert '<html lang="en">' in html
    assert "/static/report/profile.css" in html
    assert 'class="fn"' in html and "DRAFT" in html
