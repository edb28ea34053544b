"""Dates: partial dates parsed and stored; the one way the interface and the profile write them."""

import datetime
import re

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

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


# --- The two writings of a date: the interface's and the profile's ---------------------------
# Each language writes a date its own way: Russian with the month in the genitive and "г.",
# French with "1er" for the first of the month, Spanish with "de". Month names come from
# Django's catalogues ("E" is the genitive where the language has one); the order is ours.
_DAY = {
    "en": "{d} {m} {y}",
    "ru": "{d} {mg} {y} г.",
    "fr": "{d} {m} {y}",
    "es": "{d} de {m} de {y}",
}
_MONTH = {"en": "{m} {y}", "ru": "{m} {y} г.", "fr": "{m} {y}", "es": "{m} de {y}"}
_AT = {
    "en": "{date}, {time}",
    "ru": "{date}, {time}",
    "fr": "{date} à {time}",
    "es": "{date}, {time}",
}


def _language() -> str:
    code = (get_language() or "en").split("-")[0]
    return code if code in _DAY else "en"


def _month_name(day: datetime.date, genitive: bool, language: str) -> str:
    name = date_format(day, "E" if genitive else "F")
    # Only English capitalises month names inside a sentence.
    return name if language == "en" else name.lower()


def _day_number(day: datetime.date, language: str) -> str:
    return "1er" if language == "fr" and day.day == 1 else str(day.day)


def _write(day: datetime.date, precision: str) -> str:
    language = _language()
    if precision == YEAR:
        return str(day.year)
    parts = {
        "d": _day_number(day, language),
        "m": _month_name(day, False, language),
        "mg": _month_name(day, True, language),
        "y": day.year,
    }
    return (_MONTH if precision == MONTH else _DAY)[language].format(**parts)


def format_partial_date(day: datetime.date | None, precision: str = DAY) -> str:
    """The profile's date: "2019", "April 2019" or "30 July 2002"; "9 января 2005 г.",
    "1er janvier 2005", "9 de enero de 2005" in the active language; "" without a date."""
    if day is None:
        return ""
    return _write(day, precision)


profile_date = format_partial_date


def interface_date(value: datetime.date | datetime.datetime | None) -> str:
    """A day in the interface, written as the profile writes it ("7 December 2026")."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return _write(value, DAY)


def interface_datetime(value: datetime.datetime | None) -> str:
    """A moment in the interface, in local time: "7 December 2026, 21:35"."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime.datetime):
        return interface_date(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return _AT[_language()].format(date=_write(local.date(), DAY), time=f"{local:%H:%M}")
