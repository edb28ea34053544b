"""`manage.py render_worker`: the database task worker, after retrying interrupted renders.

The same options as django-tasks-db's `db_worker`. A worker killed mid-render leaves its
render marked as running; once its heartbeat is older than PROFILE_RENDER_TIMEOUT, a
starting worker queues it again (once; a second interruption marks it failed).
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from assessments.report.jobs import renders_recover


class Command(DbWorkerCommand):
    help = "Run the database task worker; first retry renders that a killed worker left."

    def handle(self, *args, **options):
        if requeued := renders_recover():
            self.stdout.write(f"Queued {requeued} interrupted profile render(s) again.")
        return super().handle(*args, **options)
