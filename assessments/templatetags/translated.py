"""Framework texts in the active language: {{ indicator|tr:"question" }}."""

from django import template
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..forms.languages import language_name

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """The object's field in the active language (framework objects carry `translations`)."""
    if obj is None:
        return ""
    if hasattr(obj, "tr"):
        return obj.tr(field)
    if isinstance(obj, dict):
        return obj.get(field, "")
    return getattr(obj, field, "")


@register.filter
def working_language(code: str) -> str:
    """ "English (working language)": what heads a text's original beside its translations."""
    return _("%(language)s (working language)") % {"language": capfirst(language_name(code))}
