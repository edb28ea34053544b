"""The demo data, loaded once for the whole package inside a transaction rolled back at its end.

Each test still runs in its own savepoint (pytest-django's `db`), so a test that changes the
demo leaves it as it was for the next one.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from assessments.demo.loader import demo_load


@pytest.fixture(scope="package")
def demo_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_framework", verbosity=0)
        demo_load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo_data, db):
    """The framework and the demo, as `load_demo` leaves them."""
