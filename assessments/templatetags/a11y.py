"""The error summary at the top of a page: every form error, linked to its field."""

from django import forms, template

register = template.Library()


@register.inclusion_tag("assessments/_error_summary.html", takes_context=True)
def error_summary(context) -> dict:
    """Collect the errors of every bound form in the page's context."""
    errors = []
    seen = set()
    for value in context.flatten().values():
        if not isinstance(value, forms.BaseForm) or id(value) in seen or not value.is_bound:
            continue
        seen.add(id(value))
        for message in value.non_field_errors():
            errors.append({"anchor": "", "label": "", "message": message})
        for field in value:
            for message in field.errors:
                anchor = field.id_for_label or field.auto_id
                errors.append({"anchor": anchor, "label": field.label, "message": message})
    return {"errors": errors}
