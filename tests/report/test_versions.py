"""Profile versions: generated once per content, frozen at validation, published."""

from unittest import mock

import pytest

from assessments.exceptions import NotAllowed
from assessments.models import ProfileVersion
from assessments.report import jobs, store, versions
from assessments.report.render import RenderedPdf
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_render():
    """Rendering is tested in test_pdf; here only whether it happens matters."""
    with mock.patch.object(
        jobs,
        "isolated_html_to_pdf",
        side_effect=lambda html, heartbeat: RenderedPdf(b"%PDF-1.7 fake", 3),
    ) as render:
        yield render


def test_first_generation_stores_version_one(answered, consultant, fake_render):
    version = versions.profile_generate(assessment=answered, user=consultant)
    assert (version.number, version.stage, version.pages, version.size) == (
        1,
        "data_collection",
        3,
        13,
    )
    assert version.created_by == consultant
    assert len(version.content_hash) == 64
    assert version.file.read() == b"%PDF-1.7 fake"


def test_unchanged_content_returns_the_stored_version_without_rendering(
    answered, consultant, coordinator, fake_render
):
    first = versions.profile_generate(assessment=answered, user=consultant)
    again = versions.profile_generate(assessment=answered, user=coordinator)
    assert again.pk == first.pk
    assert fake_render.call_count == 1


def test_changed_content_makes_a_new_version(answered, consultant, fake_render):
    first = versions.profile_generate(assessment=answered, user=consultant)
    f.answer_with_evidence(answered.responses.first(), level="absent", finding="Changed.")
    second = versions.profile_generate(assessment=answered, user=consultant)
    assert second.number == first.number + 1
    assert second.content_hash != first.content_hash


def test_a_new_template_version_makes_a_new_version(answered, consultant, fake_render):
    first = versions.profile_generate(assessment=answered, user=consultant)
    with mock.patch.object(store, "template_version", return_value="new-look"):
        second = versions.profile_generate(assessment=answered, user=consultant)
    assert second.number == first.number + 1


def test_freezing_needs_a_validated_assessment(answered, fake_render):
    with pytest.raises(NotAllowed):
        versions.profile_freeze(assessment=answered)
    with pytest.raises(NotAllowed):
        versions.profile_finalize(assessment=answered)
    assert not ProfileVersion.objects.exists()


def test_validation_freezes_one_version_idempotently(answered, consultant, fake_render):
    draft = versions.profile_generate(assessment=answered, user=consultant)
    answered.stage = "validated"
    answered.save()
    frozen = versions.profile_finalize(assessment=answered, user=consultant)
    assert frozen.number == draft.number + 1  # the draft carried the DRAFT mark
    assert frozen.frozen and frozen.stage == "validated"
    assert versions.profile_finalize(assessment=answered).pk == frozen.pk
    # Once frozen, generating again hands out the frozen version, even if data changed.
    f.answer_with_evidence(answered.responses.first(), level="absent", finding="Late change.")
    assert versions.profile_generate(assessment=answered, user=consultant).pk == frozen.pk
    assert fake_render.call_count == 2


def test_publishing_marks_the_frozen_version_published(answered, fake_render):
    answered.stage = "validated"
    answered.save()
    frozen = versions.profile_finalize(assessment=answered)
    answered.stage = "published"
    answered.save()
    published = versions.profile_finalize(assessment=answered)
    assert published.pk == frozen.pk and published.published
    assert versions.profile_finalize(assessment=answered).pk == frozen.pk
    assert ProfileVersion.objects.filter(published=True).count() == 1
