"""A deterministic clock for the demo, so that its history spreads over plausible weeks."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone


class DemoClock:
    """While `running()`, timezone.now() (and so auto_now fields) reads this clock's time."""

    def __init__(self, start: datetime.datetime):
        self.now = start

    def advance(self, **delta: float) -> datetime.datetime:
        self.now += datetime.timedelta(**delta)
        return self.now

    @contextmanager
    def running(self) -> Iterator["DemoClock"]:
        # Patching the one function every service and auto_now field calls is the least
        # intrusive way to date a played history; it is used only by the demo loader.
        with mock.patch.object(timezone, "now", lambda: self.now):
            yield self


def clock_at(year: int, month: int, day: int, hour: int = 9) -> DemoClock:
    return DemoClock(datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC))
