import re

import pytest
from django.core import mail
from django.urls import reverse

from assessments.models import (
    Assignment,
    AuditEntry,
    Invitation,
    LegalInstrument,
    Membership,
    Response,
)
from assessments.services import entry, evidence
from tests import factories as f

pytestmark = pytest.mark.django_db


def _edit_url(response):
    return reverse(
        "assessments:response-edit", args=[response.assessment_id, response.indicator.code]
    )


def test_autosave_returns_saved_time_and_new_version(client_for, response, focal_point):
    option = response.indicator.options.get(key="partial")
    page = client_for(focal_point).post(
        _edit_url(response),
        {"option": option.pk, "finding": "Draft text.", "version": 0, "autosave": "1"},
        HTTP_HX_REQUEST="true",
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert re.search(r"Saved \d\d:\d\d", body)
    assert re.search(r'name="version"\s+value="1"', body) and 'hx-swap-oob="true"' in body
    response.refresh_from_db()
    assert (response.finding, response.status) == ("Draft text.", Response.Status.DRAFT)


def test_autosave_conflict_reports_the_other_persons_text(
    client_for, response, coordinator, focal_point
):
    entry.response_save(
        response=response, user=focal_point, option=None, finding="Someone else's text.", version=0
    )
    page = client_for(coordinator).post(
        _edit_url(response), {"finding": "Mine.", "version": 0, "autosave": "1"}
    )
    body = page.content.decode()
    assert "data-save-error" in body and "Someone else&#x27;s text." in body
    response.refresh_from_db()
    assert response.finding == "Someone else's text."


def test_a_blank_finding_is_saved_empty_never_as_the_drafted_sentence(
    client_for, response, focal_point
):
    option = response.indicator.options.get(key="developed")
    client_for(focal_point).post(
        _edit_url(response), {"option": option.pk, "finding": "  \r\n \u200b ", "version": 0}
    )
    response.refresh_from_db()
    assert (response.option, response.finding) == (option, "")


def test_use_the_suggested_sentence_fills_the_field_and_saves_nothing(
    client_for, response, focal_point
):
    option = response.indicator.options.get(key="developed")
    page = client_for(focal_point).post(
        _edit_url(response),
        {"option": option.pk, "finding": "", "version": 0, "action": "suggest"},
    )
    body = page.content.decode()
    finding = re.search(r'<textarea[^>]*id="id_finding"[^>]*>([^<]*)<', body)[1]
    assert finding.startswith("Kyrgyzstan has a developed policy")
    assert response.revisions.count() == 0 and Response.objects.get(pk=response.pk).version == 0


def test_submitting_a_blank_finding_is_refused_at_the_finding_field(
    client_for, response, focal_point
):
    option = response.indicator.options.get(key="developed")
    page = client_for(focal_point).post(
        _edit_url(response),
        {"option": option.pk, "finding": " \n ", "version": 0, "action": "submit"},
    )
    body = page.content.decode()
    assert page.status_code == 400
    error = re.search(r'id="id_finding_error">(.*?)</div>', body, re.S)[1]
    assert "Write the finding" in error
    assert re.search(r'id="evidence-problem"[^>]*>[^<]*needs evidence', body)
    response.refresh_from_db()
    assert (response.status, response.finding, response.version) == (
        Response.Status.NOT_STARTED,
        "",
        0,
    )


def test_submitting_a_filled_finding_with_evidence_goes_through(client_for, response, focal_point):
    evidence.evidence_add(
        response=response,
        user=focal_point,
        instrument=f.LegalInstrumentFactory(country=response.assessment.country),
    )
    option = response.indicator.options.get(key="developed")
    client_for(focal_point).post(
        _edit_url(response),
        {"option": option.pk, "finding": "The law grants it.", "version": 1, "action": "submit"},
    )
    response.refresh_from_db()
    assert (response.status, response.finding) == (Response.Status.SUBMITTED, "The law grants it.")


def test_history_shows_word_diff_and_restore_button(client_for, response, focal_point):
    client = client_for(focal_point)
    option = response.indicator.options.get(key="developed")
    client.post(
        _edit_url(response), {"option": option.pk, "finding": "Law No. 4 applies.", "version": 0}
    )
    client.post(
        _edit_url(response), {"option": option.pk, "finding": "Law No. 61 applies.", "version": 1}
    )
    page = client.get(
        reverse(
            "assessments:response-history", args=[response.assessment_id, response.indicator.code]
        )
    )
    body = page.content.decode()
    assert "<del>4</del><ins>61</ins>" in body
    assert "Restore this version" in body


def test_finding_html_is_escaped_in_history(client_for, response, focal_point):
    client = client_for(focal_point)
    client.post(_edit_url(response), {"finding": "<script>alert(1)</script>", "version": 0})
    body = client.get(
        reverse(
            "assessments:response-history", args=[response.assessment_id, response.indicator.code]
        )
    ).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_coordinator_adds_a_focal_point_who_is_emailed_an_invitation(
    client_for, coordinator, assessment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = client_for(coordinator).post(
            reverse("assessments:people", args=[assessment.pk]),
            {
                "first_name": "Aibek",
                "last_name": "Usenov",
                "email": "aibek@mlsp.example.kg",
                "institution": "Ministry of Labour, Social Security and Migration",
            },
        )
    assert page.status_code == 302
    # The account is made when the invitation is accepted (issue 24).
    invitation = Invitation.objects.get(email="aibek@mlsp.example.kg")
    assert invitation.role == Membership.Role.FOCAL_POINT and invitation.user is None
    assert not Membership.objects.filter(user__email="aibek@mlsp.example.kg").exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["aibek@mlsp.example.kg"]
    assert invitation.get_absolute_url() in mail.outbox[0].body


def test_adding_the_same_person_twice_is_refused(client_for, coordinator, assessment, focal_point):
    page = client_for(coordinator).post(
        reverse("assessments:people", args=[assessment.pk]),
        {"first_name": "A", "last_name": "B", "email": focal_point.email, "institution": "X"},
    )
    assert page.status_code == 200
    assert "already takes part" in page.content.decode()
    assert assessment.memberships.count() == 2


def test_assignments_page_replaces_assignments(
    client_for, coordinator, assessment, focal_point, other_indicator
):
    membership = focal_point.memberships.get()
    page = client_for(coordinator).post(
        reverse("assessments:assignments", args=[assessment.pk]),
        {"sub": [f"{membership.pk}:{other_indicator.subdomain_id}"], "ind": []},
    )
    assert page.status_code == 302
    assert list(Assignment.objects.values_list("subdomain_id", flat=True)) == [
        other_indicator.subdomain_id
    ]
    assert AuditEntry.objects.filter(action="assignments.set").exists()


def test_an_empty_assignment_post_asks_before_removing_every_assignment(
    client_for, coordinator, assessment, focal_point
):
    """Issue 23: nothing changes until the coordinator confirms the removal."""
    url = reverse("assessments:assignments", args=[assessment.pk])
    before = list(Assignment.objects.values_list("pk", flat=True))
    client = client_for(coordinator)
    asked = client.post(url, {})
    html = asked.content.decode()
    assert asked.status_code == 200 and 'id="remove-all"' in html
    assert 'name="confirm_remove_all" value="1"' in html
    assert list(Assignment.objects.values_list("pk", flat=True)) == before
    assert not AuditEntry.objects.filter(action="assignments.set").exists()
    assert client.post(url, {"confirm_remove_all": "1"}).status_code == 302
    assert not Assignment.objects.filter(membership__assessment=assessment).exists()


def test_malformed_assignment_post_changes_nothing(
    client_for, coordinator, assessment, focal_point
):
    before = list(Assignment.objects.values_list("pk", flat=True))
    page = client_for(coordinator).post(
        reverse("assessments:assignments", args=[assessment.pk]), {"sub": ["x:y"]}
    )
    assert page.status_code == 200
    assert "malformed" in page.content.decode()
    assert list(Assignment.objects.values_list("pk", flat=True)) == before


def test_registry_warns_about_a_number_already_used_whatever_the_date(
    client_for, coordinator, assessment
):
    existing = f.LegalInstrumentFactory(
        country=assessment.country, number="4", adopted_on="2006-01-13"
    )
    url = reverse("assessments:instrument-add", args=[assessment.country.code])
    data = {"title": "Another title", "number": "4", "kind": "decree", "adopted_on": "2021-01-29"}
    client = client_for(coordinator)

    warned = client.post(url, data)
    assert warned.status_code == 200
    assert existing.title in warned.content.decode()
    assert LegalInstrument.objects.count() == 1

    confirmed = client.post(url, {**data, "confirm_duplicate": "on"})
    assert confirmed.status_code == 302
    assert LegalInstrument.objects.count() == 2


def test_registry_filters_by_type_and_shows_citations(
    client_for, coordinator, assessment, response
):
    law = f.LegalInstrumentFactory(country=assessment.country, kind="law", title="Law on Refugees")
    f.LegalInstrumentFactory(country=assessment.country, kind="decree", title="Decree on Visas")
    f.EvidenceFactory(response=response, instrument=law)
    client = client_for(coordinator)
    listing = client.get(
        reverse("assessments:instrument-list", args=["KG"]), {"kind": "law"}
    ).content.decode()
    assert "Law on Refugees" in listing and "Decree on Visas" not in listing
    detail = client.get(
        reverse("assessments:instrument-detail", args=["KG", law.pk])
    ).content.decode()
    assert response.indicator.code in detail


def test_evidence_removal_is_undone_from_the_history(client_for, response, focal_point):
    client = client_for(focal_point)
    item = evidence.evidence_add(
        response=response,
        user=focal_point,
        instrument=f.LegalInstrumentFactory(country=response.assessment.country),
    )
    remove_url = reverse("assessments:evidence-remove", args=[item.pk])
    assert "Remove this evidence?" in client.get(remove_url).content.decode()
    client.post(remove_url)
    history_url = reverse(
        "assessments:response-history", args=[response.assessment_id, response.indicator.code]
    )
    history = client.get(history_url).content.decode()
    restore_url = reverse("assessments:evidence-restore", args=[item.pk])
    assert f'action="{restore_url}"' in history and "Undo removal" in history

    client.post(restore_url)
    item.refresh_from_db()
    assert item.removed_at is None


def test_my_work_lists_finished_assessments_last_and_without_items(client_for, framework):
    user = f.UserFactory()
    finished = f.AssessmentFactory(
        framework=framework, year=2018, edition="First profile 2018", stage="published"
    )
    active = f.AssessmentFactory(framework=framework, country=finished.country)
    for a in (finished, active):
        m = f.MembershipFactory(user=user, assessment=a, role=Membership.Role.FOCAL_POINT)
        f.AssignmentFactory(membership=m, subdomain=framework.indicators.first().subdomain)
    page = client_for(user).get(reverse("assessments:my-work")).content.decode()
    assert page.index("Second profile 2022") < page.index("First profile 2018")
    assert page.count(f"/a/{active.pk}/i/") > 0
    assert page.count(f"/a/{finished.pk}/i/") == 0
    assert "This assessment is finished" in page


def test_an_evidence_items_article_follows_its_title_without_a_space_before_the_comma(
    client_for, focal_point, response
):
    f.EvidenceFactory(response=response, instrument__title="Labour Code", locator="Article 9")
    code = response.indicator.code
    url = reverse("assessments:response-edit", args=[response.assessment_id, code])
    page = client_for(focal_point).get(url).content.decode()
    assert re.search(r'Labour Code[^<]*</a><span class="text-muted">, Article 9</span>', page)
