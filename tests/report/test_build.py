"""Database → Profile: placement, order, footnotes, texts, annexes, updates, query count."""

import datetime

import pytest

from assessments.models import LegalInstrument, Response
from assessments.report.build import profile_build
from tests import factories as f

pytestmark = pytest.mark.django_db


def _texts(paragraphs):
    return [p.text for p in paragraphs]


def test_developed_goes_to_n1_and_partial_or_absent_to_n2(answered):
    profile = profile_build(answered)
    first = profile.chapters[0]
    assert first.developed[0].text.startswith("Finding 1.1.1: Kyrgyzstan has rules on")
    assert [p.ref for p in first.developed] == ["1.1.1"]
    assert [p.ref for p in first.further] == ["1.1.2"]
    response = Response.objects.get(assessment=answered, indicator__code="1.1.2")
    f.answer_with_evidence(response, level="absent")
    assert [p.ref for p in profile_build(answered).chapters[0].further] == ["1.1.2"]


def test_six_chapters_in_domain_order(answered):
    profile = profile_build(answered)
    assert [c.number for c in profile.chapters] == [1, 2, 3, 4, 5, 6]
    assert profile.chapters[0].anchor == "chapter-1"


def test_not_applicable_waived_excluded_and_unanswered_are_left_out(answered):
    codes = ["1.1.1", "2.1.1", "3.1.1"]
    rows = {r.indicator.code: r for r in answered.responses.filter(indicator__code__in=codes)}
    rows["1.1.1"].waiver_reason = "Not relevant for a landlocked country."
    rows["2.1.1"].excluded_from_profile = True
    rows["3.1.1"].option = None
    for r in rows.values():
        r.save()
    profile = profile_build(answered)
    refs = {p.ref for c in profile.chapters for p in c.developed + c.further}
    assert refs.isdisjoint(codes)


def test_consultant_override_moves_a_response_and_order_is_kept(answered):
    moved = answered.responses.get(indicator__code="1.1.1")
    moved.placement_override = Response.Placement.FURTHER_DEVELOPMENT
    moved.placement_reason = "Only covers permanent residents."
    moved.profile_order = 1
    moved.save()
    profile = profile_build(answered)
    assert [p.ref for p in profile.chapters[0].developed] == []
    assert [p.ref for p in profile.chapters[0].further] == ["1.1.1", "1.1.2"]
    other = answered.responses.get(indicator__code="1.1.2")
    other.profile_order = 0
    other.save()
    assert [p.ref for p in profile_build(answered).chapters[0].further] == ["1.1.2", "1.1.1"]


def test_evidence_notes_are_footnotes_and_evidence_without_a_note_adds_none(answered):
    response = answered.responses.get(indicator__code="1.1.1")
    law = f.LegalInstrumentFactory(
        country=answered.country,
        title="Law on Refugees",
        number="44",
        adopted_on=datetime.date(2002, 3, 25),
        url="https://example.org/law-44",
    )
    f.EvidenceFactory(response=response, instrument=law, note="", locator="Article 3")
    f.EvidenceFactory(response=response, instrument=law, note="Article 3 defines a refugee.")
    removed = f.EvidenceFactory(response=response, note="Removed note")
    removed.removed_at = datetime.datetime.now(datetime.UTC)
    removed.save()
    footnotes = profile_build(answered).chapters[0].developed[0].footnotes
    assert [n.text for n in footnotes] == [
        "Footnote 1.1.1 on the law.",
        "Article 3 defines a refugee.",
    ]
    assert footnotes[1].url == "https://example.org/law-44"


def test_front_matter_texts_fill_placeholders_and_take_overrides(answered):
    answered.framework.profile_texts = {"objectives": "The MGIs in {short_name}, {year}."}
    answered.framework.save()
    profile = profile_build(answered)
    assert profile.objectives == ["The MGIs in Kyrgyzstan, 2022."]
    assert profile.follow_up_introduction == []  # no baseline
    answered.profile_texts = {"objectives": "Our words for {country}.\n\nSecond paragraph."}
    answered.save()
    assert profile_build(answered).objectives == [
        "Our words for the Kyrgyz Republic.",
        "Second paragraph.",
    ]


def test_cover_header_and_draft_follow_the_assessment(answered):
    profile = profile_build(answered)
    assert profile.running_header == "THE KYRGYZ REPUBLIC | SECOND PROFILE 2022"
    assert profile.draft is True
    answered.stage = "validated"
    answered.save()
    assert profile_build(answered).draft is False


