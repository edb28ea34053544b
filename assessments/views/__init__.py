"""Thin views: parse the request, call a selector or service, render."""


def is_htmx(request) -> bool:
    """True when htmx sent the request and expects a fragment."""
    return request.headers.get("HX-Request") == "true"
