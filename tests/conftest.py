"""Role fixtures: one assessment with a person in each role, plus an outsider."""

import re

import pytest
from django.conf import settings
from django.core import mail

from assessments.models import Membership, Response
from tests import factories as f

Role = Membership.Role


@pytest.fixture
def framework(db):
    return f.build_framework(domains=6, indicators_per_domain=2)


@pytest.fixture
def assessment(framework):
    return f.AssessmentFactory(
        framework=framework,
        country__code="KG",
        country__name="the Kyrgyz Republic",
        country__short_name="Kyrgyzstan",
    )


@pytest.fixture
def indicator(framework):
    return framework.indicators.order_by("order").first()


@pytest.fixture
def other_indicator(framework):
    return framework.indicators.order_by("-order").first()


def _member(assessment, role, username, institution=""):
    user = f.UserFactory(username=username)
    f.MembershipFactory(user=user, assessment=assessment, role=role, institution=institution)
    return user


@pytest.fixture
def focal_point(assessment, indicator):
    user = _member(assessment, Role.FOCAL_POINT, "focal", "Ministry of Labour")
    f.AssignmentFactory(membership=user.memberships.get(), subdomain=indicator.subdomain)
    return user


@pytest.fixture
def coordinator(assessment):
    return _member(assessment, Role.COORDINATOR, "coordinator", "Ministry of Foreign Affairs")


@pytest.fixture
def consultant(assessment):
    return _member(assessment, Role.CONSULTANT, "consultant", "IOM")


@pytest.fixture
def administrator(db):
    return f.UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(framework):
    """A focal point of another country's assessment."""
    other = f.AssessmentFactory(framework=framework, country__code="GE")
    return _member(other, Role.FOCAL_POINT, "outsider", "Other ministry")


@pytest.fixture
def response(assessment, indicator):
    return Response.objects.create(assessment=assessment, indicator=indicator)


@pytest.fixture
def client_for(client):
    """Log the test client in as the given user and return it."""

    def login(user):
        if user is not None:
            client.force_login(user)
        return client

    return login


# --- review (issue 5) ---
ROLES = ("focal_point", "coordinator", "consultant", "administrator", "outsider")


@pytest.fixture
def people(focal_point, coordinator, consultant, administrator, outsider):
    """Everyone of the role fixtures by role name."""
    return {
        "focal_point": focal_point,
        "coordinator": coordinator,
        "consultant": consultant,
        "administrator": administrator,
        "outsider": outsider,
    }


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs on-commit callbacks (emails) as if the transaction committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- emails link back (issue 18) ---
# A link is anything that starts like a URL or an absolute path, as a mail client would see it.
EMAIL_LINK = re.compile(r"(?:[a-z][a-z0-9+.-]*://|(?<!\S)/)\S*", re.IGNORECASE)


def email_links(message) -> list[str]:
    """Every link in an email's text."""
    return EMAIL_LINK.findall(message.body)


@pytest.fixture(autouse=True)
def emails_link_only_to_site_url():
    """Whatever a test sends, every link in every email starts with SITE_URL."""
    yield
    for message in getattr(mail, "outbox", []):
        for link in email_links(message):
            assert link.startswith(settings.SITE_URL + "/"), (
                f"email {message.subject!r} links to {link!r}, not under SITE_URL"
            )


# --- languages (issue 10) ---
@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """The .mo files are built by make, not committed: build them when a test run lacks them."""
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command

    for folder in settings.LOCALE_PATHS:
        for po in Path(folder).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                call_command("compilemessages", locale=[po.parent.parent.name], verbosity=0)
