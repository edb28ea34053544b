"""The audit trail cannot be rewritten, and outlives the users and rows it mentions."""

import pytest
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.db.utils import DatabaseError
from django.urls import reverse

from assessments.models import Assessment, AuditEntry
from assessments.services.audit import audit_log
from tests import factories as f

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)


@pytest.fixture
def entry(assessment, coordinator):
    return audit_log(assessment=assessment, actor=coordinator, action="stage.advance")


def test_no_manager_updates_or_deletes_entries(entry):
    for manager in (AuditEntry.objects, AuditEntry._base_manager):
        with pytest.raises(ValueError, match="append-only"):
            manager.filter(pk=entry.pk).update(action="rewritten")
        with pytest.raises(ValueError, match="append-only"):
            manager.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "stage.advance"


def test_deleting_an_audited_assessment_is_refused_and_says_to_cancel(assessment, entry):
    with pytest.raises(ProtectedError, match="Cancel it instead"):
        assessment.delete()
    with pytest.raises(ProtectedError, match="Cancel it instead"):
        Assessment.objects.filter(pk=assessment.pk).delete()
    assert Assessment.objects.filter(pk=assessment.pk).exists()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_an_assessment_without_audit_entries_can_still_be_deleted(framework):
    empty = f.AssessmentFactory(framework=framework)
    empty.delete()
    assert not Assessment.objects.filter(pk=empty.pk).exists()


def test_the_admin_offers_no_delete_for_an_audited_assessment(client, administrator, entry):
    client.force_login(administrator)
    url = reverse("admin:assessments_assessment_delete", args=[entry.assessment_id])
    assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:assessments_assessment_changelist")
    client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [entry.assessment_id], "post": "yes"},
    )
    assert Assessment.objects.filter(pk=entry.assessment_id).exists()


def test_deleting_the_actor_keeps_their_name_in_the_trail(entry, coordinator):
    name = entry.actor_name
    assert coordinator.username in name
    with transaction.atomic():
        coordinator.delete()
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.actor_id is None
    assert kept.actor_name == name
    assert kept.action == "stage.advance"


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE assessments_auditentry SET action = 'rewritten' WHERE id = %s",
        "UPDATE assessments_auditentry SET actor_name = '' WHERE id = %s",
        "DELETE FROM assessments_auditentry WHERE id = %s",
    ],
)
def test_raw_sql_cannot_update_or_delete_an_entry_on_postgresql(entry, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "stage.advance"
