"""An instrument's number is stored without the number sign that the profile prints itself."""

import pytest
from django.utils import translation

from assessments.services.xlsx_export import instrument_label
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["№ 477-II", "№477-II", "No. 477-II", "n° 477-II", "N.º 477-II", " 477-II "]
)
def test_a_typed_number_sign_is_dropped_so_it_is_not_printed_twice(typed):
    assert f.LegalInstrumentFactory(number=typed).number == "477-II"


def test_a_number_that_merely_starts_with_the_letters_no_is_kept():
    assert f.LegalInstrumentFactory(number="NOV-12").number == "NOV-12"


def test_the_number_sign_is_printed_in_the_readers_language_but_the_workbook_label_is_fixed():
    law = f.LegalInstrumentFactory(title="Закон о миграции", number="477-II")
    with translation.override("ru"):
        assert str(law) == "Закон о миграции (№ 477-II)"
        assert instrument_label(law) == "Закон о миграции (No. 477-II)"
    with translation.override("en"):
        assert str(law) == "Закон о миграции (No. 477-II)"
