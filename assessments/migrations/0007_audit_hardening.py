"""Audit trail: entries outside an assessment, the actor's name as text, and on
PostgreSQL a trigger that refuses UPDATE and DELETE of entries (raw SQL included)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Deleting a user or a response sets the link to NULL; that is the only change allowed.
CREATE_TRIGGER = """
CREATE OR REPLACE FUNCTION assessments_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.response_id IS NULL OR NEW.response_id = OLD.response_id)
       AND (to_jsonb(NEW) - 'actor_id' - 'response_id')
           = (to_jsonb(OLD) - 'actor_id' - 'response_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'Audit entries are append-only: ' || TG_OP || ' refused.';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS assessments_auditentry_append_only ON assessments_auditentry;
CREATE TRIGGER assessments_auditentry_append_only
    BEFORE UPDATE OR DELETE ON assessments_auditentry
    FOR EACH ROW EXECUTE FUNCTION assessments_auditentry_append_only();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS assessments_auditentry_append_only ON assessments_auditentry;
DROP FUNCTION IF EXISTS assessments_auditentry_append_only();
"""


def backfill_actor_names(apps, schema_editor):
    AuditEntry = apps.get_model("assessments", "AuditEntry")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    ids = AuditEntry.objects.exclude(actor=None).values_list("actor_id", flat=True).distinct()
    for user in User.objects.filter(pk__in=list(ids)):
        full = f"{user.first_name} {user.last_name}".strip()
        label = f"{full} ({user.username})" if full else user.username
        AuditEntry.objects.filter(actor_id=user.pk).update(actor_name=label)


def trigger(sql):
    def run(apps, schema_editor):
        # SQLite has no such trigger; the ORM guards (base manager, model) still apply.
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0006_profile_render"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditentry",
            options={
                "base_manager_name": "objects",
                "ordering": ["-created_at", "-pk"],
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
            },
        ),
        migrations.AddField(
            model_name="auditentry",
            name="actor_name",
            field=models.CharField(blank=True, max_length=300, verbose_name="actor"),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="assessment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audit",
                to="assessments.assessment",
            ),
        ),
        migrations.RunPython(backfill_actor_names, migrations.RunPython.noop),
        migrations.RunPython(trigger(CREATE_TRIGGER), trigger(DROP_TRIGGER)),
    ]
