"""Issue 31 pages: the new-assessment page brings the baseline's team; carried answers are
marked, confirmed with their missing evidence, and confirmed in bulk; waived ones read so."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import (
    Assessment,
    Invitation,
    Membership,
    PendingAssignment,
    Response,
    SubDomain,
)
from assessments.services import carry_over, workflow
from tests import factories as f

pytestmark = pytest.mark.django_db
Role = Membership.Role
NO_EVIDENCE = "3.1.1"


@pytest.fixture
def iom(db):
    user = f.UserFactory(username="iom")
    user.groups.add(Group.objects.get(name="consultants"))
    return user


@pytest.fixture
def follow_up(assessment, framework, coordinator, focal_point):
    old = f.AssessmentFactory(framework=framework, country=assessment.country, year=2018)
    for code in ("1.1.1", "1.1.2", "2.1.1"):
        f.answer_with_evidence(old, framework.indicators.get(code=code), level="partial")
    bare = f.answer_with_evidence(old, framework.indicators.get(code=NO_EVIDENCE), level="partial")
    bare.evidence.all().delete()
    assessment.baseline = old
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=None)
    return assessment


def _team(baseline, size):
    for i in range(size):
        user = f.UserFactory(username=f"fp{i}", email=f"fp{i}@gov.kg")
        member = f.MembershipFactory(
            user=user, assessment=baseline, role=Role.FOCAL_POINT, institution=f"Ministry {i}"
        )
        f.AssignmentFactory(
            membership=member,
            subdomain=SubDomain.objects.filter(domain__framework=baseline.framework).first(),
        )


def _new_form(framework, baseline, **extra):
    return {
        "country": baseline.country.pk,
        "edition": "Third profile 2030",
        "framework": framework.pk,
        "language": "en",
        "baseline": str(baseline.pk),
        "team_from": str(baseline.pk),
        **extra,
    }


# --- Starting a follow-up with the baseline's team ----------------------------------------
def test_the_new_page_offers_the_baselines_people_ticked(client_for, iom, assessment, coordinator):
    coordinator.email = "coordinator@gov.kg"
    coordinator.save()
    page = client_for(iom).get(reverse("assessments:assessment-new") + "?country=KG")
    body = page.content.decode()
    assert 'id="baseline-team"' in body and "coordinator@gov.kg" in body
    assert page.context["form"].team_rows[0]["checked"]


def test_the_team_fragment_follows_the_baseline_chosen(client_for, iom, assessment, coordinator):
    url = reverse("assessments:assessment-new-team")
    page = client_for(iom).get(url, {"baseline": str(assessment.pk)})
    assert coordinator.username in page.content.decode()
    none = client_for(iom).get(url, {"baseline": "none"}).content.decode()
    assert coordinator.username not in none


def test_creating_the_follow_up_invites_only_the_ticked_people(
    client_for, iom, framework, assessment, coordinator, focal_point
):
    for user in (coordinator, focal_point):
        user.email = f"{user.username}@gov.kg"
        user.save()
    ticked = assessment.memberships.get(user=focal_point)
    form = _new_form(
        framework,
        assessment,
        team=[str(ticked.pk)],
        coordinator_email="new.coordinator@gov.kg",
        coordinator_first_name="Aida",
        coordinator_last_name="Bekova",
        coordinator_institution="MFA",
    )
    page = client_for(iom).post(reverse("assessments:assessment-new"), form)
    follow = Assessment.objects.get(year=2030)
    assert page.status_code == 302
    # The ticked focal point and the typed coordinator (whose account waits for acceptance).
    assert set(follow.invitations.values_list("email", "role")) == {
        ("focal@gov.kg", Role.FOCAL_POINT),
        ("new.coordinator@gov.kg", Role.COORDINATOR),
    }
    assert PendingAssignment.objects.filter(invitation__assessment=follow).count() == 1


def test_a_team_listed_for_another_baseline_carries_nothing(
    client_for, iom, framework, assessment, coordinator
):
    member = assessment.memberships.get(user=coordinator)
    form = _new_form(framework, assessment, team=[str(member.pk)], team_from="")
    page = client_for(iom).post(reverse("assessments:assessment-new"), form)
    assert page.status_code == 200 and "another baseline" in page.content.decode()
    assert not Assessment.objects.filter(year=2030).exists()


def test_without_a_coordinator_the_form_asks_for_one(client_for, iom, framework, assessment):
    page = client_for(iom).post(
        reverse("assessments:assessment-new"), _new_form(framework, assessment)
    )
    assert page.status_code == 200 and "bring the baseline" in page.content.decode()
    assert not Invitation.objects.exists()


# --- Carried answers on their page ----------------------------------------------------------
def test_a_refused_carried_answer_asks_for_evidence_beside_its_confirm(
    client_for, follow_up, coordinator
):
    url = reverse("assessments:response-edit", args=[follow_up.pk, NO_EVIDENCE])
    body = client_for(coordinator).get(url).content.decode()
    assert 'id="carried-refusal"' in body and 'id="confirm-evidence"' in body
    assert "Add the evidence, confirm unchanged and submit" in body
    assert "Confirm unchanged and submit</button>" not in body
    assert body.count('id="id_instrument"') == 1  # the evidence form once, beside the confirm


def test_adding_the_evidence_with_then_confirm_submits_it_confirmed(
    client_for, follow_up, coordinator
):
    law = f.LegalInstrumentFactory(country=follow_up.country)
    url = reverse("assessments:evidence-add", args=[follow_up.pk, NO_EVIDENCE])
    page = client_for(coordinator).post(url, {"instrument": law.pk, "then": "confirm"})
    assert page.status_code == 302
    r = follow_up.responses.get(indicator__code=NO_EVIDENCE)
    assert (r.status, r.carry_state) == ("submitted", "confirmed")


def test_a_waived_indicator_reads_as_waived_to_its_focal_point(
    client_for, follow_up, focal_point, consultant
):
    r = follow_up.responses.get(indicator__code="1.1.1")
    workflow.response_waive(response=r, reviewer=consultant, reason="No data this cycle.")
    client = client_for(focal_point)
    body = client.get(r.get_absolute_url()).content.decode()
    assert "No data this cycle." in body
    assert "Confirm it if nothing changed, or edit it" not in body
    assert "Save and submit for review" not in body
    my_work = client.get(reverse("assessments:my-work")).content.decode()
    assert f'id="waived-{follow_up.pk}"' in my_work and "No data this cycle." in my_work
    assert f'id="drafts-{follow_up.pk}"' not in my_work


# --- Bulk confirm -----------------------------------------------------------------------------
def test_the_confirm_page_lists_what_is_confirmed_and_what_is_skipped_with_why(
    client_for, follow_up, coordinator
):
    page = client_for(coordinator).get(reverse("assessments:carried-confirm", args=[follow_up.pk]))
    plan = page.context["plan"]
    assert [r.indicator.code for r in plan.ready] == ["1.1.1", "1.1.2", "2.1.1"]
    [(refused, why)] = plan.refused
    assert refused.indicator.code == NO_EVIDENCE and why in page.content.decode()


def test_the_coordinator_narrows_the_list_to_one_ministry(client_for, follow_up, coordinator):
    page = client_for(coordinator).get(
        reverse("assessments:carried-confirm", args=[follow_up.pk]),
        {"ministry": "Ministry of Labour"},
    )
    assert [r.indicator.code for r in page.context["plan"].ready] == ["1.1.1", "1.1.2"]


def test_posting_the_ticked_answers_confirms_them(client_for, follow_up, focal_point):
    rows = follow_up.responses.filter(indicator__code__in=["1.1.1", "1.1.2"])
    url = reverse("assessments:carried-confirm", args=[follow_up.pk])
    page = client_for(focal_point).post(url, {"answers": [f"{r.pk}:{r.version}" for r in rows]})
    assert page.status_code == 302
    assert set(rows.values_list("carry_state", flat=True)) == {"confirmed"}
    empty = client_for(focal_point).post(url, {})
    assert empty.status_code == 302


def test_my_work_and_the_board_group_carried_answers_with_counts(
    client_for, follow_up, coordinator, consultant
):
    r = follow_up.responses.get(indicator__code="1.1.1")
    carry_over.carried_confirm(response=r, user=coordinator)
    body = client_for(coordinator).get(reverse("assessments:my-work")).content.decode()
    assert 'data-count="carried">3<' in body and 'data-count="confirmed">1<' in body
    assert 'data-count="refused">1<' in body
    board = client_for(consultant).get(reverse("assessments:review-board", args=[follow_up.pk]))
    html = board.content.decode()
    assert 'id="board-carried"' in html and "data-refused" in html
    confirmed = client_for(consultant).get(
        reverse("assessments:review-board", args=[follow_up.pk]), {"since": "confirmed"}
    )
    assert [row.indicator.code for row in confirmed.context["board"].rows] == ["1.1.1"]
    carried = client_for(consultant).get(
        reverse("assessments:review-board", args=[follow_up.pk]), {"since": "carried"}
    )
    assert [row.indicator.code for row in carried.context["board"].rows] == [
        "1.1.2",
        "2.1.1",
        NO_EVIDENCE,
    ]


# --- Query counts at two sizes -------------------------------------------------------------
@pytest.mark.parametrize("size", [1, 12])
def test_new_page_with_a_team_queries_do_not_grow(
    size, client_for, iom, assessment, django_assert_max_num_queries
):
    _team(assessment, size)
    client = client_for(iom)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("assessments:assessment-new") + "?country=KG").status_code == 200
    with django_assert_max_num_queries(9):
        url = reverse("assessments:assessment-new-team")
        assert client.get(url, {"baseline": str(assessment.pk)}).status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_confirm_page_my_work_and_board_queries_do_not_grow(
    size, client_for, follow_up, coordinator, consultant, django_assert_max_num_queries
):
    for i in range(size):
        indicator = f.IndicatorFactory(
            subdomain=SubDomain.objects.filter(domain__framework=follow_up.framework).first(),
            code=f"1.1.{10 + i}",
            order=500 + i,
        )
        old = f.answer_with_evidence(follow_up.baseline, indicator, level="partial")
        old.evidence.all().delete() if i % 2 else None
    carry_over.carry_over_baseline(assessment=follow_up, actor=None)
    client = client_for(coordinator)
    with django_assert_max_num_queries(12):
        url = reverse("assessments:carried-confirm", args=[follow_up.pk])
        assert client.get(url, {"ministry": "Ministry of Labour"}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("assessments:my-work")).status_code == 200
    reviewer = client_for(consultant)
    with django_assert_max_num_queries(16):
        url = reverse("assessments:review-board", args=[follow_up.pk])
        assert reviewer.get(url).status_code == 200


def test_response_states_are_left_as_they_were_by_a_refused_bulk_post(
    client_for, follow_up, consultant
):
    r = follow_up.responses.get(indicator__code="1.1.1")
    url = reverse("assessments:carried-confirm", args=[follow_up.pk])
    assert client_for(consultant).post(url, {"answers": f"{r.pk}:{r.version}"}).status_code == 403
    assert Response.objects.get(pk=r.pk).carry_state == "carried"
