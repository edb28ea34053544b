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


# --- Sentences ----------------------------------------------------------------------------------
# Abbreviations after which a full stop does not end a sentence, in the four profile languages
# (lower-cased, with their full stop). "№" has no stop of its own but is listed for completeness.
ABBREVIATIONS = frozenset(
    {
        *("no.", "nos.", "art.", "arts.", "para.", "paras.", "p.", "pp.", "cf.", "e.g.", "i.e."),
        *("vol.", "ch.", "sec.", "fig.", "approx.", "mr.", "mrs.", "ms.", "dr.", "st."),
        *("№", "ст.", "п.", "пп.", "ч.", "гл.", "см.", "т.е.", "т.к.", "им."),
        *("n°", "nº", "al.", "ex.", "p.ex."),
        *("núm.", "nros.", "n.º", "pág.", "págs.", "apdo.", "inc.", "lit."),
    }
)
# A stop, question or exclamation mark (with closing quotes or brackets) and the space after it.
_BOUNDARY = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+")


def _is_abbreviation(before: str) -> bool:
    word = before.split()[-1].lstrip("([«“\"'") if before.split() else ""
    word = re.split(r"[’']", word.lower())[-1]  # French elision: "l’art." is "art."
    # A single capital letter with a stop is an initial ("J. Smith"), not a sentence end.
    return word in ABBREVIATIONS or (len(word) == 2 and word[1] == "." and before[-2].isupper())


def sentences(text: str) -> list[str]:
    """The sentences of a text, never cut after an abbreviation such as "No." or "ст."."""
    text = " ".join((text or "").split())
    found, start = [], 0
    for match in _BOUNDARY.finditer(text):
        head = text[start : match.start() + len(match.group().rstrip())]
        after = text[match.end() : match.end() + 1]
        # A sentence starts with a capital, a digit or an opening quote, never in lower case.
        if after.islower() or _is_abbreviation(text[start : match.start() + 1]):
            continue
        found.append(head.strip())
        start = match.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def first_sentence(text: str) -> str:
    """The first sentence of a text (the whole text when it has one sentence only)."""
    found = sentences(text)
    return found[0] if found else ""
