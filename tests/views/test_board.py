"""The review board: each filter alone and combined, sorting, and bulk accept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import AuditEntry, Response
from assessments.selectors.board import board_context, review_board
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = Response.Status


@pytest.fixture
def answers(assessment, framework, focal_point):
    """Six answers in different states; the focal point (Ministry of Labour) owns domain 1."""
    ind = {i.code: i for i in framework.indicators.all()}
    rows = {
        "1.1.1": f.respond(assessment, ind["1.1.1"], status=Status.SUBMITTED),
        "1.1.2": f.respond(assessment, ind["1.1.2"], status=Status.ACCEPTED, level="partial"),
        "2.1.1": f.respond(assessment, ind["2.1.1"], status=Status.SUBMITTED, level="absent"),
        "3.1.1": f.respond(assessment, ind["3.1.1"], status=Status.RETURNED),
        "4.1.1": f.respond(assessment, ind["4.1.1"], status=Status.SUBMITTED, level="partial"),
        "4.1.2": f.respond(assessment, ind["4.1.2"], status=Status.SUBMITTED),
    }
    for code in ("1.1.1", "1.1.2", "2.1.1", "4.1.1"):
        f.EvidenceFactory(response=rows[code])
    return rows


def codes(client, assessment, **params) -> set[str]:
    page = client.get(reverse("assessments:review-board", args=[assessment.pk]), params)
    assert page.status_code == 200
    html = page.content.decode()
    return {part.split('"')[0] for part in html.split('data-code="')[1:]}


def domain_pk(framework, number):
    return framework.domains.get(number=number).pk


def test_each_filter_alone(consultant, client_for, assessment, framework, answers):
    client = client_for(consultant)
    assert len(codes(client, assessment)) == framework.indicators.count()
    assert codes(client, assessment, domain=domain_pk(framework, 4)) == {"4.1.1", "4.1.2"}
    assert codes(client, assessment, ministry="Ministry of Labour") == {"1.1.1", "1.1.2"}
    assert codes(client, assessment, level="absent") == {"2.1.1"}
    assert "1.1.1" not in codes(client, assessment, level="none")
    assert codes(client, assessment, status="returned") == {"3.1.1"}
    assert codes(client, assessment, no_evidence="on") >= {"3.1.1", "4.1.2", "5.1.1"}
    assert not codes(client, assessment, no_evidence="on") & {"1.1.1", "4.1.1"}


def test_filters_combine(consultant, client_for, assessment, framework, answers):
    client = client_for(consultant)
    four = domain_pk(framework, 4)
    assert codes(client, assessment, domain=four, no_evidence="on") == {"4.1.2"}
    assert codes(client, assessment, domain=four, status="submitted", level="partial") == {"4.1.1"}
    assert codes(client, assessment, ministry="Ministry of Labour", status="returned") == set()


def test_a_value_that_is_not_offered_is_ignored(consultant, client_for, assessment, answers):
    client = client_for(consultant)
    assert codes(client, assessment, status="nonsense", domain="x") == codes(client, assessment)


def test_changed_since_i_last_looked(consultant, client_for, assessment, answers):
    client = client_for(consultant)
    codes(client, assessment)  # the first look
    session = client.session
    session["board_seen"][str(assessment.pk)]["seen_at"] = (
        timezone.now() - datetime.timedelta(days=2)
    ).isoformat()
    session.save()
    Response.objects.filter(pk__in=[r.pk for r in answers.values()]).update(
        updated_at=timezone.now() - datetime.timedelta(days=3)
    )
    answers["3.1.1"].save()  # changed after the last look
    assert codes(client, assessment, changed="on") == {"3.1.1"}
    # Reloading within the same sitting keeps the comparison with the earlier look.
    assert codes(client, assessment, changed="on") == {"3.1.1"}


def test_sorting_by_level_and_back(consultant, client_for, assessment, answers):
    client = client_for(consultant)
    url = reverse("assessments:review-board", args=[assessment.pk])
    html = client.get(url, {"sort": "level", "status": "submitted"}).content.decode()
    order = [p.split('"')[0] for p in html.split('data-code="')[1:]]
    assert order == ["1.1.1", "4.1.2", "4.1.1", "2.1.1"]
    html = client.get(url, {"sort": "-level", "status": "submitted"}).content.decode()
    assert [p.split('"')[0] for p in html.split('data-code="')[1:]][0] == "2.1.1"
    assert 'aria-sort="descending"' in html


def test_a_waived_answer_reads_waived_alone(consultant, client_for, assessment, framework):
    response = f.respond(assessment, framework.indicators.get(code="5.1.1"), status="draft")
    response.waiver_reason = "Not covered."
    response.save()
    html = client_for(consultant).get(
        reverse("assessments:review-board", args=[assessment.pk]), {"status": "waived"}
    )
    row = html.content.decode().split('data-code="5.1.1"')[1].split("</tr>")[0]
    assert 'data-status="waived"' in row and "Draft" not in row and "Accepted" not in row


def _selection(*responses):
    return [f"{r.pk}:{r.version}" for r in responses]


def test_bulk_accept_asks_to_confirm_first(consultant, client_for, assessment, answers):
    url = reverse("assessments:bulk-accept", args=[assessment.pk])
    before = f.snapshot(assessment)
    page = client_for(consultant).post(url, {"answers": _selection(answers["1.1.1"])})
    assert page.status_code == 200 and "Confirm and accept" in page.content.decode()
    assert f.snapshot(assessment) == before


def test_bulk_accept_audits_each_answer_and_skips_one_changed_in_between(
    consultant, client_for, assessment, answers
):
    chosen = [answers["1.1.1"], answers["4.1.1"], answers["4.1.2"]]
    selection = _selection(*chosen)
    answers["4.1.2"].finding = "Changed by someone else."
    answers["4.1.2"].version += 1
    answers["4.1.2"].save()
    url = reverse("assessments:bulk-accept", args=[assessment.pk])
    page = (
        client_for(consultant)
        .post(url, {"answers": selection, "confirm": "on"}, follow=True)
        .content.decode()
    )
    statuses = dict(
        Response.objects.filter(pk__in=[r.pk for r in chosen]).values_list(
            "indicator__code", "status"
        )
    )
    assert statuses == {"1.1.1": "accepted", "4.1.1": "accepted", "4.1.2": "submitted"}
    entries = AuditEntry.objects.filter(assessment=assessment, action="response.accept")
    assert sorted(e.response.indicator.code for e in entries) == ["1.1.1", "4.1.1"]
    assert "2 answers accepted." in page
    assert "4.1.2 was not accepted: it changed after you loaded the page." in page


def test_bulk_accept_skips_an_answer_that_is_not_submitted(
    consultant, client_for, assessment, answers
):
    url = reverse("assessments:bulk-accept", args=[assessment.pk])
    page = (
        client_for(consultant)
        .post(url, {"answers": _selection(answers["3.1.1"]), "confirm": "on"}, follow=True)
        .content.decode()
    )
    assert "3.1.1 was not accepted" in page
    assert not AuditEntry.objects.filter(action="response.accept").exists()


def test_bulk_accept_refuses_an_answer_of_another_assessment(
    consultant, client_for, assessment, framework
):
    other = f.AssessmentFactory(framework=framework, country__code="GE")
    foreign = f.respond(other, framework.indicators.first(), status=Status.SUBMITTED)
    url = reverse("assessments:bulk-accept", args=[assessment.pk])
    client_for(consultant).post(url, {"answers": _selection(foreign), "confirm": "on"})
    foreign.refresh_from_db()
    assert foreign.status == Status.SUBMITTED


@pytest.mark.parametrize("size", [2, 20])
def test_the_board_with_filters_keeps_its_query_count(client, django_assert_max_num_queries, size):
    framework = f.build_framework(domains=5, indicators_per_domain=size)
    assessment = f.AssessmentFactory(framework=framework)
    consultant = f.UserFactory()
    f.MembershipFactory(user=consultant, assessment=assessment, role="consultant")
    for n, indicator in enumerate(framework.indicators.all()):
        response = f.respond(assessment, indicator, status=list(Status)[n % 5])
        if n % 2:
            f.EvidenceFactory(response=response)
    client.force_login(consultant)
    url = reverse("assessments:review-board", args=[assessment.pk])
    with django_assert_max_num_queries(15):
        client.get(url, {"no_evidence": "on", "sort": "-changed", "level": "developed"})


def test_the_placement_column_follows_the_profile_rule_and_its_override(assessment, answers):
    answers["4.1.1"].placement_override = Response.Placement.WELL_DEVELOPED
    answers["4.1.1"].save()
    answers["1.1.2"].excluded_from_profile = True
    answers["1.1.2"].save()
    rows = review_board(board_context(assessment), filters={}).rows
    placed = {row.indicator.code: (row.placement, row.overridden) for row in rows}
    assert placed["1.1.1"] == (Response.Placement.WELL_DEVELOPED, False)
    assert placed["2.1.1"] == (Response.Placement.FURTHER_DEVELOPMENT, False)
    assert placed["4.1.1"] == (Response.Placement.WELL_DEVELOPED, True)
    assert placed["1.1.2"] == ("", False)  # left out of the profile
    assert placed["5.1.1"] == ("", False)  # not answered
