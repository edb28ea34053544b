"""Load the demo data (issue 7): the Kyrgyz 2018 baseline and 2022 follow-up, people, Georgia."""

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from assessments.demo.loader import demo_load
from assessments.exceptions import ApplicationError
from assessments.models import Framework, SdgSubcategory


class Command(BaseCommand):
    help = "Load the demo assessments and users (development only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates users with a published password; it runs only with DEBUG on."
            )
        if not Framework.objects.filter(indicators__code="1.1.1").exists():
            call_command("load_framework", stdout=self.stdout)
        if not SdgSubcategory.objects.exists():
            call_command("load_crosswalk", stdout=self.stdout)
        # The history plays through the services, which email the people concerned; the demo's
        # addresses are invented, so the emails are kept in memory and counted, not printed.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            before = len(getattr(mail, "outbox", []))
            try:
                report = demo_load()
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            held = len(getattr(mail, "outbox", [])) - before
        if held:
            self.stdout.write(f"{held} notification emails of the demo's history were not sent.")
        for message in report.messages:
            self.stdout.write(self.style.WARNING(message))
        changed = ", ".join(f"{n} {model}" for model, n in sorted(report.changed.items()))
        self.stdout.write(f"Demo data loaded ({changed or 'nothing changed'}).")
        self.stdout.write(f"Demo users (password for all: {report.password}):")
        for username, what in report.users:
            self.stdout.write(f"  {username:<15} {what}")
