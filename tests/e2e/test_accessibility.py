"""axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page each role can open, under the CSP."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.a11y_world import ROLES, build_world, pages_for
from tests.factories import PASSWORD

AXE = Axe()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe files these under best practice, but the issue asks for them: one h1, ordered headings,
# landmarks, a skip link.
STRUCTURE = [
    "page-has-heading-one",
    "heading-order",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-unique",
    "region",
    "skip-link",
    "empty-heading",
]


def watch_console(page) -> list[str]:
    """Console errors of the page, CSP violations included (Chromium logs them as errors)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


def axe_violations(page) -> list[str]:
    """One line per failing element: rule, what it means, where."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    # One run over the rules of the WCAG tags plus the structural ones.
    found = page.evaluate(
        """([tags, extra]) => {
          const rules = axe.getRules(tags).map((r) => r.ruleId).concat(extra);
          return axe.run(document, {runOnly: {type: "rule", values: rules}})
            .then((r) => r.violations);
        }""",
        [TAGS, STRUCTURE],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {' '.join(map(str, node['target']))}"
        for v in found
        for node in v["nodes"]
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_of_each_role_passes_axe_under_the_csp_with_no_console_error(
    role, page, live_server, login
):
    world = build_world()
    errors = watch_console(page)
    if role != "anonymous":
        login(world.users[role], PASSWORD)
    problems = []
    for name, path in pages_for(role, world).items():
        errors.clear()
        response = page.goto(live_server.url + path)
        if response.status != 200:
            problems.append(f"{name} ({path}): status {response.status}")
            continue
        if "script-src 'self'" not in response.headers.get("content-security-policy", ""):
            problems.append(f"{name} ({path}): no Content-Security-Policy header")
        problems += [f"{name} ({path}): {line}" for line in axe_violations(page)]
        problems += [f"{name} ({path}): console: {text}" for text in errors]
    # Late requests (icons) of the last page report their errors too; those of earlier pages
    # arrive during the next page's checks, whose lines give their address.
    errors.clear()
    page.wait_for_load_state("networkidle")
    problems += [f"after the sweep: console: {text}" for text in errors]
    assert not problems, f"{role}:\n" + "\n".join(problems)


def test_the_sweep_names_the_rule_and_the_element_of_a_violation(page):
    page.set_content(
        '<html lang="en"><title>t</title><body><main><h1>Title</h1>'
        '<p id="faint" style="color:#aaa">Faint text</p><input id="nameless"></main></body></html>'
    )
    lines = axe_violations(page)
    assert any(line.startswith("color-contrast (serious)") and "#faint" in line for line in lines)
    assert any(line.startswith("label (critical)") and "#nameless" in line for line in lines)
