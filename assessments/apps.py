from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("MGI assessments")

    def ready(self) -> None:
        # The report modules register the functions that the background tasks run.
        from . import signals  # noqa: F401  (connects the handlers)
        from .report import jobs, schedule, versions  # noqa: F401
