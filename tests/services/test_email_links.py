"""Every email the workflow sends links back with full addresses under SITE_URL."""

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.models import Response
from assessments.services import consultation, review, workflow
from assessments.services.notifications import absolute_url
from tests import factories as f
from tests.conftest import email_links

pytestmark = pytest.mark.django_db


def test_absolute_url_prefixes_site_url_and_ignores_the_request_host():
    assert absolute_url("/a/1/") == "https://mgi.example.test/a/1/"
    assert settings.SITE_URL == "https://mgi.example.test"


def test_every_email_of_a_whole_workflow_links_only_under_site_url(
    people, assessment, response, client_for, client, committed, mailoutbox
):
    consultant, focal = people["consultant"], people["focal_point"]
    with committed():
        f.answer(response, status=Response.Status.SUBMITTED)
        f.EvidenceFactory(response=response)  # a developed answer is resubmitted with its law
        workflow.response_return(response=response, reviewer=consultant, comment="Cite it.")
        review.comment_add(response=response, author=focal, text="Which article?")
        review.comment_add(response=response, author=consultant, text="Article 9.")
        workflow.response_submit(response=response, user=focal)
        assessment.stage = "consultation"
        assessment.save()
        note = consultation.profile_comment_add(
            assessment=assessment, author=people["coordinator"], section="sources", text="Typo"
        )
        consultation.profile_comment_resolve(comment=note, user=consultant, note="Fixed.")
        workflow.assessment_advance(
            assessment=assessment, actor=people["coordinator"], to_stage="validated", reason=""
        )
        client_for(people["coordinator"]).post(
            reverse("assessments:people", args=[assessment.pk]),
            {"first_name": "A", "last_name": "B", "email": "new@example.org", "institution": "X"},
        )
    client.logout()
    client.post(reverse("password_reset"), {"email": focal.email})

    subjects = {m.subject for m in mailoutbox}
    assert len(subjects) == 8, " | ".join(sorted(subjects))
    for message in mailoutbox:
        links = email_links(message)
        assert links, f"email {message.subject!r} has no link back"
        assert all(link.startswith(settings.SITE_URL + "/") for link in links), links
        assert "testserver" not in message.body
