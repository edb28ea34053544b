"""Issue 31 in a browser: a follow-up starts with its baseline's team, and carried answers are
confirmed in bulk, the one lacking evidence in the same step as its evidence, so that review
can start without a single one-by-one confirm."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from assessments.models import Assessment, Assignment, Invitation, Membership
from tests import factories as f
from tests.e2e.header import sign_out
from tests.factories import PASSWORD

Role = Membership.Role


def _baseline():
    """Kyrgyzstan 2022: a coordinator, two focal points; 1.1.2 was accepted without evidence."""
    framework = f.build_framework(domains=2, indicators_per_domain=2)
    baseline = f.AssessmentFactory(
        framework=framework,
        year=2022,
        stage=Assessment.Stage.PUBLISHED,
        country__code="KG",
        country__name="the Kyrgyz Republic",
        country__short_name="Kyrgyzstan",
    )
    for username, role, institution, sub in [
        ("coord", Role.COORDINATOR, "Ministry of Foreign Affairs", None),
        ("labour", Role.FOCAL_POINT, "Ministry of Labour", "1.1"),
        ("interior", Role.FOCAL_POINT, "Ministry of Internal Affairs", "2.1"),
    ]:
        user = f.UserFactory(username=username, first_name=username.title(), last_name="Demo")
        member = f.MembershipFactory(
            user=user, assessment=baseline, role=role, institution=institution
        )
        if sub:
            f.AssignmentFactory(
                membership=member, subdomain=framework.indicators.get(code=f"{sub}.1").subdomain
            )
    for indicator in framework.indicators.all():
        answer = f.answer_with_evidence(baseline, indicator, level="partial")
        if indicator.code == "1.1.2":
            answer.evidence.all().delete()
    f.LegalInstrumentFactory(country=baseline.country, title="Labour Code", number="414")
    iom = f.UserFactory(username="iom")
    iom.groups.add(Group.objects.get_or_create(name="consultants")[0])
    return baseline


def _accept_invitation(page, login, username):
    login(username, PASSWORD)
    page.locator("#invitations-title").wait_for()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("You now take part in")).to_be_visible()
    sign_out(page)


@pytest.mark.django_db(transaction=True)
def test_a_follow_up_carries_the_team_and_bulk_confirm_reaches_review(page, live_server, login):
    baseline = _baseline()

    # The consultant starts the follow-up; the baseline's people are offered, all ticked.
    login("iom", PASSWORD)
    page.goto(f"{live_server.url}/new/")
    page.get_by_label("Country", exact=True).select_option(label="Kyrgyzstan")
    team = page.locator("#baseline-team input[name=team]")
    expect(team).to_have_count(3)
    expect(page.locator("#baseline-team input[name=team]:checked")).to_have_count(3)
    page.locator("#baseline-team li[data-member='interior@example.org'] input").uncheck()
    page.get_by_label("Edition (English, working language)").fill("Third profile 2026")
    page.get_by_role("button", name="Create the assessment and invite the coordinator").click()
    expect(page.get_by_text("Follow-up of Second profile 2022")).to_be_visible()
    follow_up = Assessment.objects.get(country__code="KG", year=2026)
    invited = set(Invitation.objects.filter(assessment=follow_up).values_list("user__username"))
    assert invited == {("coord",), ("labour",)}
    sign_out(page)

    _accept_invitation(page, login, "coord")
    _accept_invitation(page, login, "labour")
    # The focal point's assignments came with the invitation.
    assert list(
        Assignment.objects.filter(membership__assessment=follow_up).values_list(
            "membership__user__username", "subdomain__code"
        )
    ) == [("labour", "1.1")]
    login("iom", PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/stage/")
    page.get_by_role("button", name="Move to Data collection").click()
    sign_out(page)

    # The focal point confirms their carried answers at once; 1.1.2 is skipped with the reason.
    login("labour", PASSWORD)
    group = page.locator(f"#carried-{follow_up.pk}")
    expect(group.locator("[data-count=carried]")).to_have_text("2")
    expect(group.locator("[data-count=refused]")).to_have_text("1")
    group.get_by_role("link", name="Confirm carried answers…").click()
    expect(page.locator("#confirm-ready li")).to_have_count(1)
    expect(page.locator("#confirm-refused li[data-code='1.1.2']")).to_contain_text("evidence")
    page.get_by_role("button", name="Confirm the ticked answers unchanged and submit").click()
    expect(page.get_by_text("1 answer confirmed unchanged and submitted.")).to_be_visible()

    # It is asked for the missing evidence, adds it, and that confirms the answer too.
    page.locator("#confirm-refused").get_by_role("link", name="1.1.2").click()
    expect(page.locator("#carried-refusal")).to_contain_text("needs evidence")
    form = page.locator("#confirm-evidence")
    form.get_by_label("Legal instrument", exact=True).select_option(label="Labour Code (No. 414)")
    form.get_by_role("button", name="Add the evidence, confirm unchanged and submit").click()
    expect(page.get_by_text("Evidence added; confirmed unchanged and submitted.")).to_be_visible()
    sign_out(page)

    # The coordinator confirms the rest (nobody was brought for them), then review starts.
    login("coord", PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/carried/confirm/")
    expect(page.locator("#confirm-ready li")).to_have_count(2)
    page.get_by_role("button", name="Confirm the ticked answers unchanged and submit").click()
    expect(page.get_by_text("2 answers confirmed unchanged and submitted.")).to_be_visible()
    sign_out(page)
    assert set(follow_up.responses.values_list("status", "carry_state")) == {
        ("submitted", "confirmed")
    }

    login("iom", PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/stage/")
    page.get_by_role("button", name="Move to Review").click()
    page.wait_for_load_state("networkidle")
    follow_up.refresh_from_db()
    assert follow_up.stage == "review"
    assert follow_up.baseline == baseline