def test_key_sources_are_grouped_by_organization_and_sorted(answered):
    groups = profile_build(answered).sources
    assert [g.organization for g in groups] == ["24.KG", "Ministry of Labour"]
    assert [e.year for e in groups[1].entries] == ["2021a", "2021b"]


def test_sources_cited_only_in_footnotes_are_not_key_sources(answered):
    f.SourceFactory(assessment=answered, organization="Akipress", in_key_sources=False)
    assert "Akipress" not in [g.organization for g in profile_build(answered).sources]


def test_legislation_annex_is_numbered_and_grouped(answered):
    groups = profile_build(answered).legislation
    assert [g.heading for g in groups] == [
        "",
        "I. Migration-related laws of the Kyrgyz Republic",
        "II. International treaties",
        "III. Normative and legal acts of the Kyrgyz Republic",
    ]
    rows = [(r.number, r.title, r.adopted) for g in groups for r in g.rows]
    assert rows == [
        (1, "Constitution of the Kyrgyz Republic", "Referendum of 11 April 2021"),
        (2, "Law on External Migration", "17 July 2000, No. 61"),
        (3, "Law on Internal Migration", "30 July 2002, No. 133"),
        (4, "Agreement on Pension Provision", "24 July 2020, No. 93"),
        (5, "Decree on Labour Migration", "16 April 2019, No. 175"),
        (6, "Concept of the Migration Policy", "4 May 2021, No. 191"),
    ]


def test_annex_lists_what_printed_answers_cite_and_what_a_consultant_marked(answered):
    """Issue 23: never an uncited unmarked entry, a draft, or an entry merged into another."""
    Kind, Status = LegalInstrument.Kind, LegalInstrument.Status
    country = answered.country
    printed = Response.objects.get(assessment=answered, indicator__code="1.1.1")
    left_out = Response.objects.get(assessment=answered, indicator__code="1.1.2")
    left_out.excluded_from_profile = True
    left_out.save()
    cited = f.LegalInstrumentFactory(country=country, title="Cited decree", kind=Kind.DECREE)
    draft = f.LegalInstrumentFactory(
        country=country, title="Draft bill", status=Status.DRAFT, adopted_on=None
    )
    unprinted = f.LegalInstrumentFactory(country=country, title="Cited by a left-out answer")
    for response, instrument in ((printed, cited), (printed, draft), (left_out, unprinted)):
        f.EvidenceFactory(response=response, instrument=instrument, note="")
    f.LegalInstrumentFactory(
        country=country, title="Second title of the decree", merged_into=cited, annex_pinned=True
    )
    for all_statuses in (False, True):
        answered.annex_all_instruments = all_statuses
        answered.save()
        titles = {r.title for g in profile_build(answered).legislation for r in g.rows}
        assert "Cited decree" in titles and "Law on External Migration" in titles
        assert not titles & {
            "Draft bill",
            "Cited by a left-out answer",
            "Second title of the decree",
            "Uncited resolution entered twice",
        }


def test_covid_annex_only_when_the_module_is_on_and_answered(answered):
    covid = f.build_covid_framework()
    assert profile_build(answered).covid is None
    answered.covid_module = True
    answered.save()
    assert profile_build(answered).covid is None  # nothing answered yet
    indicator = covid.indicators.order_by("order").first()
    f.answer_with_evidence(answered, indicator, finding="Migrants had access to vaccines.")
    annex = profile_build(answered).covid
    assert _texts(annex.paragraphs) == ["Migrants had access to vaccines."]
    assert "Kyrgyzstan" in annex.intro[0]


def test_profile_is_built_in_a_constant_number_of_queries(framework, django_assert_max_num_queries):
    counts = []
    for size in (10, 90):
        big = f.build_framework(domains=6, indicators_per_domain=size // 6 + 1)
        a = f.AssessmentFactory(framework=big, baseline=f.AssessmentFactory(framework=big))
        for indicator in list(big.indicators.order_by("order"))[:size]:
            response = f.answer_with_evidence(a, indicator, notes=["A note."])
            f.EvidenceFactory(response=response, note="")
            f.answer_with_evidence(a.baseline, indicator, level="partial")
        f.SourceFactory.create_batch(3, assessment=a)
        with django_assert_max_num_queries(9) as captured:
            profile = profile_build(a)
        counts.append(len(captured.captured_queries))
        assert sum(len(c.developed) for c in profile.chapters) == size
    assert counts[0] == counts[1]
