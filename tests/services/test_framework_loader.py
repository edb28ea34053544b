import copy

import pytest

from assessments.exceptions import ApplicationError
from assessments.models import AnswerOption, Indicator, Response
from assessments.services.framework_loader import framework_load
from tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db

DOC = {
    "slug": "tiny",
    "name": "Tiny framework",
    "kind": "national",
    "version": 1,
    "domains": [
        {
            "number": 1,
            "name": "Migrants' rights",
            "migof_kind": "principle",
            "migof_text": "Adhere to international standards and fulfil migrants' rights",
            "subdomains": [
                {
                    "code": "1.1",
                    "name": "Access to services",
                    "indicators": [
                        {
                            "code": code,
                            "title": f"Topic {code}",
                            "question": f"Question {code}?",
                            "options": [
                                {
                                    "key": "developed",
                                    "level": "developed",
                                    "label": "Yes",
                                    "statement": "{short_name} does.",
                                },
                                {
                                    "key": "absent",
                                    "level": "absent",
                                    "label": "No",
                                    "statement": "{short_name} does not.",
                                },
                            ],
                        }
                        for code in ("1.1.1", "1.1.2")
                    ],
                }
            ],
        }
    ],
}


def test_loading_twice_changes_nothing():
    first = framework_load(data=DOC)
    second = framework_load(data=DOC)
    assert first.created == 1 + 1 + 1 + 2 + 4
    assert (second.created, second.updated, second.removed) == (0, 0, 0)
    assert Indicator.objects.count() == 2


def test_edited_question_is_updated_in_place_without_touching_answers():
    framework_load(data=DOC)
    indicator = Indicator.objects.get(code="1.1.1")
    assessment = AssessmentFactory(framework=indicator.framework)
    answer = Response.objects.create(
        assessment=assessment,
        indicator=indicator,
        option=indicator.options.get(key="developed"),
        finding="Our finding.",
    )
    edited = copy.deepcopy(DOC)
    edited["domains"][0]["subdomains"][0]["indicators"][0]["question"] = "A clearer question?"

    report = framework_load(data=edited)

    indicator.refresh_from_db()
    answer.refresh_from_db()
    assert report.updated == 1
    assert indicator.question == "A clearer question?"
    assert answer.indicator_id == indicator.pk and answer.finding == "Our finding."


def test_removing_an_answered_indicator_is_refused_and_changes_nothing():
    framework_load(data=DOC)
    indicator = Indicator.objects.get(code="1.1.2")
    Response.objects.create(
        assessment=AssessmentFactory(framework=indicator.framework), indicator=indicator
    )
    shrunk = copy.deepcopy(DOC)
    shrunk["domains"][0]["subdomains"][0]["indicators"].pop()
    shrunk["name"] = "Renamed"

    with pytest.raises(ApplicationError, match="1.1.2 has answers"):
        framework_load(data=shrunk)

    assert Indicator.objects.filter(code="1.1.2").exists()
    assert indicator.framework.__class__.objects.get(slug="tiny").name == "Tiny framework"


def test_removing_an_unanswered_indicator_deletes_it_and_its_options():
    framework_load(data=DOC)
    shrunk = copy.deepcopy(DOC)
    shrunk["domains"][0]["subdomains"][0]["indicators"].pop()
    report = framework_load(data=shrunk)
    assert report.removed == 1
    assert not AnswerOption.objects.filter(indicator__code="1.1.2").exists()


def _with_translations(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc["translations"] = {"ru": {"name": "Крошечная рамка"}}
    doc["profile_texts_translations"] = {"ru": {"objectives": "Цели {country}."}}
    domain = doc["domains"][0]
    domain["translations"] = {"ru": {"name": "Права мигрантов"}}
    indicator = domain["subdomains"][0]["indicators"][0]
    indicator["translations"] = {"ru": {"question": "  Вопрос?\n"}}
    indicator["options"][0]["translations"] = {
        "ru": {"label": "Да", "statement": "{short_name} — да."}
    }
    return doc


def test_translations_are_loaded_and_loading_them_again_changes_nothing():
    doc = _with_translations(DOC)
    framework_load(data=doc)
    second = framework_load(data=doc)
    assert (second.created, second.updated, second.removed) == (0, 0, 0)
    framework = second.framework
    assert framework.translations["ru"]["name"] == "Крошечная рамка"
    assert framework.translations["ru"]["profile_texts"] == {"objectives": "Цели {country}."}
    indicator = Indicator.objects.get(framework=framework, code="1.1.1")
    assert indicator.tr("question", "ru") == "Вопрос?"  # stripped like the English
    assert indicator.tr("question", "fr") == "Question 1.1.1?"  # no translation: the English
    option = AnswerOption.objects.get(indicator=indicator, key="developed")
    assert option.translations == {
        "ru": {"label": "Да", "statement_template": "{short_name} — да."}
    }


def test_a_changed_translation_updates_only_its_object():
    framework_load(data=_with_translations(DOC))
    doc = _with_translations(DOC)
    doc["domains"][0]["translations"]["ru"]["name"] = "Права мигрантов (новое)"
    report = framework_load(data=doc)
    assert (report.created, report.updated, report.removed) == (0, 1, 0)
