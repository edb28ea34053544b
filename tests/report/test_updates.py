"""The summary of updates since the baseline: drafted from the data, editable per domain."""

import datetime

import pytest

from assessments.report.build import profile_build
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_up(answered):
    baseline = f.AssessmentFactory(
        framework=answered.framework, country=answered.country, year=2018, edition="2018"
    )
    for response in answered.responses.select_related("indicator", "option"):
        f.answer_with_evidence(baseline, response.indicator, level=response.option.level)
    answered.baseline = baseline
    answered.save()
    return answered


def test_no_summary_without_a_baseline(answered):
    assert profile_build(answered).updates is None


def test_nothing_changed_gives_an_empty_summary(follow_up):
    profile = profile_build(follow_up)
    assert profile.updates == []
    assert profile.baseline_year == 2018


def test_levels_that_rose_or_fell_are_drafted_in_their_domain(follow_up):
    rose = follow_up.responses.get(indicator__code="2.1.2")  # partial in both
    f.answer_with_evidence(
        rose, level="developed", finding="A council now coordinates. It meets yearly."
    )
    fell = follow_up.responses.get(indicator__code="3.1.1")  # developed in both
    f.answer_with_evidence(fell, level="absent", finding="The agreement lapsed in 2020.")
    blocks = {b.number: b for b in profile_build(follow_up).updates}
    assert sorted(blocks) == [2, 3]
    assert blocks[2].anchor == "chapter-2"
    text = blocks[2].paragraphs[0].text
    assert text.startswith("Since 2018, this area has been strengthened")
    assert text.endswith("A council now coordinates.")
    assert "assessed lower" in blocks[3].paragraphs[0].text


def test_instruments_adopted_after_the_baseline_and_cited_are_listed(follow_up):
    response = follow_up.responses.get(indicator__code="4.1.1")
    new = f.LegalInstrumentFactory(
        country=follow_up.country,
        title="Law on Civil Protection",
        number="54",
        adopted_on=datetime.date(2019, 5, 24),
    )
    old = f.LegalInstrumentFactory(
        country=follow_up.country, title="Old law", adopted_on=datetime.date(2006, 1, 13)
    )
    f.EvidenceFactory(response=response, instrument=new)
    f.EvidenceFactory(response=response, instrument=old)
    [block] = profile_build(follow_up).updates
    assert [p.text for p in block.paragraphs] == [
        "In 2019, Kyrgyzstan adopted the Law on Civil Protection (No. 54)."
    ]


def test_consultant_wording_replaces_the_draft_of_a_domain(follow_up):
    f.answer_with_evidence(follow_up.responses.get(indicator__code="2.1.2"), level="developed")
    follow_up.profile_texts = {"updates_2": "Since {baseline_year}, {short_name} set up a council."}
    follow_up.save()
    [block] = profile_build(follow_up).updates
    assert block.edited
    assert [p.text for p in block.paragraphs] == ["Since 2018, Kyrgyzstan set up a council."]
