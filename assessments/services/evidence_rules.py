"""What an answer needs before it can be submitted or accepted: an answer, a finding, evidence."""

from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Level, Response
from ..rules import evidence_gap


class IncompleteAnswer(ApplicationError):
    """The answer lacks what submission needs; `problems` maps each form field to its reason."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def evidence_missing(response: Response) -> str:
    """Why the answer's level is not backed by its evidence yet; "" when it is."""
    level = response.option.level if response.option_id else None
    if level not in (Level.DEVELOPED, Level.PARTIAL):
        return ""
    items = list(response.evidence.filter(removed_at__isnull=True).select_related("instrument"))
    in_force = [e for e in items if e.source_id or e.instrument.is_in_force]
    return evidence_gap(level, len(items), len(in_force))


def answer_problems(response: Response) -> dict[str, str]:
    """Every reason the answer cannot be handed over yet, keyed by the field it concerns.

    The one rule for submit, accept, bulk accept and carry-over confirm. A finding that is
    blank after cleaning is empty: no drafted sentence stands in for it.
    """
    problems = {}
    if response.option_id is None:
        problems["option"] = _("Choose an answer before submitting.")
    if not (response.finding or "").strip():
        problems["finding"] = _("Write the finding: the paragraph the profile will print.")
    if missing := evidence_missing(response):
        problems["evidence"] = missing
    return problems


def answer_check(response: Response) -> None:
    """Raise IncompleteAnswer naming every missing part; return when the answer is complete."""
    if problems := answer_problems(response):
        raise IncompleteAnswer(problems)
