"""Issues 23 and 31: histories read as sentences in the reader's language, never as codes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.dates import format_partial_date
from assessments.models import LegalInstrument, Response
from assessments.selectors.sentences import action_sentence, change_sentence, note_sentence
from assessments.services import carry_over, entry
from assessments.services.registry import instrument_save
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_registry_history_says_what_changed_in_words(client_for, consultant, assessment):
    law = LegalInstrument(
        country=assessment.country,
        title="Law on External Migration",
        kind="law",
        adopted_on=datetime.date(2017, 1, 1),
        adopted_precision="year",
    )
    instrument_save(instrument=law, user=consultant)
    law.adopted_precision = "day"
    law.status = LegalInstrument.Status.REPEALED
    instrument_save(instrument=law, user=consultant)
    html = client_for(consultant).get(law.get_absolute_url()).content.decode()
    assert "Date of adoption changed from 2017 to 1 January 2017" in html
    assert "Status changed from In force to Repealed or superseded" in html
    assert "Added to the registry by" in html and "Edited by" in html
    for code in ("adopted_on", "instrument.create", "instrument.edit", "in_force"):
        assert code not in html


def test_registry_sentences_are_in_the_readers_language():
    with translation.override("ru"):
        day = format_partial_date(datetime.date(2017, 1, 1), "day")
        assert change_sentence("adopted_on", "2017", "2017-01-01", {}) == (
            f"Поле «Дата принятия» изменено: было 2017, стало {day}"
        )
    with translation.override("fr"):
        assert change_sentence("kind", "law", "decree", {}) == (
            "Type : Loi, désormais Décret ou résolution"
        )


@pytest.fixture
def carried(assessment, framework, focal_point, indicator):
    baseline = f.AssessmentFactory(framework=framework, country=assessment.country, year=2018)
    f.answer_with_evidence(baseline, indicator, level="partial", finding="Old text.")
    assessment.baseline = baseline
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=None)
    response = Response.objects.get(assessment=assessment, indicator=indicator)
    entry.response_save(
        response=response,
        user=focal_point,
        option=response.option,
        finding="New text.",
        version=response.version,
    )
    return response


def test_the_answer_history_reads_as_sentences(client_for, focal_point, carried):
    focal_point.first_name, focal_point.last_name = "Aida", "Bekova"
    focal_point.save()
    url = reverse(
        "assessments:response-history", args=[carried.assessment_id, carried.indicator.code]
    )
    html = client_for(focal_point).get(url).content.decode()
    assert "Carried over from the baseline" in html and "Saved by Aida Bekova" in html
    assert "Changed since the baseline: the finding." in html
    assert "carry_over" not in html and "· save" not in html
    # The note is stored once, in English, and read in each reader's language.
    note = carried.revisions.order_by("version").last().note
    assert note == "Changed since the baseline: the finding."
    with translation.override("ru"):
        assert note_sentence(note) == "Изменено со времени предыдущей оценки: вывод."
        assert action_sentence("carry_over", "") == "Перенесено из предыдущей оценки"
