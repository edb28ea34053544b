"""Role × URL sweep: every GET answers without error, writes no row, and carries the
privacy headers (Cache-Control on signed-in pages and downloads)."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import URLPattern, reverse

from assessments.models import Evidence, Membership
from assessments.urls import urlpatterns
from tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "focal_point", "coordinator", "consultant", "administrator", "outsider"]
PUBLIC_PAGES = [
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "signed-out",
]


@pytest.fixture
def world(assessment, indicator, focal_point, coordinator, consultant, administrator, outsider):
    response = f.respond(assessment, indicator, status="submitted")
    evidence = f.EvidenceFactory(response=response)
    evidence.file.save("law.pdf", ContentFile(b"%PDF-1.4\n1 0 obj <<>> endobj\n"), save=True)
    Evidence.objects.filter(pk=evidence.pk).update(file_type="application/pdf")
    comment = f.CommentFactory(response=response, author=consultant)
    version = f.ProfileVersionFactory(assessment=assessment, number=1)
    # The second indicator of the focal point's sub-domain has no response row yet.
    unanswered = assessment.framework.indicators.filter(subdomain=indicator.subdomain).last()
    assert not assessment.responses.filter(indicator=unanswered).exists()
    args = {
        "pk": assessment.pk,
        "code": unanswered.code,
        "evidence_pk": evidence.pk,
        "comment_pk": comment.pk,
        "number": version.number,
        "version": 1,
        "instrument_pk": evidence.instrument_id,
        "other_pk": f.LegalInstrumentFactory(country=assessment.country).pk,
        "member_pk": coordinator.memberships.get().pk,
        "token": "not-a-token",
        "fmt": "csv",
    }
    users = {
        "anonymous": None,
        "focal_point": focal_point,
        "coordinator": coordinator,
        "consultant": consultant,
        "administrator": administrator,
        "outsider": outsider,
    }
    return {"args": args, "users": users, "country": assessment.country.code}


def get_urls(world) -> list[str]:
    """Every URL of the app, its parameters filled from the world."""
    urls = []
    for pattern in urlpatterns:
        assert isinstance(pattern, URLPattern)
        names = list(pattern.pattern.converters)
        kwargs = {n: world["args"][n] for n in names}
        if pattern.name.startswith("instrument-"):
            kwargs["code"] = world["country"]
        urls.append(reverse(f"assessments:{pattern.name}", kwargs=kwargs))
    return urls + [reverse(name) for name in PUBLIC_PAGES]


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.mark.parametrize("who", ROLES)
def test_every_get_writes_nothing_and_sends_the_privacy_headers(client, world, who):
    user = world["users"][who]
    if user is not None:
        client.force_login(user)
    before = row_counts()
    for url in get_urls(world):
        page = client.get(url)
        assert page.status_code < 500, url
        assert page.headers["Permissions-Policy"].startswith("accelerometer=()"), url
        assert page.headers["Cross-Origin-Opener-Policy"] == "same-origin", url
        private = user is not None or page.has_header("Content-Disposition")
        if private:
            cache = page.headers.get("Cache-Control", "")
            assert "private" in cache and "no-store" in cache, (url, cache)
        assert row_counts() == before, url


def test_the_sweep_reaches_the_indicator_page_of_an_unanswered_indicator(client, world):
    """Guards the sweep itself: the consultant's GET is a real 200, not a refusal."""
    client.force_login(world["users"]["consultant"])
    url = reverse("assessments:response-edit", args=[world["args"]["pk"], world["args"]["code"]])
    assert client.get(url).status_code == 200
    assert Membership.objects.filter(user=world["users"]["consultant"]).exists()


def test_the_first_save_creates_the_response_row(client, world, assessment):
    client.force_login(world["users"]["focal_point"])
    code = world["args"]["code"]
    indicator = assessment.framework.indicators.get(code=code)
    url = reverse("assessments:response-edit", args=[assessment.pk, code])
    option = indicator.options.first()
    saved = client.post(url, {"option": option.pk, "finding": "A finding.", "version": 0})
    assert saved.status_code == 302
    response = assessment.responses.get(indicator=indicator)
    assert response.option == option
    assert response.version == 1
