"""Emails go out in each recipient's language."""

import pytest
from django.core import mail
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments.models import Invitation, Membership, UserSettings
from assessments.services import invitations
from assessments.services.notifications import notify
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_each_recipient_gets_the_email_in_their_language(committed):
    russian = f.UserFactory(email="ru@example.org")
    UserSettings.objects.create(user=russian, language="ru")
    english = f.UserFactory(email="en@example.org")  # no preference: the site's language
    with committed():
        notify(
            users=[russian, english],
            subject=lambda: f"[{get_language()}] " + _("Profile"),
            body=lambda: _("Published profiles"),
        )
    sent = {m.to[0]: (m.subject, m.body) for m in mail.outbox}
    assert sent["ru@example.org"] == ("[ru] Профиль", "Опубликованные профили")
    assert sent["en@example.org"] == ("[en] Profile", "Published profiles")


def test_plain_texts_are_still_sent_as_they_are(committed):
    user = f.UserFactory(email="x@example.org")
    with committed():
        notify(users=[user], subject="Subject", body="Body")
    assert (mail.outbox[0].subject, mail.outbox[0].body) == ("Subject", "Body")


def test_an_invitation_reaches_an_existing_account_in_its_own_language(
    committed, assessment, coordinator
):
    guest = f.UserFactory(email="guest@example.org")
    UserSettings.objects.create(user=guest, language="fr")
    with committed():
        invitations.person_invite(
            assessment=assessment,
            actor=coordinator,
            email="guest@example.org",
            role=Membership.Role.FOCAL_POINT,
            institution="Ministère",
        )
    assert get_language() == "en"  # the coordinator's page stays in English
    # The country in the reader's language: its listed name where none was typed (issue 31).
    assert mail.outbox[0].subject == "Vous êtes invité(e) à l’évaluation des IGM (Kirghizstan)"


def test_a_new_account_starts_in_the_working_language_of_its_assessment(
    committed, assessment, coordinator
):
    assessment.language = "ru"
    assessment.save()
    with committed():
        invitations.person_invite(
            assessment=assessment,
            actor=coordinator,
            email="new@gov.kg",
            role=Membership.Role.FOCAL_POINT,
            institution="Министерство",
        )
    # The invitation is in the working language; so is the account made when it is accepted.
    invitation = Invitation.objects.get(email="new@gov.kg")
    assert mail.outbox[0].subject == "Приглашение к участию в оценке по ИУМ: Киргизия"
    assert invitation.get_absolute_url() in mail.outbox[0].body
    invitations.invitation_accept_new(invitation=invitation, password="long-enough-pass-2024")
    assert UserSettings.objects.get(user__email="new@gov.kg").language == "ru"
