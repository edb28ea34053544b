"""Registry rules: dates, status, duplicates, merge and undo, who may edit, the history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.exceptions import NotAllowed
from assessments.models import AuditEntry, Evidence, LegalInstrument
from assessments.report import annex
from assessments.selectors.registry import (
    instrument_history,
    instruments_with_number,
    instruments_with_similar_title,
    normalized_title,
)
from assessments.services.registry import (
    instrument_merge,
    instrument_merge_undo,
    instrument_save,
)
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = LegalInstrument.Status


def _new(country, **kwargs):
    values = {"title": "Law on Migration", "number": "61", "kind": "law"} | kwargs
    return LegalInstrument(country=country, **values)


def test_a_future_adoption_date_is_refused_and_names_the_draft_status(assessment, coordinator):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        instrument_save(instrument=_new(assessment.country, adopted_on=tomorrow), user=coordinator)
    assert "draft" in str(exc.value.message_dict["adopted_on"])
    assert not LegalInstrument.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_draft_is_registered_without_a_date(assessment, coordinator):
    draft = instrument_save(
        instrument=_new(assessment.country, status=Status.DRAFT), user=coordinator
    )
    assert draft.status == Status.DRAFT and draft.adopted_on is None
    with pytest.raises(ValidationError):
        instrument_save(
            instrument=_new(
                assessment.country,
                number="62",
                status=Status.DRAFT,
                adopted_on=datetime.date(2020, 1, 1),
            ),
            user=coordinator,
        )


def test_a_number_is_flagged_whatever_the_date(assessment):
    law = f.LegalInstrumentFactory(
        country=assessment.country, number="4", adopted_on=datetime.date(2006, 1, 13)
    )
    f.LegalInstrumentFactory(number="4")  # another country's registry
    found = instruments_with_number(country=assessment.country, number=" 4 ")
    assert found == [law]
    assert instruments_with_number(country=assessment.country, number="4", exclude_pk=law.pk) == []


def test_a_near_identical_title_of_same_type_and_date_is_a_probable_duplicate(assessment):
    day = datetime.date(2000, 7, 17)
    law = f.LegalInstrumentFactory(
        country=assessment.country,
        title="Law of the Kyrgyz Republic “On External Migration”",
        adopted_on=day,
    )
    pasted = 'law of the kyrgyz\u200b republic  "on external-migration".'
    assert normalized_title(pasted) == normalized_title(law.title)
    same = instruments_with_similar_title(
        country=assessment.country, title=pasted, kind="law", adopted_on=day
    )
    assert same == [law]
    other_day = datetime.date(2001, 7, 17)
    assert not instruments_with_similar_title(
        country=assessment.country, title=pasted, kind="law", adopted_on=other_day
    )
    assert not instruments_with_similar_title(
        country=assessment.country, title=pasted, kind="decree", adopted_on=day
    )


def test_a_confirmed_duplicate_number_is_recorded(assessment, coordinator):
    existing = f.LegalInstrumentFactory(country=assessment.country, number="61")
    saved = instrument_save(
        instrument=_new(assessment.country, adopted_on=datetime.date(2019, 1, 1)),
        user=coordinator,
        confirmed_duplicates=[existing],
    )
    entry = AuditEntry.objects.get(action="instrument.duplicate_confirmed")
    assert entry.instrument == saved and entry.actor == coordinator
    assert entry.country == assessment.country and entry.data["existing"] == [existing.pk]


def test_edits_are_recorded_with_who_when_and_what(assessment, coordinator):
    law = instrument_save(instrument=_new(assessment.country), user=coordinator)
    law.title = "Law on External Migration"
    law.adopted_on, law.adopted_precision = datetime.date(2000, 1, 1), "year"
    instrument_save(instrument=law, user=coordinator)
    edit, create = list(instrument_history(law))
    assert create.action == "instrument.create" and edit.action == "instrument.edit"
    assert edit.actor == coordinator and edit.created_at
    assert edit.data["changes"]["title"] == ["Law on Migration", "Law on External Migration"]
    assert edit.data["changes"]["adopted_on"] == ["", "2000"]
    assert law.adopted_display == "2000"


def test_a_focal_point_cannot_edit_another_focal_points_entry(assessment, focal_point, indicator):
    other = f.UserFactory()
    f.MembershipFactory(user=other, assessment=assessment, role="focal_point")
    theirs = instrument_save(instrument=_new(assessment.country), user=other)
    theirs.title = "Changed"
    with pytest.raises(NotAllowed):
        instrument_save(instrument=theirs, user=focal_point)
    assert LegalInstrument.objects.get(pk=theirs.pk).title == "Law on Migration"


def test_a_focal_point_edits_own_entry_until_an_accepted_answer_cites_it(
    assessment, focal_point, indicator, coordinator
):
    mine = instrument_save(instrument=_new(assessment.country), user=focal_point)
    mine.title = "Law on Internal Migration"
    instrument_save(instrument=mine, user=focal_point)
    response = f.respond(assessment, indicator, status="accepted")
    f.EvidenceFactory(response=response, instrument=mine)
    mine.title = "Changed again"
    with pytest.raises(NotAllowed):
        instrument_save(instrument=mine, user=focal_point)
    instrument_save(instrument=mine, user=coordinator)  # the coordinator still may


def test_merge_moves_every_citation_and_undo_moves_them_back(assessment, consultant, indicator):
    keep = f.LegalInstrumentFactory(country=assessment.country)
    drop = f.LegalInstrumentFactory(country=assessment.country)
    later = f.LegalInstrumentFactory(country=assessment.country, replaced_by=drop)
    response = f.respond(assessment, indicator)
    cited = [f.EvidenceFactory(response=response, instrument=drop) for _ in range(2)]
    untouched = f.EvidenceFactory(response=response, instrument=keep)
    instrument_merge(keep=keep, drop=drop, user=consultant)
    assert set(Evidence.objects.filter(instrument=keep)) == {*cited, untouched}
    drop.refresh_from_db()
    later.refresh_from_db()
    assert drop.merged_into == keep and later.replaced_by == keep
    assert AuditEntry.objects.filter(action="instrument.merge", instrument=drop).exists()
    assert [e.action for e in instrument_history(keep)] == ["instrument.merge"]

    instrument_merge_undo(drop=drop, user=consultant)
    drop.refresh_from_db()
    later.refresh_from_db()
    assert drop.merged_into is None and later.replaced_by == drop
    assert set(Evidence.objects.filter(instrument=drop)) == set(cited)
    assert list(Evidence.objects.filter(instrument=keep)) == [untouched]


def test_a_focal_point_cannot_merge(assessment, focal_point):
    keep, drop = f.LegalInstrumentFactory.create_batch(2, country=assessment.country)
    with pytest.raises(NotAllowed):
        instrument_merge(keep=keep, drop=drop, user=focal_point)
    drop.refresh_from_db()
    assert drop.merged_into is None


def test_the_annex_lists_only_instruments_in_force_unless_chosen(assessment):
    country = assessment.country
    f.LegalInstrumentFactory(country=country, title="In force law", annex_pinned=True)
    f.LegalInstrumentFactory(
        country=country, title="Draft law", status=Status.DRAFT, adopted_on=None, annex_pinned=True
    )
    f.LegalInstrumentFactory(
        country=country, title="Old law", status=Status.REPEALED, annex_pinned=True
    )

    def titles(all_statuses):
        groups = annex.legislation(country.pk, country.name, all_statuses=all_statuses)
        return sorted(r.title for g in groups for r in g.rows)

    assert titles(False) == ["In force law"]
    # Issue 23: never a draft, even when the annex lists every status.
    assert titles(True) == ["In force law", "Old law"]


def test_the_annex_prints_a_year_only_date_as_given(assessment):
    law = f.LegalInstrumentFactory(
        country=assessment.country,
        adopted_on=datetime.date(2019, 1, 1),
        adopted_precision="year",
        number="5",
    )
    assert annex.adoption(law) == "2019, No. 5"


def test_only_a_repealed_instrument_links_to_what_replaced_it(assessment, coordinator):
    new_law = f.LegalInstrumentFactory(country=assessment.country)
    old_law = _new(assessment.country, replaced_by=new_law)
    with pytest.raises(ValidationError) as exc:
        instrument_save(instrument=old_law, user=coordinator)
    assert "replaced_by" in exc.value.message_dict
    old_law.status = Status.REPEALED
    instrument_save(instrument=old_law, user=coordinator)
    assert list(new_law.replaces.all()) == [old_law]
