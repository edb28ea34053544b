"""Translated profiles print the translation, or the original marked as such (issues 31, 32)."""

import datetime

import pytest

from assessments.models import LegalInstrument, Response
from assessments.report.build import profile_build
from assessments.report.render import render_html
from tests import factories as f

pytestmark = pytest.mark.django_db


def _rows(profile):
    return [row for group in profile.legislation for row in group.rows]


def test_an_untranslated_finding_is_marked_with_its_language_and_listed_in_indicator_order(
    answered,
):
    responses = list(Response.objects.filter(assessment=answered).order_by("indicator__order"))
    for r in responses[1:-1]:
        r.finding_translations = {"fr": f"Constat {r.indicator.code}."}
        r.save(update_fields=["finding_translations"])
    profile = profile_build(answered, language="fr")
    paragraphs = [p for c in profile.chapters for p in c.developed + c.further]
    marked = [p.ref for p in paragraphs if p.language == "en"]
    assert sorted(marked) == sorted([responses[0].indicator.code, responses[-1].indicator.code])
    assert all(not p.language for p in paragraphs if p.ref not in marked)
    # Footnotes are untranslated too, so every indicator is listed, in indicator order.
    assert profile.untranslated == [r.indicator.code for r in responses]
    html = render_html(profile)
    first = responses[0]
    assert (
        f'<p data-ref="{first.indicator.code}" lang="en" class="original">{first.finding} '
        '<span class="lang-mark">[en]</span>'
    ) in html
    assert f"Constat {responses[1].indicator.code}." in html


def test_an_untranslated_title_prints_in_italics_and_the_annex_names_its_language(answered):
    law = LegalInstrument.objects.get(country=answered.country, title="Law on External Migration")
    law.title_translations = {"fr": "Loi sur la migration externe"}
    law.save(update_fields=["title_translations"])
    profile = profile_build(answered, language="fr")
    rows = {row.title: row for row in _rows(profile)}
    assert rows["Loi sur la migration externe"].title_language == ""
    assert rows["Law on Internal Migration"].title_language == "en"
    assert profile.legislation_note.endswith("dans leur langue d’origine (anglais).")
    html = render_html(profile)
    assert '<i lang="en">Law on Internal Migration</i>' in html
    assert html.count("Law on Internal Migration") == 1  # printed once, not beside a translation
    # The adoption note has no French translation: printed as written, marked.
    assert 'lang="en">Referendum of 11 April 2021 [en]</td>' in html


def test_a_translated_adoption_note_replaces_the_original(answered):
    constitution = LegalInstrument.objects.get(country=answered.country, kind="constitution")
    constitution.adoption_note_translations = {"fr": "Référendum du 11 avril 2021"}
    constitution.save(update_fields=["adoption_note_translations"])
    html = render_html(profile_build(answered, language="fr"))
    assert "Référendum du 11 avril 2021" in html
    assert "Referendum of 11 April 2021" not in html


def test_the_working_language_marks_nothing(answered):
    profile = profile_build(answered)
    html = render_html(profile)
    assert profile.legislation_note == "" and 'lang="en"' not in html.split("<body", 1)[1]


def test_the_summary_of_updates_never_embeds_an_untranslated_title(assessment):
    baseline = f.AssessmentFactory(
        country=assessment.country, framework=assessment.framework, year=2018
    )
    assessment.baseline = baseline
    assessment.save()
    indicator = assessment.framework.indicators.order_by("order").first()
    f.answer_with_evidence(baseline, indicator, level="partial", finding="Before.")
    response = f.answer_with_evidence(assessment, indicator, finding="Now there is a law.")
    f.EvidenceFactory(
        response=response,
        note="",
        instrument__title="Law on the Coordination Council",
        instrument__number="407",
        instrument__kind=LegalInstrument.Kind.DECREE,
        instrument__adopted_on=datetime.date(2022, 6, 14),
    )
    sentences = [
        p.text for b in profile_build(assessment, language="fr").updates for p in b.paragraphs
    ]
    assert not any("Law on the Coordination Council" in s for s in sentences)
    assert not any("Now there is a law" in s for s in sentences)  # untranslated finding
    # Named by its kind and number, as the profile's body names instruments (issue 30).
    assert any("le décret n° 407 a été adopté" in s for s in sentences)
    english = [p.text for b in profile_build(assessment).updates for p in b.paragraphs]
    assert any("Decree No. 407" in s for s in english)


def test_the_translation_warning_names_the_language_the_untranslated_texts_are_in(answered):
    answered.language = "ru"
    answered.save(update_fields=["language"])
    html = render_html(profile_build(answered, language="en"))
    assert "ends with the code of its language in brackets, such as [ru]." in html
    assert "such as [en]" not in html
