"""The issue-17 rules run over the demo: what they flag is fixed or recorded in the fixtures."""

import datetime

import pytest
from django.utils import timezone

from assessments.models import Assessment, LegalInstrument, Response
from assessments.report.build import profile_build
from assessments.selectors.registry import instruments_with_similar_title
from assessments.services.evidence_rules import evidence_missing
from assessments.text import clean_text

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def test_demo_registry_passes_the_entry_rules(loaded):
    instruments = list(LegalInstrument.objects.all())
    for i in instruments:
        i.full_clean()  # no future date, no dated draft
        assert clean_text(i.title) == i.title
        assert not instruments_with_similar_title(
            country=i.country, title=i.title, kind=i.kind, adopted_on=i.adopted_on, exclude_pk=i.pk
        )
    assert max(i.adopted_on for i in instruments if i.adopted_on) <= timezone.localdate()


def test_laws_cited_by_their_year_keep_and_print_the_year(loaded):
    education = LegalInstrument.objects.get(title="Law of the Kyrgyz Republic on Education")
    assert (education.adopted_on, education.adopted_precision) == (
        datetime.date(2003, 1, 1),
        "year",
    )
    assert education.adopted_display == "2003"


def test_the_demo_profile_prints_no_well_developed_area_without_evidence(loaded):
    assessment = Assessment.objects.get(country__code="KG", year=2022)
    profile = profile_build(assessment)
    printed = {p.ref for c in profile.chapters for p in c.developed}
    unbacked = {
        r.indicator.code
        for r in Response.objects.filter(assessment=assessment, status="accepted").select_related(
            "option", "indicator"
        )
        if evidence_missing(r)
    }
    # Issue 23: every answer cites what a consultant would cite, so none is left unbacked.
    assert printed and not unbacked
