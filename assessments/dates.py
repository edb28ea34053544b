"""Partial dates ("2019", "April 2019", "30 July 2002"): parsing and the one formatter."""

import datetime
import re

from django.utils.formats import date_format

DAY, MONTH, YEAR = "day", "month", "year"

# The first day of the period and how much of it is known.
PartialDate = tuple[datetime.date, str]

_YEAR = re.compile(r"^(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./-](\d{4})$")  # 04/2019, 4.2019
_YEAR_MONTH = re.compile(r"^(\d{4})[./-](\d{1,2})$")  # 2019-04
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")  # 30.07.2002, 30/07/2002


def parse_partial_date(value: str) -> PartialDate | None:
    """(first day of the period, precision), or None when the text is not a date."""
    text = (value or "").strip()
    try:
        if m := _YEAR.match(text):
            return datetime.date(int(m[1]), 1, 1), YEAR
        if m := _MONTH_YEAR.match(text):
            return datetime.date(int(m[2]), int(m[1]), 1), MONTH
        if m := _YEAR_MONTH.match(text):
            return datetime.date(int(m[1]), int(m[2]), 1), MONTH
        if m := _ISO.match(text):
            return datetime.date(int(m[1]), int(m[2]), int(m[3])), DAY
        if m := _DMY.match(text):
            return datetime.date(int(m[3]), int(m[2]), int(m[1])), DAY
    except ValueError:
        return None
    return None


def partial_date_input(day: datetime.date | None, precision: str) -> str:
    """The text a form shows for a stored date: "2019", "2019-04" or "2019-04-30"."""
    if day is None:
        return ""
    # Four digits always: strftime gives "999" for the year 999, which would not parse back.
    if precision == YEAR:
        return f"{day.year:04d}"
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def format_partial_date(day: datetime.date | None, precision: str = DAY) -> str:
    """ "2019", "April 2019" or "30 July 2002", in the active language; "" without a date."""
    if day is None:
        return ""
    if precision == YEAR:
        return str(day.year)
    if precision == MONTH:
        return date_format(day, "YEAR_MONTH_FORMAT")
    return date_format(day, "j F Y")
