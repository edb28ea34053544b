"""Readable word-level diffs of findings between two revisions."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Words and the whitespace between them, so that joining the tokens gives the text back.
_TOKENS = re.compile(r"\s+|[^\s]+")


def finding_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with removed words in <del> and added words in <ins>; text is escaped."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # every piece is escaped above
