"""The Kyrgyz 2022 demo's summary of updates: the consultant's wording, and the draft beneath."""

import re

import pytest

from assessments.models import Assessment, LegalInstrument
from assessments.report.build import profile_build
from assessments.text import sentences
from tests.demo.test_demo_data import SEED, _words

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

# Per domain, the key facts of the published profile's summary: each printed once, there.
KEY_FACTS = {
    "en": {
        1: ["Law No. 89", "compatriots with foreign citizenship", "Agreement on Pension Provision"],
        2: ["Migration Policy Concept for 2021–2030"],
        3: ["Council for Relations with Compatriots Abroad"],
        4: ["yearly quota for foreign workers"],
    },
    "ru": {
        1: ["Закон № 89", "соотечественник, имеющий иностранное гражданство", "ЕАЭС 2019 года"],
        2: ["Концепцию миграционной политики на 2021–2030 годы"],
        3: ["Совет по делам соотечественников за рубежом"],
        4: ["ежегодной квоты на привлечение иностранной рабочей силы"],
    },
}


def _kg2022():
    return Assessment.objects.get(country__code="KG", year=2022)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_demo_summary_names_each_change_of_the_published_profile_once(loaded, language):
    updates = profile_build(_kg2022(), language=language).updates
    assert [b.number for b in updates] == [1, 2, 3, 4, 5, 6]
    assert all(b.edited for b in updates)  # the consultant's wording, not the draft
    by_domain = {b.number: " ".join(p.text for p in b.paragraphs) for b in updates}
    section = " ".join(by_domain.values())
    for number, facts in KEY_FACTS[language].items():
        for fact in facts:
            assert section.count(fact) == 1, (language, fact)
            assert fact in by_domain[number], (language, fact)
    assert "{short_name}" not in section and "Kyrgyzstan" in section or language == "ru"


def test_the_demo_summary_is_in_our_own_words(loaded):
    if not SEED.exists():
        pytest.skip(f"seed profile not found at {SEED}")
    seed = _words(SEED.read_text(encoding="utf-8"))
    runs = {tuple(seed[i : i + 12]) for i in range(len(seed) - 11)}
    for block in profile_build(_kg2022()).updates:
        words = _words(" ".join(p.text for p in block.paragraphs))
        copied = [words[i : i + 12] for i in range(len(words) - 11)]
        assert not [c for c in copied if tuple(c) in runs], block.number


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_demo_draft_says_nothing_twice_and_opens_no_two_paragraphs_alike(loaded, language):
    updates = profile_build(_kg2022(), language=language, drafted_updates=True).updates
    paragraphs = [p.text for b in updates for p in b.paragraphs]
    assert len(paragraphs) >= 15
    said = [s for p in paragraphs for s in sentences(p)]
    assert len(said) == len(set(said))
    openings = [" ".join(p.split()[:3]) for p in paragraphs]
    assert len(openings) == len(set(openings)), openings
    section = " ".join(paragraphs)
    for title in LegalInstrument.objects.filter(country__code="KG").values_list("title", flat=True):
        assert section.count(title) <= 1, title  # a finding may use it; the draft never repeats
    assert not re.search(r"\b(No\.|№)$", section) and "Since 2018, this area" not in section


def test_the_demo_records_the_drafts_its_wording_answers(loaded, client_for):
    a = _kg2022()
    assert set(a.updates_draft_hashes) == {"en", "ru", "fr", "es"}
    assert set(a.updates_draft_hashes["en"]) == {"1", "2", "3", "4", "5", "6"}
