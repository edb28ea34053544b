"""The password reset form, whose email speaks the account owner's language."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation

from ..models import UserSettings


class LocalizedPasswordResetForm(PasswordResetForm):
    """Sends the reset link in the language the account chose, else the site's."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        user = context["user"]
        chosen = UserSettings.objects.filter(user=user).values_list("language", flat=True).first()
        with translation.override(chosen or settings.LANGUAGE_CODE):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
