"""The sentence that says what was adopted and when, for the summary of updates.

Used only where no sentence of the findings names a new instrument: it then names it the way a
profile's body does (type and number: "Law No. 89"), never by the registry's full title.
"""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy, pgettext_lazy

from ..models import LegalInstrument

Kind = LegalInstrument.Kind

# The sentence that says what was adopted and when, per type, opening with the year or (when a
# paragraph already opens that way) with the name. In Russian and French the verb agrees with
# the type's noun; in French and Spanish the name carries its article.
_ADOPTED = {
    Kind.LAW: (
        pgettext_lazy("a law", "In %(year)s, %(name)s was adopted."),
        pgettext_lazy("a law", "%(name)s was adopted in %(year)s."),
    ),
    Kind.DECREE: (
        pgettext_lazy("a decree", "In %(year)s, %(name)s was adopted."),
        pgettext_lazy("a decree", "%(name)s was adopted in %(year)s."),
    ),
    Kind.CONSTITUTION: (
        pgettext_lazy("a constitution", "In %(year)s, %(name)s was adopted."),
        pgettext_lazy("a constitution", "%(name)s was adopted in %(year)s."),
    ),
}
_TITLED = {
    Kind.TREATY: (
        gettext_lazy("In %(year)s, the %(title)s was ratified."),
        gettext_lazy("The %(title)s was ratified in %(year)s."),
    ),
    None: (
        gettext_lazy("In %(year)s, the %(title)s was adopted."),
        gettext_lazy("The %(title)s was adopted in %(year)s."),
    ),
}
_UNTITLED = {
    Kind.TREATY: (
        gettext_lazy("In %(year)s, an international agreement was ratified."),
        gettext_lazy("An international agreement was ratified in %(year)s."),
    ),
    None: (
        gettext_lazy("In %(year)s, a new policy document was adopted."),
        gettext_lazy("A new policy document was adopted in %(year)s."),
    ),
}
_NUMBERED = {
    Kind.LAW: pgettext_lazy("short name", "Law No. %(number)s"),
    Kind.DECREE: pgettext_lazy("short name", "Decree No. %(number)s"),
}


def short_name(instrument) -> str:
    """Type and number as a profile's body names an instrument ("Law No. 89"); or ""."""
    if instrument.kind == Kind.CONSTITUTION:
        return str(pgettext_lazy("short name", "a new Constitution"))
    if instrument.number and instrument.kind in _NUMBERED:
        return str(_NUMBERED[instrument.kind]) % {"number": instrument.number}
    return ""


def adoption_sentence(instrument, local, name_first: bool = False) -> str:
    """What was adopted and when, for an instrument that no sentence of the findings names."""
    data = {"year": instrument.adopted_on.year}
    name = short_name(instrument)
    kind = Kind.TREATY if instrument.kind == Kind.TREATY else None
    if name and instrument.kind in _ADOPTED:
        template, data["name"] = _ADOPTED[instrument.kind][name_first], name
    else:
        title = local.title(instrument)
        if not local.original and title == instrument.title:
            # No title in this language: a sentence of ours never embeds an untranslated title.
            template = _UNTITLED[kind][name_first]
        else:
            template = _TITLED[kind][name_first]
            data["title"] = title.removeprefix("The ").removeprefix("the ")
    return capfirst(str(template) % data)
