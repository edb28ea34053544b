"""Framework texts in the active language: {{ indicator|tr:"question" }}."""

from django import template

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
