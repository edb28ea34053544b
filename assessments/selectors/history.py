"""A response's revisions with readable differences between consecutive ones."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Response, ResponseRevision

TOKENS = re.compile(r"\s+|[^\s]+")


def finding_diff(old: str, new: str) -> SafeString:
    """Word-level diff as HTML with <ins> and <del>; all text escaped."""
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


@dataclass
class HistoryEntry:
    revision: ResponseRevision
    finding_html: SafeString
    option_changed: bool
    evidence_added: list[dict]
    evidence_removed: list[dict]


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
            )
        )
        previous = revision
    return entries[::-1]
