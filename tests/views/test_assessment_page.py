"""The assessment page leads with one next step for the person and stage, then grouped links."""

import re

import pytest
from django.urls import reverse

from assessments.models import Assessment, Response
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = Response.Status
Stage = Assessment.Stage


def _next_step(client, assessment) -> tuple[str, str]:
    """(label, address) of the page's one primary action."""
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert html.count("btn btn-primary") == 1, "one primary action, no more"
    found = re.search(r'<a class="btn btn-primary" href="([^"]+)">([^<]+)</a>', html)
    return found[2], found[1].replace("&amp;", "&")


def _second(framework):
    """The focal point's other indicator (the fixture assigns the first sub-domain, two)."""
    return framework.indicators.order_by("order")[1]


def test_a_focal_point_is_led_to_submit_the_remaining_answers(
    focal_point, client_for, assessment, indicator, framework
):
    f.respond(assessment, _second(framework), status=Status.DRAFT)
    label, url = _next_step(client_for(focal_point), assessment)
    assert label == "Submit the 2 remaining answers"
    assert url == reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    f.respond(assessment, indicator, status=Status.SUBMITTED)
    assert _next_step(client_for(focal_point), assessment)[0] == "Submit the remaining answer"


def test_a_returned_answer_comes_before_the_remaining_ones(
    focal_point, client_for, assessment, framework
):
    f.respond(assessment, _second(framework), status=Status.RETURNED)
    label, url = _next_step(client_for(focal_point), assessment)
    assert label == "Revise the returned answer"
    assert url.endswith(f"/i/{_second(framework).code}/")


def test_a_consultant_is_led_to_the_answers_waiting_for_review(
    consultant, client_for, assessment, framework
):
    for indicator in framework.indicators.order_by("order")[:5]:
        f.respond(assessment, indicator, status=Status.SUBMITTED)
    label, url = _next_step(client_for(consultant), assessment)
    assert label == "Review the 5 waiting answers"
    assert url == reverse("assessments:review-board", args=[assessment.pk]) + "?status=submitted"


@pytest.mark.parametrize(
    ("stage", "who", "label"),
    [
        (Stage.REVIEW, "consultant", "Start the consultation"),
        (Stage.CONSULTATION, "coordinator", "Validate the profile"),
        (Stage.CONSULTATION, "consultant", "Read the comments on the draft profile"),
    ],
)
def test_the_next_stage_is_the_next_step_once_nothing_waits(
    stage, who, label, request, client_for, assessment
):
    user = request.getfixturevalue(who)
    assessment.stage = stage
    assessment.save()
    assert _next_step(client_for(user), assessment)[0] == label


def test_cancel_stands_apart_under_settings_after_the_other_links(
    consultant, client_for, assessment
):
    html = client_for(consultant).get(assessment.get_absolute_url()).content.decode()
    groups = re.findall(r'<h2 class="h6" id="sections-(\w+)">', html)
    assert groups == ["work", "profile", "data", "settings"]
    settings = html.split('id="sections-settings"')[1].split("</section>")[0]
    cancel = reverse("assessments:assessment-cancel", args=[assessment.pk])
    assert f'href="{cancel}"' in settings
    assert settings.index("People") < settings.index("border-top") < settings.index(cancel)
    assert html.count(f'href="{cancel}"') == 1
