"""An instrument's number is stored without the number sign that the profile prints itself."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["№ 477-II", "№477-II", "No. 477-II", "n° 477-II", "N.º 477-II", " 477-II "]
)
def test_a_typed_number_sign_is_dropped_so_it_is_not_printed_twice(typed):
    assert f.LegalInstrumentFactory(number=typed).number == "477-II"


def test_a_number_that_merely_starts_with_the_letters_no_is_kept():
    assert f.LegalInstrumentFactory(number="NOV-12").number == "NOV-12"
