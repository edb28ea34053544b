"""Issue 24 §6-7 and issue 23: the invite form tells nobody whether an account exists, an
account is made only when its invitation is accepted, which signs the person in; invitations
and reset links last 7 days and work once; 50 invitations a day at most."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.exceptions import ApplicationError
from assessments.models import AuditEntry, Invitation, Membership
from assessments.services import invitations
from tests import factories as f

pytestmark = pytest.mark.django_db
Role = Membership.Role
User = get_user_model()
NEW_PASSWORD = "a-long-new-password-24"


def _invite(client, assessment, email):
    url = reverse("assessments:people", args=[assessment.pk])
    data = {"first_name": "Aida", "last_name": "Osmonova", "institution": "MoL", "email": email}
    return client.post(url, {**data, "role": Role.FOCAL_POINT}, follow=True)


def _message(page) -> str:
    return re.sub(r"\s+", " ", " ".join(str(m) for m in page.context["messages"]))


def test_the_invite_form_answers_the_same_whether_or_not_an_account_exists(
    client_for, coordinator, assessment, committed
):
    f.UserFactory(username="known", email="known@gov.kg", first_name="Secret", last_name="Name")
    client = client_for(coordinator)
    with committed():
        known = _invite(client, assessment, "known@gov.kg")
        unknown = _invite(client, assessment, "unknown@gov.kg")
    assert _message(known).replace("known@", "X@") == _message(unknown).replace("unknown@", "X@")
    assert known.status_code == unknown.status_code == 200
    # The people page shows what the coordinator typed, not the account's own name.
    assert "Secret" not in unknown.content.decode()
    assert not User.objects.filter(email="unknown@gov.kg").exists()
    assert not assessment.memberships.filter(user__email__in=["known@gov.kg", "unknown@gov.kg"])
    assert sorted(m.to[0] for m in mail.outbox) == ["known@gov.kg", "unknown@gov.kg"]


def test_accepting_creates_the_account_signs_it_in_and_lands_on_the_assessment(
    client, coordinator, assessment, committed
):
    with committed():
        invitation = invitations.person_invite(
            assessment=assessment,
            actor=coordinator,
            email="New.Person@gov.kg",
            role=Role.FOCAL_POINT,
            first_name="Aida",
            last_name="Osmonova",
        )
    url = reverse("assessments:invitation", args=[invitation.token])
    assert url in mail.outbox[0].body and "7 days" in mail.outbox[0].body
    page = client.get(url).content.decode()
    assert "new.person@gov.kg" in page and "Accept and set my password" in page
    short = {"answer": "accept", "new_password1": "short-pw", "new_password2": "short-pw"}
    assert client.post(url, short).status_code == 200
    assert not User.objects.filter(email="new.person@gov.kg").exists()

    data = {"answer": "accept", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    landed = client.post(url, data, follow=True)
    assert landed.redirect_chain[-1][0] == assessment.get_absolute_url()
    user = User.objects.get(email="new.person@gov.kg")
    assert (user.first_name, user.last_name) == ("Aida", "Osmonova")
    assert user.username != user.email and len(user.username) <= 150
    assert int(client.session["_auth_user_id"]) == user.pk
    assert assessment.memberships.get(user=user).role == Role.FOCAL_POINT
    assert "Your password is set" in landed.content.decode()

    # The link worked once: a second use creates nothing and changes nothing.
    assert "already been answered" in client.get(url).content.decode()
    client.logout()
    assert client.get(url)["Location"].startswith(reverse("login"))
    assert User.objects.filter(email__iexact="new.person@gov.kg").count() == 1
    # Then the person signs in with their email, in any case.
    signed = client.post(
        reverse("login"), {"username": "NEW.person@gov.kg", "password": NEW_PASSWORD}
    )
    assert signed.status_code == 302


def test_an_existing_account_must_sign_in_to_answer(client, client_for, consultant, assessment):
    invited = f.UserFactory(username="invited")
    invitation = invitations.person_invite(
        assessment=assessment, actor=consultant, email=invited.email, role=Role.FOCAL_POINT
    )
    url = reverse("assessments:invitation", args=[invitation.token])
    assert client.get(url)["Location"].startswith(reverse("login"))
    assert client_for(f.UserFactory(username="someone-else")).get(url).status_code == 404


def test_an_invitation_expires_after_seven_days(client, coordinator, assessment):
    invitation = invitations.person_invite(
        assessment=assessment, actor=coordinator, email="late@gov.kg", role=Role.FOCAL_POINT
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )
    url = reverse("assessments:invitation", args=[invitation.token])
    assert "expired" in client.get(url).content.decode()
    data = {"answer": "accept", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    client.post(url, data)
    assert not User.objects.filter(email="late@gov.kg").exists()
    # An expired invitation does not stop a new one.
    invitations.person_invite(
        assessment=assessment, actor=coordinator, email="late@gov.kg", role=Role.FOCAL_POINT
    )


def test_a_coordinator_sends_at_most_fifty_invitations_a_day(coordinator, assessment):
    for n in range(invitations.INVITATIONS_PER_DAY):
        invitations.person_invite(
            assessment=assessment, actor=coordinator, email=f"p{n}@gov.kg", role=Role.FOCAL_POINT
        )
    with pytest.raises(ApplicationError, match="50 invitations"):
        invitations.person_invite(
            assessment=assessment, actor=coordinator, email="one-more@gov.kg", role="focal_point"
        )
    assert Invitation.objects.count() == invitations.INVITATIONS_PER_DAY


def test_two_invitations_to_one_new_address_wait_for_the_account_made_by_the_first(
    coordinator, consultant, assessment, framework
):
    other = f.AssessmentFactory(framework=framework, country__code="TJ")
    f.MembershipFactory(assessment=other, user=consultant, role=Role.CONSULTANT)
    first = invitations.person_invite(
        assessment=assessment, actor=coordinator, email="both@gov.kg", role=Role.FOCAL_POINT
    )
    second = invitations.person_invite(
        assessment=other, actor=consultant, email="both@gov.kg", role=Role.COORDINATOR
    )
    user = invitations.invitation_accept_new(invitation=first, password=NEW_PASSWORD)
    second.refresh_from_db()
    assert second.user == user and second.is_open
    invitations.invitation_accept(invitation=second, user=user)
    assert other.memberships.get(user=user).role == Role.COORDINATOR


def test_a_reset_link_works_once_and_for_seven_days(client, settings):
    assert settings.PASSWORD_RESET_TIMEOUT == 7 * 24 * 3600
    user = f.UserFactory(username="resetter", email="resetter@example.org")
    link = invitations.password_link(user).removeprefix(settings.SITE_URL)
    form = client.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    landed = client.post(set_url, data, follow=True)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Setting the password signs the person in and lands them on My work.
    assert landed.redirect_chain[-1][0] == reverse("assessments:my-work")
    assert int(client.session["_auth_user_id"]) == user.pk
    client.logout()
    again = client.get(link, follow=True)
    assert again.context["validlink"] is False


def test_a_new_address_may_decline_and_no_account_is_made(client, coordinator, assessment):
    invitation = invitations.person_invite(
        assessment=assessment, actor=coordinator, email="no.thanks@gov.kg", role=Role.FOCAL_POINT
    )
    url = reverse("assessments:invitation", args=[invitation.token])
    assert client.post(url, {"answer": "decline"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.declined_at is not None and not invitation.is_open
    assert not User.objects.filter(email="no.thanks@gov.kg").exists()
    assert AuditEntry.objects.filter(action="invitation.decline", reason="no.thanks@gov.kg")


def test_a_russian_invitation_names_the_page_as_the_menu_does_and_reads_as_one_sentence(
    client, coordinator, assessment, committed
):
    assessment.language = "ru"
    assessment.save(update_fields=["language"])
    with committed():
        invitation = invitations.person_invite(
            assessment=assessment,
            actor=coordinator,
            email="new.person@gov.kg",
            role=Role.FOCAL_POINT,
            first_name="Aida",
            last_name="Osmonova",
            institution="Минтруд",
        )
    assert "«Мои задачи»" in mail.outbox[0].body  # the header menu's name for that page
    client.post(reverse("assessments:language-set"), {"language": "ru", "next": "/"})
    page = client.get(reverse("assessments:invitation", args=[invitation.token])).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "в качестве: контактное лицо (Минтруд)." in text
