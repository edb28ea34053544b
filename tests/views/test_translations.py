"""Translations of a finding, edited by consultants beside the original on the review page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.exceptions import ApplicationError
from assessments.models import AuditEntry, Response
from assessments.report.build import profile_build
from assessments.report.render import render_html
from assessments.services.translations import finding_translations_save
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

ALLOWED = {"consultant": 302, "administrator": 302}


def _url(response):
    return reverse(
        "assessments:response-translations", args=[response.assessment_id, response.indicator.code]
    )


@pytest.fixture
def answered(response):
    return f.answer(response, status=Response.Status.SUBMITTED, finding="The law grants access.")


@pytest.mark.parametrize("who", ROLES)
def test_only_those_who_edit_findings_may_translate_them(who, people, client_for, answered):
    result = client_for(people[who]).post(_url(answered), {"ru": "Закон дает доступ."})
    expected = ALLOWED.get(who, 404 if who == "outsider" else 403)
    assert result.status_code == expected
    answered.refresh_from_db()
    if expected == 302:
        assert answered.finding_translations == {"ru": "Закон дает доступ."}
    else:
        assert answered.finding_translations == {}


def test_a_consultant_adds_edits_and_removes_translations(client_for, consultant, answered):
    client = client_for(consultant)
    client.post(_url(answered), {"ru": "Закон дает доступ.", "fr": "La loi donne accès."})
    answered.refresh_from_db()
    assert answered.finding_translations == {
        "ru": "Закон дает доступ.",
        "fr": "La loi donne accès.",
    }
    client.post(_url(answered), {"ru": "Закон обеспечивает доступ.", "fr": ""})
    answered.refresh_from_db()
    assert answered.finding_translations == {"ru": "Закон обеспечивает доступ."}
    assert answered.finding == "The law grants access."  # the original never changes
    entry = AuditEntry.objects.filter(action="response.translate").order_by("pk").last()
    assert entry.data == {"languages": ["fr", "ru"]}


def test_the_review_page_shows_the_original_beside_each_language(client_for, consultant, answered):
    answered.finding_translations = {"ru": "Закон дает доступ."}
    answered.save()
    url = reverse(
        "assessments:review-response", args=[answered.assessment_id, answered.indicator.code]
    )
    page = client_for(consultant).get(url).content.decode()
    assert 'id="translations"' in page
    assert 'name="ru"' in page and "Закон дает доступ." in page
    assert 'name="fr"' in page and 'name="es"' in page and 'name="en"' not in page
    assert page.count("The law grants access.") >= 2  # the finding, then beside the languages
    assert page.count("badge text-bg-warning") >= 2  # fr and es shown as missing


def test_the_working_language_cannot_be_translated_into(client_for, consultant, answered):
    client_for(consultant).post(_url(answered), {"en": "Other text."})
    answered.refresh_from_db()
    assert answered.finding_translations == {}


@pytest.mark.parametrize("per_domain", [1, 4])
def test_the_review_page_with_translations_runs_a_fixed_number_of_queries(
    client_for, django_assert_max_num_queries, per_domain
):
    framework = f.build_framework(domains=6, indicators_per_domain=per_domain)
    assessment = f.AssessmentFactory(framework=framework)
    indicator = framework.indicators.order_by("order").first()
    for ind in framework.indicators.all():
        f.answer_with_evidence(assessment, ind, finding="Text.", notes=["A note."] * per_domain)
    user = f.UserFactory()
    f.MembershipFactory(user=user, assessment=assessment, role="consultant")
    client = client_for(user)
    url = reverse("assessments:review-response", args=[assessment.pk, indicator.code])
    with django_assert_max_num_queries(30):
        page = client.get(url)
    assert 'id="translations"' in page.content.decode()


def test_a_consultant_translates_a_footnote_beside_the_finding(client_for, consultant, answered):
    note = f.EvidenceFactory(response=answered, note="Article 5 sets the quota.")
    client = client_for(consultant)
    page = client.get(
        reverse(
            "assessments:review-response", args=[answered.assessment_id, answered.indicator.code]
        )
    ).content.decode()
    assert f'name="note-{note.pk}-ru"' in page and "Article 5 sets the quota." in page

    client.post(
        _url(answered),
        {"ru": "Закон дает доступ.", f"note-{note.pk}-ru": "Квоту\u200b задает ст. 5."},
    )
    note.refresh_from_db()
    assert note.note_translations == {"ru": "Квоту задает ст. 5."}  # cleaned as every text is
    assert note.note == "Article 5 sets the quota."
    entry = AuditEntry.objects.filter(action="response.translate").order_by("pk").last()
    assert entry.data == {"languages": ["ru"], "footnotes": [note.pk]}


def test_a_removed_footnote_is_not_translated(consultant, answered):
    note = f.EvidenceFactory(response=answered, note="Old note.", removed_at=timezone.now())
    with pytest.raises(ApplicationError):
        finding_translations_save(
            response=answered, user=consultant, texts={}, notes={note.pk: {"ru": "Текст."}}
        )
    note.refresh_from_db()
    assert note.note_translations == {}
    assert not AuditEntry.objects.filter(action="response.translate").exists()


def test_the_russian_profile_prints_the_translated_footnote(consultant, answered):
    note = f.EvidenceFactory(response=answered, note="Article 5 sets the quota.")
    finding_translations_save(
        response=answered,
        user=consultant,
        texts={"ru": "Закон дает доступ."},
        notes={note.pk: {"ru": "Квоту задает статья 5."}},
    )
    html = render_html(profile_build(answered.assessment, language="ru"))
    assert "Квоту задает статья 5." in html and "Article 5 sets the quota." not in html
