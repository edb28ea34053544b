"""The summary of updates since the baseline: drafted from the data, editable per domain."""

import datetime

import pytest
from django.urls import reverse

from assessments.report.build import profile_build
from assessments.services import carry_over, workflow
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_up(answered):
    baseline = f.AssessmentFactory(
        framework=answered.framework, country=answered.country, year=2018, edition="2018"
    )
    for response in answered.responses.select_related("indicator", "option"):
        f.answer_with_evidence(
            baseline, response.indicator, level=response.option.level, finding=response.finding
        )
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
    # No stock phrase before the content: the paragraph is what the finding now says.
    assert [p.text for p in blocks[2].paragraphs] == ["A council now coordinates. It meets yearly."]
    [fallen] = blocks[3].paragraphs
    title = fell.indicator.title
    assert fallen.text == (
        f"The answer on “{title}” fell from developed in 2018 to absent. "
        "The agreement lapsed in 2020."
    )


def _law(assessment, number: str, title: str, year: int = 2020, kind: str = "law", day=(3, 1)):
    return f.LegalInstrumentFactory(
        country=assessment.country,
        title=title,
        number=number,
        kind=kind,
        adopted_on=datetime.date(year, *day),
    )


def test_an_instrument_no_sentence_names_is_introduced_by_type_number_and_year(follow_up):
    response = follow_up.responses.get(indicator__code="4.1.1")
    new = _law(follow_up, "54", "Law of the Kyrgyz Republic on Civil Protection", 2019)
    old = f.LegalInstrumentFactory(
        country=follow_up.country, title="Old law", adopted_on=datetime.date(2006, 1, 13)
    )
    f.EvidenceFactory(response=response, instrument=new)
    f.EvidenceFactory(response=response, instrument=old)
    [block] = profile_build(follow_up).updates
    # The short name as a profile's body writes it, never the registry's full title.
    assert [p.text for p in block.paragraphs] == ["In 2019, Law No. 54 was adopted."]


def test_an_answer_that_moved_and_cites_a_new_instrument_gives_one_paragraph(follow_up):
    response = follow_up.responses.get(indicator__code="2.1.2")  # partial in the baseline
    law = _law(follow_up, "89", "Law on the Legal Status of Compatriots with Foreign Citizenship")
    f.EvidenceFactory(response=response, instrument=law)
    f.answer_with_evidence(
        response,
        level="developed",
        finding=f"{response.finding} Law No. 89 of 2020 created a visa for compatriots. "
        "Holders need no work permit. They use health care as nationals do.",
    )
    [block] = profile_build(follow_up).updates
    [paragraph] = block.paragraphs
    assert paragraph.ref == "2.1.2"
    # What was adopted and when, then what it does; the baseline's sentence is not repeated.
    assert paragraph.text == (
        "Law No. 89 of 2020 created a visa for compatriots. Holders need no work permit."
    )


def test_nothing_is_said_twice_and_no_paragraph_opens_like_another(follow_up):
    shared = "The Migration Concept for 2021–2030 sets the aims of migration policy."
    concept = _law(follow_up, "", "Concept of the Migration Policy for 2021–2030", 2021, "strategy")
    laws = [_law(follow_up, str(n), f"Law on Topic {n}") for n in (11, 12, 13)]
    for code, level, law in (("2.1.2", "developed", laws[0]), ("4.1.1", "developed", laws[1])):
        response = follow_up.responses.get(indicator__code=code)
        f.EvidenceFactory(response=response, instrument=concept)
        f.EvidenceFactory(response=response, instrument=law)
        f.answer_with_evidence(response, level=level, finding=f"{shared} Its plan has tasks.")
    other = follow_up.responses.get(indicator__code="3.1.1")
    f.EvidenceFactory(response=other, instrument=laws[2])
    blocks = profile_build(follow_up).updates
    paragraphs = [p.text for b in blocks for p in b.paragraphs]
    section = " ".join(paragraphs)
    assert section.count(shared) == 1
    for title in [concept.title] + [law.title for law in laws]:
        assert title not in section  # registry titles never, short names once
    for number in (11, 12, 13):
        assert section.count(f"Law No. {number}") == 1
    openings = [" ".join(p.split()[:3]) for p in paragraphs]
    assert len(openings) == len(set(openings)), paragraphs
    assert "Law No. 13 was adopted in 2020." in section


