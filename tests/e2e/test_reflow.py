"""At 320 CSS pixels (400 % zoom) the busiest pages reflow: no sideways scrolling of the page."""

import pytest
from django.urls import reverse

from tests.e2e.a11y_world import build_world
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_indicator_review_board_and_registry_need_no_horizontal_page_scroll_at_320px(
    page, live_server, login
):
    world = build_world()
    a = world.assessment
    page.set_viewport_size({"width": 320, "height": 640})
    pages = {
        "focal": {
            "indicator page": reverse(
                "assessments:response-edit", args=[a.pk, world.codes["draft"]]
            ),
            "registry list": reverse("assessments:instrument-list", args=[a.country.code]),
        },
        "consultant": {"review board": reverse("assessments:review-board", args=[a.pk])},
    }
    overflow = {}
    for username, paths in pages.items():
        page.context.clear_cookies()
        login(username, PASSWORD)
        for name, path in paths.items():
            page.goto(live_server.url + path)
            if name == "indicator page":
                # The evidence form is the widest part: opened, or already open beside the
                # confirm of a carried answer that lacks evidence (the world's draft is one).
                summary = page.locator("#add-evidence > summary")
                if summary.count():
                    summary.click()
                assert page.locator("form[action$='/evidence/']").first.is_visible()
            assert page.evaluate("document.documentElement.clientWidth") == 320
            overflow[name] = page.evaluate(SIDEWAYS)
    assert overflow == {"indicator page": 0, "registry list": 0, "review board": 0}


def test_the_profile_preview_stacks_its_side_by_side_boxes_at_320px(page, live_server, login):
    world = build_world()
    page.set_viewport_size({"width": 320, "height": 640})
    login("consultant", PASSWORD)
    page.goto(live_server.url + reverse("assessments:profile-preview", args=[world.assessment.pk]))
    # Side by side, the boxes overflowed a phone once their words were long (Russian texts).
    first, second = (page.locator(".migof-column").nth(i).bounding_box() for i in range(2))
    assert second["y"] >= first["y"] + first["height"]
    assert second["width"] == first["width"]
    assert page.evaluate(SIDEWAYS) == 0
