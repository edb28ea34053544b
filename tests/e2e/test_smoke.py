from django.core.management import call_command
from playwright.sync_api import expect

DEMO_PASSWORD = "mgi-demo-2022"  # stated in the README and fixtures/demo/people.yaml


def test_login_page_renders_and_a_demo_user_can_sign_in(
    page, live_server, login, transactional_db, settings
):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_demo", verbosity=0)
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    login("labour", DEMO_PASSWORD)

    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    expect(page.get_by_text("Kyrgyzstan – Second profile 2022")).to_be_visible()
    # Finished domains are folded on My work (issue 19): the item is there, inside <details>.
    expect(page.get_by_text("1.1.1 Health care for all migrants").first).to_be_attached()
