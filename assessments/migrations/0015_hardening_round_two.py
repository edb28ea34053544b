"""Hardening, round two: invitations to addresses without an account (the account is made
when the invitation is accepted), and on PostgreSQL the audit table refuses TRUNCATE."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# A statement-level trigger: row triggers (0007) never see TRUNCATE. Django's test runner
# empties every table with TRUNCATE between browser tests; its connections set
# mgi.allow_audit_truncate (test settings only), which no production connection does.
CREATE_TRUNCATE_TRIGGER = """
CREATE OR REPLACE FUNCTION assessments_auditentry_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('mgi.allow_audit_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'Audit entries are append-only: TRUNCATE refused.';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS assessments_auditentry_no_truncate ON assessments_auditentry;
CREATE TRIGGER assessments_auditentry_no_truncate
    BEFORE TRUNCATE ON assessments_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION assessments_auditentry_no_truncate();
"""
DROP_TRUNCATE_TRIGGER = """
DROP TRIGGER IF EXISTS assessments_auditentry_no_truncate ON assessments_auditentry;
DROP FUNCTION IF EXISTS assessments_auditentry_no_truncate();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


def copy_invited_emails(apps, schema_editor):
    Invitation = apps.get_model("assessments", "Invitation")
    for invitation in Invitation.objects.select_related("user").filter(email=""):
        invitation.email = invitation.user.email if invitation.user_id else ""
        invitation.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0013_board_seen_in_session"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="invitation",
            name="user",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="invitations",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="email"),
        ),
        migrations.AddField(
            model_name="invitation",
            name="first_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="first name"),
        ),
        migrations.AddField(
            model_name="invitation",
            name="last_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="last name"),
        ),
        migrations.RunPython(copy_invited_emails, migrations.RunPython.noop),
        migrations.RunPython(
            on_postgresql(CREATE_TRUNCATE_TRIGGER), on_postgresql(DROP_TRUNCATE_TRIGGER)
        ),
    ]
