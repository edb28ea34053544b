"""On PostgreSQL the audit table refuses TRUNCATE too (a statement-level trigger)."""

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from assessments.models import AuditEntry
from tests.security.test_audit_trail import entry, postgres_only  # noqa: F401

# Committed rows: TRUNCATE refuses a table with pending trigger events for other reasons.
# The flush after each test truncates every table, the audit table included, as allowed.
pytestmark = pytest.mark.django_db(transaction=True)


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "TRUNCATE assessments_auditentry",
        "TRUNCATE TABLE assessments_auditentry RESTART IDENTITY CASCADE",
    ],
)
def test_truncate_of_the_audit_table_is_refused_on_postgresql(entry, sql):  # noqa: F811
    with (
        pytest.raises(DatabaseError, match="TRUNCATE refused"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # Test connections allow it (Django empties tables between browser tests this way);
        # a production connection does not set this, and neither does this transaction.
        cursor.execute("SET LOCAL mgi.allow_audit_truncate = 'off'")
        cursor.execute(sql)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@postgres_only
def test_truncating_other_tables_still_works(entry):  # noqa: F811
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL mgi.allow_audit_truncate = 'off'")
        cursor.execute("TRUNCATE axes_accessattempt CASCADE")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
