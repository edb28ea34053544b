"""Helpers for profile tests: a small answered assessment and PDF text extraction."""

import datetime
import io

import pytest
from pypdf import PdfReader

from assessments.models import LegalInstrument
from tests import factories as f

Kind = LegalInstrument.Kind


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def annex_instruments(country):
    """Instruments of every annex group, created out of order to test numbering."""
    rows = [
        ("Decree on Labour Migration", Kind.DECREE, datetime.date(2019, 4, 16), "175", 5),
        ("Law on External Migration", Kind.LAW, datetime.date(2000, 7, 17), "61", 2),
        ("Constitution of the Kyrgyz Republic", Kind.CONSTITUTION, None, "", 1),
        ("Agreement on Pension Provision", Kind.TREATY, datetime.date(2020, 7, 24), "93", 4),
        ("Law on Internal Migration", Kind.LAW, datetime.date(2002, 7, 30), "133", 3),
        ("Concept of the Migration Policy", Kind.STRATEGY, datetime.date(2021, 5, 4), "191", 6),
    ]
    made = []
    for title, kind, adopted, number, no in rows:
        made.append(
            f.LegalInstrumentFactory(
                country=country,
                title=title,
                kind=kind,
                adopted_on=adopted,
                number=number,
                annex_no=no,
                annex_pinned=True,
                adoption_note="Referendum of 11 April 2021" if kind == Kind.CONSTITUTION else "",
            )
        )
    f.LegalInstrumentFactory(country=country, title="Not in the annex", in_annex=False)
    # Entered by mistake: nobody cites it, nobody marked it, so the annex leaves it out.
    f.LegalInstrumentFactory(country=country, title="Uncited resolution entered twice")
    return made


@pytest.fixture
def answered(assessment):
    """Every indicator answered: odd ones developed, even ones partial, with footnotes."""
    indicators = list(assessment.framework.indicators.order_by("order"))
    for i, indicator in enumerate(indicators):
        f.answer_with_evidence(
            assessment,
            indicator,
            level="developed" if i % 2 == 0 else "partial",
            finding=f"Finding {indicator.code}: Kyrgyzstan has rules on {indicator.title}.",
            notes=[f"Footnote {indicator.code} on the law."],
        )
    annex_instruments(assessment.country)
    f.SourceFactory(assessment=assessment, organization="Ministry of Labour", year="2021b")
    f.SourceFactory(
        assessment=assessment, organization="Ministry of Labour", year="2021a", url="https://x.kg"
    )
    f.SourceFactory(assessment=assessment, organization="24.KG", year="2018")
    return assessment
