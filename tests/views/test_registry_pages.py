"""Registry pages: refused input keeps the form, duplicates need a recorded confirmation,
clean text everywhere, merge and undo, and a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, AuditEntry, Evidence, LegalInstrument, Response
from tests import factories as f
from tests.test_text import CLEAN_TITLE, DIRTY_TITLE

pytestmark = pytest.mark.django_db


def add_url(country):
    return reverse("assessments:instrument-add", args=[country.code])


def test_a_future_date_is_refused_on_the_field_and_keeps_the_rest(
    client_for, coordinator, assessment
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = {
        "title": "Law on Labour Migration",
        "number": "77",
        "kind": "law",
        "adopted_on": tomorrow.isoformat(),
        "adoption_note": "",
        "url": "",
    }
    page = client_for(coordinator).post(add_url(assessment.country), data)
    html = page.content.decode()
    assert page.status_code == 200
    assert "with the status “draft” and no date of adoption" in html
    assert 'value="Law on Labour Migration"' in html and 'value="77"' in html
    assert not LegalInstrument.objects.exists() and not AuditEntry.objects.exists()


def test_a_year_only_date_is_stored_and_printed_as_given(client_for, coordinator, assessment):
    data = {"title": "Law on Refugees", "number": "44", "kind": "law", "adopted_on": "2002"}
    client = client_for(coordinator)
    saved = client.post(add_url(assessment.country), data)
    law = LegalInstrument.objects.get()
    assert saved.status_code == 302
    assert (law.adopted_on, law.adopted_precision) == (datetime.date(2002, 1, 1), "year")
    rows = client.get(reverse("assessments:instrument-list", args=["KG"])).content.decode()
    assert '<span class="text-nowrap">2002</span></td>' in rows and "January" not in rows
    edit = client.get(reverse("assessments:instrument-edit", args=["KG", law.pk])).content.decode()
    assert 'value="2002"' in edit


def test_a_duplicate_number_shows_the_entry_and_the_confirmation_reaches_the_activity_feed(
    client_for, coordinator, assessment
):
    existing = f.LegalInstrumentFactory(
        country=assessment.country, number="4", adopted_on=datetime.date(2006, 1, 13)
    )
    data = {
        "title": "Decree on Labour Migration",
        "number": "4",
        "kind": "decree",
        "adopted_on": "29.01.2021",
    }
    client = client_for(coordinator)
    warned = client.post(add_url(assessment.country), data).content.decode()
    assert existing.title in warned and 'value="Decree on Labour Migration"' in warned
    assert LegalInstrument.objects.count() == 1 and not AuditEntry.objects.exists()

    assert (
        client.post(add_url(assessment.country), {**data, "confirm_duplicate": "on"}).status_code
        == 302
    )
    entry = AuditEntry.objects.get(action="instrument.duplicate_confirmed")
    assert existing.title in entry.reason
    feed = client.get(reverse("assessments:activity", args=[assessment.pk])).content.decode()
    assert "as a different instrument from a probable duplicate" in feed
    assert "Decree on Labour Migration" in feed


def test_a_probable_duplicate_title_is_flagged_and_a_merge_offered(
    client_for, consultant, assessment
):
    day = datetime.date(2000, 7, 17)
    kept = f.LegalInstrumentFactory(
        country=assessment.country, title="Law “On External Migration”", adopted_on=day, number="61"
    )
    twin = f.LegalInstrumentFactory(
        country=assessment.country, title="Law On External-Migration", adopted_on=day, number=""
    )
    client = client_for(consultant)
    edit = reverse("assessments:instrument-edit", args=["KG", twin.pk])
    data = {
        "title": "LAW on external\u00ad migration.",
        "number": "",
        "kind": "law",
        "adopted_on": "2000-07-17",
    }
    html = client.post(edit, data).content.decode()
    assert "Probable duplicate" in html
    assert reverse("assessments:instrument-merge", args=["KG", kept.pk, twin.pk]) in html
    twin.refresh_from_db()
    assert twin.title == "Law On External-Migration"


def test_merge_and_undo_from_the_pages(client_for, consultant, assessment, indicator):
    kept, twin = f.LegalInstrumentFactory.create_batch(2, country=assessment.country)
    cited = f.EvidenceFactory(
        response__assessment=assessment, response__indicator=indicator, instrument=twin
    )
    client = client_for(consultant)
    merge = reverse("assessments:instrument-merge", args=["KG", kept.pk, twin.pk])
    assert "1 citation moves" in client.get(merge).content.decode()
    client.post(merge)
    assert Evidence.objects.get(pk=cited.pk).instrument == kept
    listed = client.get(reverse("assessments:instrument-list", args=["KG"])).content.decode()
    assert twin.title not in listed
    client.post(reverse("assessments:instrument-merge-undo", args=["KG", twin.pk]))
    assert Evidence.objects.get(pk=cited.pk).instrument == twin
    history = client.get(twin.get_absolute_url()).content.decode()
    assert "Merge undone by" in history and "Merged into another entry by" in history


def test_invisible_characters_are_stripped_from_registry_finding_and_evidence_note(
    client_for, focal_point, assessment, indicator
):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    client = client_for(focal_point)
    client.post(add_url(assessment.country), {"title": DIRTY_TITLE, "number": "", "kind": "law"})
    assert LegalInstrument.objects.get().title == CLEAN_TITLE

    edit = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    option = indicator.options.get(level="developed")
    finding = f"{DIRTY_TITLE}\r\n\r\nSecond paragraph."
    client.post(edit, {"option": option.pk, "finding": finding, "version": 0, "action": "save"})
    assert Response.objects.get().finding == f"{CLEAN_TITLE}\n\nSecond paragraph."

    add = reverse("assessments:evidence-add", args=[assessment.pk, indicator.code])
    law = LegalInstrument.objects.get()
    client.post(add, {"instrument": law.pk, "note": DIRTY_TITLE, "locator": "Art.\u200b 9"})
    evidence = Evidence.objects.get()
    assert (evidence.note, evidence.locator) == (CLEAN_TITLE, "Art. 9")


def test_a_developed_answer_without_evidence_is_not_submitted_and_keeps_the_input(
    client_for, focal_point, assessment, indicator
):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    edit = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    option = indicator.options.get(level="developed")
    data = {
        "option": option.pk,
        "finding": "The law grants access.",
        "version": 0,
        "action": "submit",
    }
    page = client_for(focal_point).post(edit, data)
    html = page.content.decode()
    assert page.status_code == 400
    assert "needs evidence" in html and "The law grants access." in html
    assert not Response.objects.exclude(status="not_started").exists()


def test_the_review_board_marks_answers_without_evidence(
    client_for, consultant, assessment, indicator, other_indicator
):
    assessment.stage = Assessment.Stage.REVIEW
    assessment.save()
    f.respond(assessment, indicator, status="submitted", level="developed")
    backed = f.respond(assessment, other_indicator, status="submitted", level="developed")
    f.EvidenceFactory.create_batch(2, response=backed)
    board = (
        client_for(consultant)
        .get(reverse("assessments:review-board", args=[assessment.pk]))
        .content.decode()
    )
    assert board.count("data-no-evidence") == 1
    row = board[board.index(f'data-code="{indicator.code}"') :]
    assert "No evidence" in row[: row.index("</tr>")]


@pytest.mark.parametrize("size", [10, 84])
def test_registry_pages_run_a_fixed_number_of_queries(
    client_for, consultant, assessment, indicator, size, django_assert_max_num_queries
):
    instruments = f.LegalInstrumentFactory.create_batch(
        size, country=assessment.country, number="7"
    )
    response = f.respond(assessment, indicator)
    for instrument in instruments:
        f.EvidenceFactory(response=response, instrument=instrument)
    client = client_for(consultant)
    pages = [
        reverse("assessments:instrument-list", args=["KG"]),
        instruments[0].get_absolute_url(),
        reverse("assessments:instrument-edit", args=["KG", instruments[0].pk]),
        reverse("assessments:instrument-merge", args=["KG", instruments[0].pk, instruments[1].pk]),
    ]
    for url in pages:
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


def test_citing_a_new_law_whose_number_is_taken_is_refused_and_keeps_the_input(
    client_for, focal_point, assessment, indicator
):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    existing = f.LegalInstrumentFactory(country=assessment.country, number="133")
    add = reverse("assessments:evidence-add", args=[assessment.pk, indicator.code])
    data = {
        "new-title": "Law on Internal Migration",
        "new-number": "133",
        "new-kind": "law",
        "new-adopted_on": "07/2002",
        "locator": "Article 4",
    }
    page = client_for(focal_point).post(add, data)
    html = page.content.decode()
    assert page.status_code == 400
    assert str(existing) in html and 'value="Article 4"' in html and 'value="07/2002"' in html
    assert LegalInstrument.objects.count() == 1 and not Evidence.objects.exists()


def test_a_title_in_another_language_is_kept_shown_and_audited(client_for, coordinator, assessment):
    law = f.LegalInstrumentFactory(
        country=assessment.country, title="Law on External Migration", number="61", kind="law"
    )
    data = {
        "title": law.title,
        "number": "61",
        "kind": "law",
        "status": "in_force",
        "title_ru": "Закон «О внешней миграции»",
        "title_fr": "",
    }
    client = client_for(coordinator)
    url = reverse("assessments:instrument-edit", args=["KG", law.pk])
    assert client.post(url, data).status_code == 302
    law.refresh_from_db()
    assert law.title_translations == {"ru": "Закон «О внешней миграции»"}
    entry = AuditEntry.objects.get(action="instrument.edit")
    assert entry.data["changes"]["title_translations"] == ["", "ru: Закон «О внешней миграции»"]
    detail = client.get(law.get_absolute_url()).content.decode()
    assert '<li lang="ru"><strong>RU</strong> Закон «О внешней миграции»</li>' in detail
    assert "Translations of the title set to ru: Закон «О внешней миграции»" in detail
    assert 'value="Закон «О внешней миграции»"' in client.get(url).content.decode()

    assert client.post(url, {**data, "title_ru": ""}).status_code == 302
    law.refresh_from_db()
    assert law.title_translations == {}


def test_a_new_entry_of_the_same_type_and_day_asks_for_confirmation_showing_the_other(
    client_for, coordinator, assessment
):
    """Issue 23: one resolution registered twice under two translations of its title."""
    existing = f.LegalInstrumentFactory(
        country=assessment.country,
        title="Resolution on the quota for foreign workers",
        kind="decree",
        number="",
        adopted_on=datetime.date(2021, 3, 12),
    )
    data = {
        "title": "Decision approving the foreign labour quota",
        "number": "",
        "kind": "decree",
        "adopted_on": "12.03.2021",
    }
    client = client_for(coordinator)
    warned = client.post(add_url(assessment.country), data).content.decode()
    assert 'id="similar-title"' in warned and existing.title in warned
    assert "12 March 2021" in warned and LegalInstrument.objects.count() == 1
    confirmed = client.post(add_url(assessment.country), {**data, "confirm_duplicate": "on"})
    assert confirmed.status_code == 302 and LegalInstrument.objects.count() == 2
    assert existing.title in AuditEntry.objects.get(action="instrument.duplicate_confirmed").reason
    # A year-only date is not a day: two laws of the same year are not flagged.
    year_only = {**data, "title": "Another decree", "adopted_on": "2021"}
    assert client.post(add_url(assessment.country), year_only).status_code == 302


def test_only_consultants_mark_an_entry_for_the_annex_and_the_registry_shows_what_it_prints(
    client_for, consultant, coordinator, assessment, indicator
):
    cited, marked, neither = (
        f.LegalInstrumentFactory(country=assessment.country, title=title)
        for title in ("Cited law", "Marked law", "Law entered by mistake")
    )
    response = f.answer_with_evidence(assessment, indicator, level="partial")
    f.EvidenceFactory(response=response, instrument=cited)
    edit = reverse("assessments:instrument-edit", args=["KG", marked.pk])
    assert "annex_pinned" not in client_for(coordinator).get(edit).content.decode()
    client = client_for(consultant)
    assert 'name="annex_pinned"' in client.get(edit).content.decode()
    data = {"title": "Marked law", "number": marked.number, "kind": "law", "annex_pinned": "on"}
    assert client.post(edit, {**data, "adopted_on": "2001"}).status_code == 302
    marked.refresh_from_db()
    assert marked.annex_pinned
    rows = client.get(reverse("assessments:instrument-list", args=["KG"])).content.decode()
    for law, listed in ((cited, "Yes"), (marked, "Yes"), (neither, "No")):
        row = rows[rows.index(f">{law.title}</a>") :].split("</tr>")[0]
        last_cell = re.split(r"<td[^>]*>", row)[-1]
        assert re.sub(r"<[^>]+>", "", last_cell).strip() == listed, law.title
    detail = client.get(neither.get_absolute_url()).content.decode()
    assert "Not printed" in detail
    assert "a consultant marked it" in client.get(marked.get_absolute_url()).content.decode()
