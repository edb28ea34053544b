"""Emails go out in each recipient's language."""

import pytest
from django.core import mail
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments.models import UserSettings
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
