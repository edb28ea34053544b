"""A focal point completes an indicator with the keyboard alone, in a sensible focus order."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Response
from tests.e2e.a11y_world import build_world
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

# What has focus, as a reader would name it: the element and its id, name or text.
FOCUSED = """() => {
  const e = document.activeElement;
  const name = e.id || e.getAttribute("name") || (e.innerText || "").trim().split("\\n")[0];
  return e.tagName.toLowerCase() + ":" + name;
}"""


def tab_until(page, target: str, limit: int = 40, key: str = "Tab") -> list[str]:
    """Press Tab until `target` has focus; returns every stop on the way, target included."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stops.append(page.evaluate(FOCUSED))
        if stops[-1] == target:
            return stops
    raise AssertionError(f"never reached {target}: {stops}")


def test_focal_point_completes_an_indicator_with_the_keyboard_alone(page, live_server, login):
    world = build_world()
    a, code = world.assessment, world.codes["not_started"]
    login("focal", PASSWORD)
    page.goto(live_server.url + reverse("assessments:response-edit", args=[a.pk, code]))
    options = page.locator("input[name=option]")
    first, second = options.nth(0).get_attribute("id"), options.nth(1).get_attribute("id")

    # The first stop is the skip link; following it lands in the main content.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "a:Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED) == "main:main"
    assert tab_until(page, f"input:{first}") == [
        "a:My work",
        f"a:{a}",
        "a:History",
        "summary:Guidance: what evidence answers this",
        f"input:{first}",
    ]

    # Arrow keys move through the radio group and choose; Tab leaves it for the finding.
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"#{second}")).to_be_checked()
    assert tab_until(page, "textarea:id_finding") == ["textarea:id_finding"]
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Law No. 4 guarantees this right.")
    expect(page.locator("#save-status")).to_contain_text("Saved", timeout=10_000)

    # Add a piece of evidence found in the registry.
    stops = tab_until(page, "summary:Add evidence")
    assert stops[:2] == ["button:action", "button:action"]  # Save, then Save and submit
    page.keyboard.press("Enter")
    assert tab_until(page, "input:instrument-search") == ["input:instrument-search"]
    page.keyboard.type("Labour")
    assert tab_until(page, "select:id_instrument") == ["select:id_instrument"]
    expect(page.locator("#id_instrument option:checked")).to_have_text("Labour Code (No. 414)")
    stops = tab_until(page, "input:id_locator")
    assert stops == [
        "summary:Not in the registry? Add a new instrument",
        "select:id_source",
        "summary:Add a new source (report, website, statistics)",
        "input:id_locator",
    ]
    page.keyboard.type("Article 12")
    tab_until(page, "button:Add evidence")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Evidence added.")).to_be_visible()
    expect(page.locator("#evidence")).to_contain_text("Labour Code")

    # The page comes back at the evidence; Shift+Tab leads back up to "Save and submit".
    assert page.url.endswith("#evidence")
    stops = tab_until(page, "button:action", key="Shift+Tab")
    assert stops[-2:] == [f"a:{world.codes['draft']} →", "button:action"]
    assert page.evaluate("document.activeElement.innerText") == "Save and submit for review"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Submitted")

    response = Response.objects.get(assessment=a, indicator__code=code)
    assert response.status == Response.Status.SUBMITTED
    assert response.finding == "Law No. 4 guarantees this right."
    assert response.option.key == "partial"
    assert [e.locator for e in response.evidence.all()] == ["Article 12"]
