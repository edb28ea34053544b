"""PNGs of the busiest pages, to look at: `screenshots --base http://127.0.0.1:8000`.

The board, the assessment page, the indicator page and the header, at 1280 and 375 px, in
every interface language, from a running server on the demo data (`make screenshots` starts
one). Needs Playwright (dev requirements) and Chromium.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.models import Assessment

WIDTHS = (1280, 375)
DEMO_PASSWORD = "mgi-demo-2022"  # published in the README, as load_demo prints it


def _shots(assessment: Assessment) -> dict[str, tuple[str, str, str]]:
    """Name -> (user, path, what to capture: "page" or a CSS selector)."""
    a = assessment.pk
    return {
        "board": ("consultant", f"/a/{a}/review/", "page"),
        "assessment": ("consultant", f"/a/{a}/", "page"),
        "indicator": ("labour", f"/a/{a}/i/1.1.1/", "page"),
        "header": ("consultant", f"/a/{a}/", "header"),
    }


class Command(BaseCommand):
    help = "Save PNGs of the board, assessment, indicator page and header per width and language."

    def add_arguments(self, parser):
        parser.add_argument("--base", default=settings.SITE_URL, help="The running server.")
        parser.add_argument("--out", default="screenshots", help="Folder for the PNGs.")
        parser.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args, base: str, out: str, password: str, **options):
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:
            raise CommandError("Playwright is a dev requirement: pip install it first.") from exc
        assessment = Assessment.objects.filter(country__code="KG", year=2022).first()
        if assessment is None:
            raise CommandError("No demo data: run `manage.py load_demo` first.")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        shots = _shots(assessment)
        languages = [code for code, _name in settings.LANGUAGES]
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        saved = 0
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for user in sorted({user for user, _path, _what in shots.values()}):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                self._sign_in(page, base, user, password)
                for language in languages:
                    self._choose_language(page, base, language)
                    for name, (who, path, what) in shots.items():
                        if who != user:
                            continue
                        for width in WIDTHS:
                            page.set_viewport_size({"width": width, "height": 900})
                            page.goto(base + path)
                            target = folder / f"{name}-{width}-{language}.png"
                            if what == "page":
                                page.screenshot(path=target, full_page=True)
                            else:
                                page.locator(what).first.screenshot(path=target)
                            saved += 1
                        page.set_viewport_size({"width": 1280, "height": 900})
                self._choose_language(page, base, "en")  # leave the demo user as found
                page.close()
            browser.close()
        self.stdout.write(f"{saved} screenshots saved in {folder}/")

    def _sign_in(self, page, base: str, user: str, password: str) -> None:
        page.goto(base + "/accounts/login/")
        page.fill("input[name=username]", user)
        page.fill("input[name=password]", password)
        page.click("form[action='/accounts/login/'] button[type=submit]")
        page.wait_for_load_state()
        if "/accounts/login/" in page.url:
            raise CommandError(f"Could not sign in as {user}.")

    def _choose_language(self, page, base: str, language: str) -> None:
        """Through the header's language menu, as a person would."""
        page.goto(base + "/")
        if page.locator("html").get_attribute("lang") == language:
            return
        page.click("#language-menu")
        page.click(f"#language-switcher button[value={language}]")
        page.wait_for_load_state()
