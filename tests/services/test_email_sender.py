"""The sender's name and the subject speak the recipient's language too."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from assessments.models import Membership, UserSettings
from assessments.services import invitations
from assessments.services.notifications import notify
from tests import factories as f

pytestmark = pytest.mark.django_db


@override_settings(DEFAULT_FROM_EMAIL="MGI self-assessment <noreply@example.org>")
def test_the_sender_name_is_in_each_recipients_language(committed):
    people = {}
    for language in ("ru", "fr", "es", "en"):
        people[language] = f.UserFactory(email=f"{language}@example.org")
        UserSettings.objects.create(user=people[language], language=language)
    with committed():
        notify(users=people.values(), subject="S", body="B")
    senders = {m.to[0]: m.from_email for m in mail.outbox}
    assert senders["ru@example.org"] == "Самооценка по ИУМ <noreply@example.org>"
    assert senders["fr@example.org"] == "Auto-évaluation IGM <noreply@example.org>"
    assert senders["es@example.org"] == "Autoevaluación de los IGM <noreply@example.org>"
    assert senders["en@example.org"] == "MGI self-assessment <noreply@example.org>"
    # The encoded header names the sender in Cyrillic, not the English default.
    russian = next(m for m in mail.outbox if m.to == ["ru@example.org"])
    assert "MGI self-assessment" not in russian.message()["From"]


@override_settings(DEFAULT_FROM_EMAIL="Ministry mailer <mailer@gov.example>")
def test_a_sender_name_of_the_deployment_is_kept_as_configured(committed):
    user = f.UserFactory(email="ru2@example.org")
    UserSettings.objects.create(user=user, language="ru")
    with committed():
        notify(users=[user], subject="S", body="B")
    assert mail.outbox[0].from_email == "Ministry mailer <mailer@gov.example>"


def test_an_invitation_subject_names_the_country_in_the_recipients_language(
    committed, assessment, coordinator
):
    country = assessment.country
    country.translations = {"ru": {"name": "Кыргызская Республика", "short_name": "Кыргызстан"}}
    country.save()
    guest = f.UserFactory(email="guest@example.org")
    UserSettings.objects.create(user=guest, language="ru")
    with committed():
        invitations.person_invite(
            assessment=assessment,
            actor=coordinator,
            email="guest@example.org",
            role=Membership.Role.FOCAL_POINT,
            institution="Министерство труда",
        )
    assert "Кыргызстан" in mail.outbox[0].subject
    assert "Kyrgyzstan" not in mail.outbox[0].subject


@override_settings(DEFAULT_FROM_EMAIL="MGI self-assessment <noreply@example.org>")
def test_the_password_reset_mail_comes_from_the_sender_in_the_accounts_language(client):
    user = f.UserFactory(email="reset@example.org")
    UserSettings.objects.create(user=user, language="es")
    client.post(reverse("password_reset"), {"email": "reset@example.org"})
    assert mail.outbox[0].from_email == "Autoevaluación de los IGM <noreply@example.org>"
