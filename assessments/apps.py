from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("MGI assessments")

    def ready(self):
        from . import signals  # noqa: F401  (connects the audit receivers)
