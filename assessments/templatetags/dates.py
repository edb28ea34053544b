"""Dates in templates, written by the one helper: {{ moment|when }}, {{ day|day }}."""

from django import template

from ..dates import interface_date, interface_datetime

register = template.Library()


@register.filter
def when(value) -> str:
    """A moment with its time: "7 December 2026, 21:35" in the active language."""
    return interface_datetime(value)


@register.filter
def day(value) -> str:
    """A day without its time: "7 December 2026" in the active language."""
    return interface_date(value)
