"""Sign-in and password reset forms."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..selectors.preferences import user_language
from ..services.notifications import sender
from ..services.sign_in import IDENTIFIER_MAX_LENGTH
from .base import limit_text_fields


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


class SignInForm(AuthenticationForm):
    """People sign in with their email; the demo's and older accounts' usernames work too."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The email or username and the password do not match an account. The password is "
            "case-sensitive."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("Email or username")
        field.max_length = IDENTIFIER_MAX_LENGTH
        field.widget.attrs.update(autocomplete="username", maxlength=IDENTIFIER_MAX_LENGTH)
        field.validators = [v for v in field.validators if not hasattr(v, "limit_value")]
        field.validators.append(MaxLengthValidator(IDENTIFIER_MAX_LENGTH))
        limit_text_fields(self)
