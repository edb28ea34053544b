"""Random edits to the editable cells of an exported workbook (Hypothesis).

Whatever a person types into the answer and finding cells of answered and unanswered
indicators, the import either stores exactly what the indicator page would store for the
same input, or refuses cleanly and changes nothing. Never another exception.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assessments.exceptions import ApplicationError
from assessments.forms.entry import ResponseForm
from assessments.models import Assignment, Response
from assessments.services import entry
from assessments.services.xlsx_preview import import_confirm
from assessments.text import clean_text
from tests.xlsx.helpers import db_state, edit, export, set_answer

pytestmark = pytest.mark.django_db

# What Excel cannot hold in a cell (openpyxl refuses it too); everything else may be typed.
EXCEL_ILLEGAL = "".join(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32)))
TYPED = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters=EXCEL_ILLEGAL),
    max_size=120,
)
LEAVE = object()


def _rolled_back(write):
    """Run `write` and undo it, so that each path starts from the same database."""
    with transaction.atomic():
        result = write()
        transaction.set_rollback(True)
    return result


def _option_for(indicator, label: str):
    """The option the import's rule picks for a label; False when none matches."""
    wanted = clean_text(label).strip().casefold()
    if not wanted:  # a cell of spaces or control characters is empty once cleaned
        return None
    for option in indicator.options.all():
        if wanted in {option.tr("label").casefold(), option.label.casefold(), option.key}:
            return option
    return False


def _page_saves(user, assessment, indicators, rows) -> dict:
    """What the indicator page stores when the same values are posted to it, per code."""
    stored = {}
    for code, (label, finding) in rows.items():
        indicator = indicators[code]
        response = entry.response_open(assessment=assessment, indicator=indicator)
        option = response.option if label is LEAVE else _option_for(indicator, label)
        text = response.finding if finding is LEAVE else finding
        form = ResponseForm(
            {"option": option.pk if option else "", "finding": text, "version": response.version},
            indicator=indicator,
        )
        assert form.is_valid(), form.errors
        saved = entry.response_save(
            response=response,
            user=user,
            option=form.cleaned_data["option"],
            finding=form.cleaned_data["finding"],
            version=form.cleaned_data["version"],
        )
        stored[code] = (saved.option_id, saved.finding)
    return stored


def _stored(assessment, codes) -> dict:
    rows = Response.objects.filter(assessment=assessment, indicator__code__in=codes)
    return {r.indicator.code: (r.option_id, r.finding) for r in rows}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_edits_import_as_the_page_would_store_them_or_are_refused_cleanly(
    assessment, framework, focal_point, answered, data
):
    unanswered = framework.indicators.exclude(code__in=answered).order_by("order")[:2]
    for indicator in unanswered:  # the fixtures outlive one example: set up once
        Assignment.objects.get_or_create(
            membership=focal_point.memberships.get(), indicator=indicator
        )
    # A fresh user: the fixture's object caches the assignments it had before these.
    focal_point = type(focal_point).objects.get(pk=focal_point.pk)
    indicators = {i.code: i for i in framework.indicators.filter(code__in=answered)}
    indicators.update({i.code: i for i in unanswered})
    content = export(focal_point, assessment)

    rows = {}
    for code in data.draw(st.lists(st.sampled_from(sorted(indicators)), min_size=1, max_size=4)):
        labels = [o.label for o in indicators[code].options.all()]
        label = data.draw(
            st.one_of(
                st.just(LEAVE),
                st.just(""),
                st.sampled_from(labels),
                st.sampled_from(labels).map(str.upper),
                TYPED,
            )
        )
        finding = data.draw(st.one_of(st.just(LEAVE), TYPED))
        rows[code] = (label, finding)

    def change(book):
        for code, (label, finding) in rows.items():
            set_answer(
                book,
                code,
                option=None if label is LEAVE else label,
                finding=None if finding is LEAVE else finding,
            )

    edited = edit(content, change)
    before = db_state()
    valid = all(
        label is LEAVE or _option_for(indicators[code], label) is not False
        for code, (label, _f) in rows.items()
    )
    expected = _rolled_back(
        lambda: _page_saves(focal_point, assessment, indicators, rows) if valid else None
    )

    def imported():
        import_confirm(
            assessment=assessment,
            user=focal_point,
            content=edited,
            use_workbook={},
            all_or_nothing=True,
        )
        return _stored(assessment, list(rows))

    try:
        result = _rolled_back(imported)
    except ApplicationError:  # WorkbookError included: a clean refusal, nothing written
        event("refused")
        assert db_state() == before
        # A label that names no answer, or a formula, is refused; nothing else is.
        assert not valid or any(
            str(v).startswith("=") for pair in rows.values() for v in pair if v is not LEAVE
        )
        return
    assert valid
    event("imported, a new answer among them" if set(rows) - set(answered) else "imported")
    assert db_state() == before  # rolled back: the next example starts from the same data
    for code in rows:
        assert result.get(code, expected[code]) == expected[code], code
