"""What an answer needs before it can be submitted or accepted: an answer, a finding, evidence."""

from ..exceptions import ApplicationError
from ..models import Level, Response
from ..rules import answer_gaps, evidence_counts, evidence_gap


class IncompleteAnswer(ApplicationError):
    """The answer lacks what submission needs; `problems` maps each form field to its reason."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def _evidence_counts(response: Response) -> tuple[int, int]:
    """The counts evidence_gap reads; no query where the answer's level needs no evidence."""
    if response.option_id is None or response.option.level not in (Level.DEVELOPED, Level.PARTIAL):
        return 0, 0
    active = response.evidence.filter(removed_at__isnull=True).select_related("instrument")
    return evidence_counts(list(active))


def evidence_missing(response: Response) -> str:
    """Why the answer's level is not backed by its evidence yet; "" when it is."""
    level = response.option.level if response.option_id else None
    return evidence_gap(level, *_evidence_counts(response))


def answer_problems(response: Response) -> dict[str, str]:
    """Every reason the answer cannot be handed over yet (rules.answer_gaps), from the database."""
    return answer_gaps(response, *_evidence_counts(response))


def answer_check(response: Response) -> None:
    """Raise IncompleteAnswer naming every missing part; return when the answer is complete."""
    if problems := answer_problems(response):
        raise IncompleteAnswer(problems)
