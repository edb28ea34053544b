"""`export_xlsx KG 2022 -o answers.xlsx [--user USERNAME]`: the offline workbook, as on the page."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError

from assessments import permissions
from assessments.selectors.xlsx import workbook_data
from assessments.services.xlsx_export import workbook_export

from .render_profile import find_assessment


def find_user(username: str):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user named {username}.") from None


class Command(BaseCommand):
    help = "Export the questionnaire of an assessment as an .xlsx workbook to fill offline."

    def add_arguments(self, parser):
        parser.add_argument("assessment", nargs="+", help="assessment id, or country code and year")
        parser.add_argument("-o", "--output", help="output file (default: MGI-<CC>-<year>.xlsx)")
        parser.add_argument("--user", help="export what this person answers (default: everything)")

    def handle(self, *args, **options):
        assessment = find_assessment(options["assessment"])
        user = AnonymousUser()
        if options["user"]:
            user = find_user(options["user"])
            if not permissions.can_export_workbook(user, assessment):
                raise CommandError(f"{user.username} is not part of {assessment}.")
        output = Path(options["output"] or f"MGI-{assessment.country.code}-{assessment.year}.xlsx")
        data = workbook_data(user, assessment)
        output.write_bytes(workbook_export(data=data, user=user))
        self.stdout.write(f"{assessment}: {len(data.rows)} indicators → {output}")