def test_a_waived_carried_finding_is_named_as_no_longer_reported(follow_up):
    baseline = follow_up.baseline.responses.get(indicator__code="2.1.2")
    baseline.finding = "The Council on Migration coordinates policy. It meets yearly."
    baseline.save()
    response = follow_up.responses.get(indicator__code="2.1.2")
    response.waiver_reason = "Not covered by the follow-up"
    response.save()
    [block] = profile_build(follow_up).updates
    assert block.number == 2
    title = response.indicator.title
    assert [p.text for p in block.paragraphs] == [
        f"The 2018 finding on “{title}” (indicator 2.1.2) is no longer reported. "
        "It read: “The Council on Migration coordinates policy.”"
    ]


def test_findings_left_out_of_the_profile_are_listed_together(follow_up):
    for code in ("2.1.1", "2.1.2"):
        response = follow_up.responses.get(indicator__code=code)
        response.excluded_from_profile = True
        response.save()
    [block] = profile_build(follow_up).updates
    [paragraph] = block.paragraphs
    assert paragraph.text.startswith("Findings of 2018 that are no longer reported: “")
    assert "(2.1.1); “" in paragraph.text and paragraph.text.endswith("(2.1.2).")


GRAMMAR = {
    # (a law, a decree, a level that fell from developed to absent), as a native writes them.
    "ru": (
        "В 2020 году принят Закон № 54.",
        "В 2021 году принято постановление № 7.",
        "Оценка по показателю «{t}» снизилась: в 2018 году — «развито», теперь — «отсутствует».",
    ),
    "fr": (
        "En 2020, la loi n° 54 a été adoptée.",
        "En 2021, le décret n° 7 a été adopté.",
        "La réponse relative à « {t} » est passée de « développé » en 2018 à « inexistant ».",
    ),
    "es": (
        "En 2020 se aprobó la Ley n.º 54.",
        "En 2021 se aprobó el Decreto n.º 7.",
        "La respuesta sobre «{t}» bajó de «desarrollado» en 2018 a «inexistente».",
    ),
}


@pytest.mark.parametrize("language", sorted(GRAMMAR))
def test_the_draft_follows_each_language_grammar(follow_up, language):
    response = follow_up.responses.get(indicator__code="4.1.1")
    f.EvidenceFactory(response=response, instrument=_law(follow_up, "54", "Law on Protection"))
    decree = _law(follow_up, "7", "Decree on Quotas", 2021, "decree", day=(1, 1))
    f.EvidenceFactory(response=follow_up.responses.get(indicator__code="4.1.2"), instrument=decree)
    fell = follow_up.responses.get(indicator__code="3.1.1")  # developed in the baseline
    f.answer_with_evidence(fell, level="absent", finding=fell.finding)
    law, decree, fallen = GRAMMAR[language]
    blocks = profile_build(follow_up, language=language).updates
    texts = {b.number: [p.text for p in b.paragraphs] for b in blocks}
    assert texts[4] == [law, decree]
    assert texts[3] == [fallen.format(t=fell.indicator.title)]


def test_consultant_wording_replaces_the_draft_of_a_domain(follow_up):
    f.answer_with_evidence(follow_up.responses.get(indicator__code="2.1.2"), level="developed")
    follow_up.profile_texts = {"updates_2": "Since {baseline_year}, {short_name} set up a council."}
    follow_up.save()
    [block] = profile_build(follow_up).updates
    assert block.edited
    assert [p.text for p in block.paragraphs] == ["Since 2018, Kyrgyzstan set up a council."]


# --- The consultant's page: the draft beside each domain's field -------------------------------
def _texts_page(client, assessment):
    url = reverse("assessments:profile-texts", args=[assessment.pk])
    return url, client.get(url)


def _posted(form, **changes) -> dict:
    data = {name: form[name].value() or "" for name in form.fields}
    data = {k: v for k, v in data.items() if v is not False}
    return {**data, **changes}


def _rise(follow_up, code="2.1.2", finding="A council now coordinates. It meets yearly."):
    f.answer_with_evidence(
        follow_up.responses.get(indicator__code=code), level="developed", finding=finding
    )


def test_each_domain_shows_its_draft_beside_the_field(
    follow_up, consultant, client_for, django_assert_max_num_queries
):
    _rise(follow_up)
    with django_assert_max_num_queries(40):
        url, page = _texts_page(client_for(consultant), follow_up)
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("A council now coordinates. It meets yearly.") >= 2  # the draft, the field
    assert 'name="use_draft"' in html and 'value="updates_2"' in html
    assert 'data-use-draft="id_updates_2"' in html
    assert "assessments/profile_texts.js" in html and "<script>" not in html


