"""Pages read well at every width: no word broken across lines, a one-line header at 1280 px,
and a DRAFT mark that people see and assistive technology skips."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.a11y_world import ROLES, build_world, pages_for
from tests.e2e.test_accessibility import axe_violations
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1280, 768, 375)
LANGUAGES = ("en", "ru", "fr", "es")

# The measure (../shared/tools/wordbreak.py), copied so that the suite stands alone:
# a Range per word; a word whose letters lie on more than one line box is broken. A break at a
# hyphen or a slash is not counted; nor is a text that is an address, or one marked
# .break-anywhere (file names): those are not words and may break anywhere.
BROKEN_WORDS = """() => {
  const SKIP = 'script,style,textarea,pre,code,.visually-hidden,[aria-hidden=true]';
  const ADDRESS = /^\\s*[a-z][a-z0-9+.-]*:\\/\\/\\S+\\s*$/i;
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest(SKIP)) continue;
    if (el.closest('.break-anywhere') || ADDRESS.test(node.data)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const re = /[^\\s\\-\\u2010\\u2011\\u2013\\/]+/g;
    let m;
    while ((m = re.exec(node.data))) {
      if (m[0].length < 2) continue;
      const r = document.createRange();
      r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const boxes = [...r.getClientRects()].filter(x => x.width > 0);
      const tops = new Set(boxes.map(x => Math.round(x.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# Rows stacked as cards on a narrow screen: none wider than its card.
CARD_OVERFLOW = """() => [...document.querySelectorAll('.table-stack > tbody > tr')]
  .filter((tr) => getComputedStyle(tr).display === 'block' && tr.scrollWidth > tr.clientWidth + 1)
  .map((tr) => tr.textContent.trim().slice(0, 40))"""

# The header's parts, each with its box: on one line they share a vertical centre.
HEADER_PARTS = """() => {
  const nav = document.querySelector('header nav');
  const selector = '.navbar-brand, .navbar-nav > .nav-item, form[role=search]';
  const parts = [...nav.querySelectorAll(selector)]
    .filter((el) => el.offsetParent !== null)
    .map((el) => { const r = el.getBoundingClientRect();
                   return {name: el.textContent.trim().slice(0, 30), mid: r.top + r.height / 2,
                           right: r.right}; });
  const inner = nav.firstElementChild.getBoundingClientRect();
  return {height: nav.getBoundingClientRect().height, right: inner.right - 12, parts};
}"""


def test_the_measure_finds_a_word_broken_across_lines_and_ignores_an_address(page):
    page.set_viewport_size({"width": 375, "height": 600})
    page.set_content(
        '<html lang="en"><body><p style="width:3rem;overflow-wrap:anywhere">Placement</p>'
        '<p style="width:3rem;overflow-wrap:anywhere">https://example.org/averyveryverylongpath</p>'
        '<p style="width:3rem">Well-developed and fine</p></body></html>'
    )
    assert page.evaluate(BROKEN_WORDS) == ["Placement"]


@pytest.mark.parametrize("role", ROLES)
def test_no_page_of_the_sweep_breaks_a_word_at_1280_768_or_375_px(role, page, live_server, login):
    world = build_world()
    if role != "anonymous":
        login(world.users[role], PASSWORD)
    broken = []
    for name, path in pages_for(role, world).items():
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(live_server.url + path)
        # One load per page: the narrower widths are the same page, laid out again.
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            words = page.evaluate(BROKEN_WORDS)
            if words:
                broken.append(f"{name} at {width} px: {len(words)} ({', '.join(words[:5])})")
            if cards := page.evaluate(CARD_OVERFLOW):
                broken.append(f"{name} at {width} px: cards wider than the screen: {cards[:3]}")
    assert not broken, f"{role}:\n" + "\n".join(broken)


def _choose_language(page, language: str) -> None:
    if page.locator("html").get_attribute("lang") == language:
        return
    page.locator("#language-menu").click()
    page.locator(f"#language-switcher button[value={language}]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("role", ["anonymous", "consultant"])
def test_the_header_is_one_line_at_1280_px_in_every_language(role, page, live_server, login):
    world = build_world()
    if role != "anonymous":
        login(world.users[role], PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 800})
    wrapped = {}
    for language in LANGUAGES:
        page.goto(live_server.url + reverse("assessments:published-profiles"))
        _choose_language(page, language)
        found = page.evaluate(HEADER_PARTS)
        mids = [p["mid"] for p in found["parts"]]
        # One line of the bar is about 56 px high; two lines would be over 90.
        if found["height"] > 64 or max(mids) - min(mids) > 4:
            wrapped[language] = found
        elif max(p["right"] for p in found["parts"]) > found["right"] + 1:
            wrapped[language] = found  # on one line, but running out of the bar
    page.goto(live_server.url + reverse("assessments:published-profiles"))
    _choose_language(page, "en")
    assert not wrapped, wrapped


def test_the_header_folds_below_1200_px_and_its_menus_work_from_the_keyboard(
    page, live_server, login
):
    world = build_world()
    login(world.users["consultant"], PASSWORD)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url)
    expect(page.locator("#nav")).to_be_hidden()
    toggler = page.get_by_role("button", name="Menu")
    toggler.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#nav")).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url)
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    page.locator("#account-menu").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    sign_out = page.get_by_role("button", name="Sign out")
    expect(sign_out).to_be_visible()
    page.keyboard.press("Escape")
    expect(sign_out).to_be_hidden()

    page.locator("#language-menu").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#language-switcher button:focus")).to_have_attribute("value", "ru")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("#language-menu")).to_contain_text("Русский")


def test_the_previews_draft_mark_is_seen_but_neither_read_aloud_nor_contrast_checked(
    page, live_server, login
):
    world = build_world()
    login(world.users["focal_point"], PASSWORD)
    page.goto(live_server.url + reverse("assessments:profile-preview", args=[world.assessment.pk]))
    mark = page.locator(".draft-mark")
    drawn = mark.evaluate(
        "(el) => ({text: el.textContent, word: getComputedStyle(el, '::before').content,"
        " width: el.getBoundingClientRect().width})"
    )
    assert drawn["text"] == "" and "DRAFT" in drawn["word"] and drawn["width"] > 100
    assert "DRAFT" not in page.locator("body").aria_snapshot()
    assert not [line for line in axe_violations(page) if "draft-mark" in line]
