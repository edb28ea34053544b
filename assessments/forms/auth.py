"""The password reset form, whose email speaks the account owner's language."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation

from ..selectors.preferences import user_language
from ..services.notifications import sender


class LocalizedPasswordResetForm(PasswordResetForm):
    """Sends the reset link in the language the account chose, else the site's."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, *args, **kwargs
    ):
        with translation.override(user_language(context["user"]) or settings.LANGUAGE_CODE):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email or sender(),
                *args,
                **kwargs,
            )
