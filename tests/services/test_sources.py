"""Identical sources are one Source cited from several answers and listed once."""

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from assessments.exceptions import ApplicationError
from assessments.models import Assessment, Evidence, Response, Source
from assessments.report.build import profile_build
from assessments.services.evidence import source_create
from tests import factories as f

pytestmark = pytest.mark.django_db

TYPED = {
    "source_organization": "National Statistical Committee",
    "source_year": "2021",
    "source_title": "Labour migration survey",
    "locator": "p. 4",
}


def _listed(assessment) -> list[str]:
    profile = profile_build(assessment, language="en")
    return [e.title for group in profile.sources for e in group.entries]


def test_identical_sources_typed_on_four_answers_are_one_source_listed_once(
    client_for, coordinator, assessment, framework
):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    client = client_for(coordinator)
    codes = list(framework.indicators.order_by("order").values_list("code", flat=True)[:4])
    spellings = [
        TYPED,
        TYPED | {"source_title": "Labour  migration survey."},
        TYPED | {"source_organization": "national statistical committee "},
        TYPED | {"source_title": "Labour migration survey"},
    ]
    for code, data in zip(codes, spellings, strict=True):
        page = client.post(reverse("assessments:evidence-add", args=[assessment.pk, code]), data)
        assert page.status_code == 302, page.content.decode()[:400]
    source = Source.objects.get()
    assert Evidence.objects.filter(source=source).count() == 4
    assert Response.objects.filter(evidence__source=source).distinct().count() == 4
    assert _listed(assessment) == ["Labour migration survey"]


def test_a_source_with_the_same_title_but_another_year_asks_for_confirmation(assessment):
    first = source_create(
        assessment=assessment, organization="IOM", year="2021", title="Migration profile"
    )
    with pytest.raises(ApplicationError, match="already has a source with this title"):
        source_create(
            assessment=assessment, organization="IOM", year="2022", title="Migration profile"
        )
    assert Source.objects.count() == 1
    second = source_create(
        assessment=assessment,
        organization="IOM",
        year="2022",
        title="Migration profile",
        confirmed_different=True,
    )
    assert second != first and Source.objects.count() == 2


def test_the_evidence_form_shows_the_similar_source_and_the_confirmation(
    client_for, coordinator, assessment, indicator
):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    f.SourceFactory(assessment=assessment, organization="IOM", year="2019", title="Survey")
    url = reverse("assessments:evidence-add", args=[assessment.pk, indicator.code])
    data = {"source_organization": "IOM", "source_year": "2020", "source_title": "Survey"}
    page = client_for(coordinator).post(url, data)
    html = page.content.decode()
    assert page.status_code == 400 and "IOM (2019) Survey" in html
    assert 'name="confirm_new_source"' in html
    assert client_for(coordinator).post(url, data | {"confirm_new_source": "on"}).status_code == 302
    assert Source.objects.count() == 2


def test_the_migration_merges_existing_identical_sources_and_moves_their_citations(
    assessment, framework
):
    migration = __import__(
        "assessments.migrations.0020_crosswalk_translations_sources", fromlist=["x"]
    )
    keep = f.SourceFactory(assessment=assessment, title="Yearbook", url="")
    twins = [
        f.SourceFactory(assessment=assessment, title="YEARBOOK.", url="https://stat.kg/y"),
        f.SourceFactory(assessment=assessment, title="Yearbook", in_key_sources=False),
    ]
    other = f.SourceFactory(title="Yearbook")  # another assessment's: kept apart
    indicators = framework.indicators.order_by("order")[:2]
    cited = [
        f.EvidenceFactory(
            response=f.ResponseFactory(assessment=assessment, indicator=i),
            instrument=None,
            source=s,
        )
        for i, s in zip(indicators, twins, strict=True)
    ]
    migration.merge_identical_sources(django_apps, None)
    assert set(Source.objects.values_list("pk", flat=True)) == {keep.pk, other.pk}
    assert {e.source_id for e in Evidence.objects.filter(pk__in=[e.pk for e in cited])} == {keep.pk}
    keep.refresh_from_db()
    assert keep.url == "https://stat.kg/y" and keep.in_key_sources
