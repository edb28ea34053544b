"""Clean user-entered text: one function used by every form and by the workbook import.

Importable without side effects (no Django setup needed).
"""

import re
import unicodedata

# Zero-width characters, word joiner, BOM, soft hyphen, and the bidirectional marks,
# embeddings, overrides and isolates: invisible in print but they break search and matching.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 and C1 controls (DEL included), except tab and line breaks, which multi-line text keeps.
_CONTROLS_KEEP_LINES = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SINGLE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_MULTI_LINE = re.compile(f"[{_CONTROLS_KEEP_LINES}{_INVISIBLE}]")


def clean_text(value: str, multiline: bool = False) -> str:
    """NFC-normalize and strip controls and invisible characters; keep line breaks if multiline."""
    if not value:
        return value
    # NFC last: removing an invisible character can join a letter and its accent
    # ("e", ZWSP, U+0301), which only a normalization after the removal composes.
    if multiline:
        # Normalize Windows and old Mac line ends first, so that \r is not left behind.
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        return unicodedata.normalize("NFC", _MULTI_LINE.sub("", text))
    # In a one-line field a tab or line break was a paste artefact: it becomes a space.
    text = re.sub(r"[\t\r\n]+", " ", value)
    return unicodedata.normalize("NFC", _SINGLE_LINE.sub("", text))