def test_use_the_draft_without_javascript_fills_the_field_and_saves_nothing(
    follow_up, consultant, client_for
):
    _rise(follow_up)
    follow_up.profile_texts = {"updates_2": "Our own wording."}
    follow_up.save()
    client = client_for(consultant)
    url, page = _texts_page(client, follow_up)
    assert page.context["form"]["updates_2"].value() == "Our own wording."
    answer = client.post(url, _posted(page.context["form"], use_draft="updates_2"))
    assert answer.status_code == 200
    assert answer.context["form"]["updates_2"].value() == (
        "A council now coordinates. It meets yearly."
    )
    follow_up.refresh_from_db()
    assert follow_up.profile_texts == {"updates_2": "Our own wording."}


def test_a_domain_whose_draft_changed_after_the_edit_is_marked(follow_up, consultant, client_for):
    _rise(follow_up)
    client = client_for(consultant)
    url, page = _texts_page(client, follow_up)
    assert client.post(url, _posted(page.context["form"], updates_2="Ours.")).status_code == 302
    follow_up.refresh_from_db()
    assert set(follow_up.updates_draft_hashes["en"]) == {"2"}
    url, page = _texts_page(client, follow_up)
    assert "data-draft-changed" not in page.content.decode()

    fell = follow_up.responses.get(indicator__code="2.1.1")  # developed in the baseline
    f.answer_with_evidence(fell, level="absent", finding="The agency was closed.")
    url, page = _texts_page(client, follow_up)
    assert "data-draft-changed" in page.content.decode()
    assert "seen_updates_2" in page.context["form"].fields

    # Keeping the wording on purpose clears the mark; the wording stays.
    kept = _posted(page.context["form"], seen_updates_2="on")
    assert client.post(url, kept).status_code == 302
    url, page = _texts_page(client, follow_up)
    assert "data-draft-changed" not in page.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.profile_texts["updates_2"] == "Ours."


def test_a_waived_carried_finding_is_named_in_the_summary(answered, consultant):
    baseline = f.AssessmentFactory(
        framework=answered.framework, country=answered.country, year=2018, edition="2018"
    )
    old = f.answer_with_evidence(
        baseline,
        answered.framework.indicators.get(code="2.1.2"),
        level="developed",
        finding="The Council on Migration coordinates policy. It meets yearly.",
    )
    follow_up = f.AssessmentFactory(
        framework=answered.framework,
        country=answered.country,
        year=2024,
        baseline=baseline,
        stage="data_collection",
    )
    f.MembershipFactory(user=consultant, assessment=follow_up, role="consultant")
    carry_over.carry_over_baseline(assessment=follow_up, actor=None)
    carried = follow_up.responses.get(indicator__code="2.1.2")
    assert carried.carry_state == "carried"
    assert profile_build(follow_up).updates == []  # carried unchanged: nothing to say
    workflow.response_waive(response=carried, reviewer=consultant, reason="Not asked in 2024")
    [block] = profile_build(follow_up).updates
    assert block.number == 2
    assert [p.text for p in block.paragraphs] == [
        f"The 2018 finding on “{old.indicator.title}” (indicator 2.1.2) is no longer reported. "
        "It read: “The Council on Migration coordinates policy.”"
    ]


def test_use_the_draft_for_a_field_without_one_says_so_and_saves_nothing(
    follow_up, consultant, client_for
):
    client = client_for(consultant)
    url, page = _texts_page(client, follow_up)
    data = _posted(page.context["form"], objectives="Changed.", use_draft="objectives")
    answer = client.post(url, data)
    assert answer.status_code == 200
    assert "There is no draft for this field." in answer.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.profile_texts == {}


def test_in_a_translation_the_draft_is_in_that_language_beside_the_original(
    follow_up, consultant, client_for
):
    response = follow_up.responses.get(indicator__code="4.1.1")
    f.EvidenceFactory(response=response, instrument=_law(follow_up, "54", "Law on Protection"))
    url = reverse("assessments:profile-texts", args=[follow_up.pk])
    page = client_for(consultant).get(f"{url}?language=ru")
    html = page.content.decode()
    assert page.status_code == 200
    assert "В 2020 году принят Закон № 54." in html  # the Russian draft, with its button
    assert "In 2020, Law No. 54 was adopted." in html  # the working language's, beside it
    assert 'value="updates_4"' in html
