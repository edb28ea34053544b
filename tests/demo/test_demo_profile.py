"""The real thing: the Kyrgyz 2022 demo profile, printed and read back."""

import re

import pytest
import yaml

from assessments.demo.loader import DEMO_DIR
from assessments.models import Assessment
from assessments.report.build import profile_build
from assessments.report.profile import Footnote
from assessments.report.render import render_pdf
from tests.demo.test_demo_data import PLACEMENT
from tests.report.conftest import pdf_pages

# One worker loads the demo once for the whole package (tests/demo/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


@pytest.fixture(scope="module")
def demo_profile(demo_data, django_db_blocker):
    """The 2022 profile built and printed once: (Profile, page texts)."""
    with django_db_blocker.unblock():
        profile = profile_build(Assessment.objects.get(country__code="KG", year=2022))
    return profile, pdf_pages(render_pdf(profile).data)


def test_demo_profile_reads_like_the_seed(demo_profile):
    pages = demo_profile[1]
    text = "\n".join(pages)
    assert "TABLE OF CONTENTS" in pages[2]
    body = "\n".join(pages[3:])
    headings = [
        "OBJECTIVES",
        "INTRODUCTION",
        "CONCEPTUAL FRAMEWORK",
        "KEY FINDINGS",
        "SUMMARY OF UPDATES SINCE 2018",
        "ADHERENCE TO INTERNATIONAL STANDARDS",
        "1.1. Migration governance: examples of well-developed areas",
        "1.2. Areas with potential for further development",
        "6.2. Areas with potential for further development",
        "AFTER THE MGI ASSESSMENT",
        "PREPAREDNESS AND RESPONSE PROTOCOLS",
        "KEY SOURCES",
        "ANNEXES",
        "THE MGI PROCESS",
    ]
    starts = [body.index(h) for h in headings]
    assert starts == sorted(starts)
    assert all("THE KYRGYZ REPUBLIC | SECOND PROFILE 2022" in p for p in pages)
    assert all("DRAFT" in p for p in pages)  # in consultation
    annex = " ".join(text[text.rindex("ANNEXES") : text.rindex("THE MGI PROCESS")].split())
    assert "1. Constitution of the Kyrgyz Republic Referendum of 11 April 2021" in annex
    assert "2. Law of the Kyrgyz Republic on Internal Migration 30 July 2002, No. 133" in annex
    assert re.search(r"\b40\. On determining the quota for labour migration", annex)
    for group in ("I. MIGRATION-RELATED LAWS", "II. INTERNATIONAL TREATIES", "III. NORMATIVE"):
        assert group in annex


def test_every_demo_footnote_is_on_the_page_of_its_call(loaded):
    profile = profile_build(Assessment.objects.get(country__code="KG", year=2022))
    chapters = [p for c in profile.chapters for p in c.developed + c.further]
    paragraphs = (
        chapters
        + profile.covid.paragraphs
        + [p for block in profile.updates for p in block.paragraphs]
    )
    marked = 0
    for paragraph in paragraphs:
        if paragraph.footnotes:
            marked += 1
            paragraph.text += f" CALL{marked}X"
            paragraph.footnotes = [
                Footnote(f"NOTE{marked}X {n.text}", n.url) for n in paragraph.footnotes
            ]
    notes = 0
    for text in pdf_pages(render_pdf(profile).data):
        for number in re.findall(r"NOTE(\d+)X", text):
            notes += 1
            assert f"CALL{number}X" in text, f"a note of paragraph {number} left its page"
    # The demo has 24 evidence notes; every one of them must have been found above.
    assert notes == sum(len(p.footnotes) for p in paragraphs) >= 20


def _printed(profile) -> dict[str, set]:
    """Each printed paragraph's indicator code → {(domain number, section)}."""
    where: dict[str, set] = {}
    for chapter in profile.chapters:
        for side, paragraphs in (
            ("well_developed", chapter.developed),
            ("further_development", chapter.further),
        ):
            for paragraph in paragraphs:
                where.setdefault(paragraph.ref, set()).add((chapter.number, side))
    return where


def test_the_2022_profile_prints_every_paragraph_of_the_published_one_in_its_place(demo_profile):
    """Issue 23: evidence a consultant would cite brings back the paragraphs the evidence rule
    had dropped (the regional processes, Migrant Ishker, ESUVM, the COVID-19 ones, ...)."""
    profile = demo_profile[0]
    printed = _printed(profile)
    misplaced = {
        code: (domain, side, sorted(printed.get(code, ())))
        for code, (domain, side) in PLACEMENT.items()
        if (domain, side) not in printed.get(code, set())
    }
    assert not misplaced
    for code in ("2.3.3", "2.5.4", "3.1.1", "4.1.7", "6.4.5"):
        assert code in printed
    covid = yaml.safe_load((DEMO_DIR / "kg_2022.yaml").read_text(encoding="utf-8"))["covid"]
    assert {p.ref for p in profile.covid.paragraphs} == {str(r["code"]) for r in covid}
    text = " ".join(" ".join(demo_profile[1]).split())
    for phrase in ("Almaty Process", "Budapest Process", "Prague Process", "Migrant", "green"):
        assert phrase in text


def test_the_2018_baseline_prints_every_answer_it_gives(loaded):
    """The baseline's equivalents: no answer left out of its profile for lack of evidence."""
    baseline = Assessment.objects.get(country__code="KG", year=2018)
    answered = {
        r.indicator.code
        for r in baseline.responses.filter(option__isnull=False, waiver_reason="")
        .exclude(option__level="not_applicable")
        .select_related("indicator")
    }
    assert answered and set(_printed(profile_build(baseline))) == answered
