"""Rules that both reads and writes apply: lists mark what a service would refuse.

Kept outside services/ because selectors may not import writes (tests/test_import_graph.py).
"""

from django.utils.translation import gettext as _

from .models import Evidence, Level


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


def evidence_counts(evidence: list[Evidence]) -> tuple[int, int]:
    """(active pieces, of them a source or an instrument in force), from loaded evidence."""
    active = [e for e in evidence if e.removed_at is None]
    return len(active), sum(1 for e in active if e.source_id or e.instrument.is_in_force)


def answer_gaps(response, items: int, in_force: int) -> dict[str, str]:
    """Every reason the answer cannot be handed over yet, keyed by the field it concerns.

    The one rule for submit, accept, bulk accept, carry-over confirm and the lists that mark
    what they would refuse. A finding that is blank after cleaning is empty.
    """
    problems = {}
    if response.option_id is None:
        problems["option"] = _("Choose an answer before submitting.")
    if not (response.finding or "").strip():
        problems["finding"] = _("Write the finding: the paragraph the profile will print.")
    level = response.option.level if response.option_id else None
    if gap := evidence_gap(level, items, in_force):
        problems["evidence"] = gap
    return problems
