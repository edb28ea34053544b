"""Rules that both reads and writes apply: lists mark what a service would refuse.

Kept outside services/ because selectors may not import writes (tests/test_import_graph.py).
"""

from django.utils.translation import gettext as _

from .models import Level


def evidence_gap(level: str | None, items: int, in_force: int) -> str:
    """The rule itself, on counts, so that lists can check many answers without a query each:
    `items` active pieces of evidence, `in_force` of them a source or an instrument in force."""
    if level not in (Level.DEVELOPED, Level.PARTIAL):
        return ""
    label = Level(level).label.lower()
    if not items:
        return _(
            "A “%(level)s” answer needs evidence: cite at least one legal instrument from the "
            "registry or a source."
        ) % {"level": label}
    if level == Level.DEVELOPED and not in_force:
        return _(
            "A draft or repealed instrument cannot be the only evidence of a “developed” answer: "
            "cite an instrument in force or a source."
        )
    return ""
