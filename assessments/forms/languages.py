"""Fields named by language (issue 32): "Edition (Russian, working language)", "Title (French)"."""

from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _


def language_name(code: str) -> str:
    """A language's name in the interface language, as written mid-sentence there."""
    name = str(get_language_info(code)["name_translated"])
    return name if (get_language() or "en").startswith("en") else name.lower()


def language_label(label, code: str, original: str, *, registry: bool = False) -> str:
    """The field's label with its language; the original's says whose language it is."""
    values = {"field": label, "language": language_name(code)}
    if code != original:
        return _("%(field)s (%(language)s)") % values
    if registry:
        return _("%(field)s (%(language)s, the country's language)") % values
    return _("%(field)s (%(language)s, working language)") % values
