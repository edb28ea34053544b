"""The shipped MGI framework: complete, consistent and in our own words."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from assessments.models import Domain, Framework, Indicator, Level

# One worker, so that the module loads the framework once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("framework")]

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "001_50f2aea91ede881b.txt"
OUTLINE = Path(settings.BASE_DIR) / "fixtures" / "framework" / "outline.txt"


@pytest.fixture(scope="module")
def framework_loaded(django_db_setup, django_db_blocker):
    """Loaded once for the module, in a transaction rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_framework", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def loaded(framework_loaded, db):
    """Each test runs in its own savepoint inside the module's transaction."""


def test_national_framework_has_six_domains_and_85_to_95_unique_indicators(loaded):
    national = Framework.objects.get(slug="mgi-national")
    assert list(national.domains.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    codes = list(national.indicators.values_list("code", flat=True))
    assert 85 <= len(codes) <= 95
    assert len(codes) == len(set(codes))


def test_codes_follow_the_outline(loaded):
    outline = re.findall(r"^(\d\.\d\.\d) ", OUTLINE.read_text(), flags=re.M)
    national = Framework.objects.get(slug="mgi-national")
    assert list(national.indicators.order_by("order").values_list("code", flat=True)) == outline


def test_covid_module_has_twelve_questions(loaded):
    assert Indicator.objects.filter(framework__slug="covid19").count() == 12


def test_every_indicator_has_a_developed_and_a_non_developed_option(loaded):
    for indicator in Indicator.objects.prefetch_related("options"):
        levels = {o.level for o in indicator.options.all()}
        assert Level.DEVELOPED in levels, indicator.code
        assert levels & {Level.PARTIAL, Level.ABSENT}, indicator.code
        assert 2 <= len(levels) <= 5, indicator.code
        for option in indicator.options.all():
            assert "{short_name}" in option.statement_template, (indicator.code, option.key)


def test_domains_carry_the_migof_wording(loaded):
    domain = Domain.objects.get(framework__slug="mgi-national", number=6)
    assert (
        domain.migof_text
        == "Ensure that migration takes place in a safe, orderly and dignified manner"
    )
    assert domain.migof_kind == Domain.MigofKind.OBJECTIVE


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not SEED.exists(), reason="the seed profile is not beside the repository")
def test_no_indicator_text_is_copied_from_the_seed(loaded):
    seed = _shingles(SEED.read_text(encoding="utf-8"), 10)
    for indicator in Indicator.objects.prefetch_related("options"):
        texts = [indicator.question, indicator.guidance] + [
            o.statement_template for o in indicator.options.all()
        ]
        for text in texts:
            assert not (_shingles(text, 10) & seed), (indicator.code, text)


def test_loading_again_changes_nothing(loaded, capsys):
    call_command("load_framework")
    out = capsys.readouterr().out
    assert "0 created, 0 updated" in out and "0 removed" in out
