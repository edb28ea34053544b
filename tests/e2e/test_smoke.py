from playwright.sync_api import expect

from tests.factories import PASSWORD, MembershipFactory, UserFactory


def test_login_page_renders_and_a_member_can_sign_in(page, live_server, login, transactional_db):
    membership = MembershipFactory(user=UserFactory(username="coordinator"), role="coordinator")
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    login("coordinator", PASSWORD)

    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    expect(page.get_by_text(str(membership.assessment))).to_be_visible()
