"""The audit trail is append-only: no service, queryset, view or admin action rewrites it."""

import pytest
from django.db import IntegrityError
from django.db.models import ProtectedError

from assessments.models import AuditEntry
from assessments.services.audit import audit_log

pytestmark = pytest.mark.django_db


def test_audit_entries_cannot_be_edited_or_deleted(assessment, consultant):
    entry = audit_log(assessment=assessment, actor=consultant, action="x")
    entry.reason = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    with pytest.raises((ValueError, IntegrityError)):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises((ValueError, IntegrityError)):
        AuditEntry.objects.all().delete()
    entry.refresh_from_db()
    assert entry.reason == "" and AuditEntry.objects.count() == 1


def test_deleting_a_response_unlinks_its_entries_and_the_assessment_is_kept(
    assessment, consultant, response
):
    audit_log(assessment=assessment, actor=consultant, action="x", response=response)
    response.delete()
    assert AuditEntry.objects.get().response is None
    # Issue 14: an assessment with an audit trail is cancelled, never deleted.
    with pytest.raises(ProtectedError, match="Cancel it instead"):
        assessment.delete()
    assert AuditEntry.objects.count() == 1


def test_the_admin_offers_no_way_to_change_or_delete_audit_entries(
    client, administrator, assessment
):
    entry = audit_log(assessment=assessment, actor=administrator, action="x")
    client.force_login(administrator)
    changelist = client.get("/admin/assessments/auditentry/")
    assert changelist.status_code == 200
    assert "delete_selected" not in changelist.content.decode()
    assert client.post(f"/admin/assessments/auditentry/{entry.pk}/change/", {}).status_code == 403
    assert client.post(f"/admin/assessments/auditentry/{entry.pk}/delete/", {}).status_code == 403
    assert client.post(
        "/admin/assessments/auditentry/",
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    ).status_code in (200, 302)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
