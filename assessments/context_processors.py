"""Navigation flags for the base layout, from the permissions module."""

from . import permissions


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_dashboard": False}
    return {"nav_dashboard": permissions.can_use_dashboard(user)}
