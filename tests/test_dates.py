"""One way to write a date, per language: the interface's helper and the profile's."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from assessments.dates import MONTH, YEAR, interface_date, interface_datetime, profile_date

MOMENT = datetime.datetime(2026, 12, 7, 21, 35, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "7 December 2026, 21:35"),
        ("ru", "7 декабря 2026 г., 21:35"),
        ("fr", "7 décembre 2026 à 21:35"),
        ("es", "7 de diciembre de 2026, 21:35"),
    ],
)
def test_the_interface_writes_a_moment_in_each_language(language, written, settings):
    settings.TIME_ZONE = "UTC"
    with translation.override(language):
        assert interface_datetime(MOMENT) == written
        assert Template("{% load dates %}{{ m|when }}").render(Context({"m": MOMENT})) == written


@pytest.mark.parametrize(
    ("language", "day", "month", "first"),
    [
        ("en", "9 January 2005", "January 2005", "1 January 2005"),
        ("ru", "9 января 2005 г.", "январь 2005 г.", "1 января 2005 г."),
        ("fr", "9 janvier 2005", "janvier 2005", "1er janvier 2005"),
        ("es", "9 de enero de 2005", "enero de 2005", "1 de enero de 2005"),
    ],
)
def test_the_profile_writes_a_date_in_each_language(language, day, month, first):
    with translation.override(language):
        assert profile_date(datetime.date(2005, 1, 9)) == day
        assert profile_date(datetime.date(2005, 1, 1), MONTH) == month
        assert profile_date(datetime.date(2005, 1, 1)) == first
        assert profile_date(datetime.date(2005, 1, 1), YEAR) == "2005"


def test_the_interface_day_is_the_local_day_of_a_moment(settings):
    settings.TIME_ZONE = "Asia/Bishkek"  # UTC+6: 21:35 UTC is already the 8th there
    with translation.override("en"):
        assert interface_datetime(MOMENT) == "8 December 2026, 03:35"
        assert interface_date(MOMENT) == "8 December 2026"
        rendered = Template("{% load dates %}{{ m|day }}|{{ none|when }}").render(
            Context({"m": MOMENT, "none": None})
        )
    assert rendered == "8 December 2026|"
