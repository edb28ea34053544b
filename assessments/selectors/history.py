"""A response's revisions with readable differences between consecutive ones."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from ..diffs import finding_diff
from ..models import Response, ResponseRevision
from .sentences import action_sentence, note_sentence, person


@dataclass
class HistoryEntry:
    revision: ResponseRevision
    finding_html: SafeString
    option_changed: bool
    evidence_added: list[dict]
    evidence_removed: list[dict]
    sentence: str = ""
    note: str = ""


def history_for(response: Response) -> list[HistoryEntry]:
    """Newest first; each entry compared with the revision before it (1 query)."""
    revisions = list(response.revisions.select_related("option", "author").order_by("version"))
    entries, previous = [], None
    for revision in revisions:
        before_ids = {e["id"] for e in previous.evidence} if previous else set()
        after_ids = {e["id"] for e in revision.evidence}
        entries.append(
            HistoryEntry(
                revision=revision,
                finding_html=finding_diff(previous.finding if previous else "", revision.finding),
                option_changed=previous is None or previous.option_id != revision.option_id,
                evidence_added=[e for e in revision.evidence if e["id"] not in before_ids],
                evidence_removed=[
                    e for e in (previous.evidence if previous else []) if e["id"] not in after_ids
                ],
                sentence=action_sentence(revision.action, person(revision.author)),
                note=note_sentence(revision.note),
            )
        )
        previous = revision
    return entries[::-1]
