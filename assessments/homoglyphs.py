"""Look-alike letters of different scripts ("Закон" typed with a Latin "a" and "о").

Two keyboard layouts give titles that read the same and compare different. The look-alikes
come from Unicode's confusables data as shipped by `confusable_homoglyphs`, not from a list of
our own. Importable without side effects (no Django setup needed).
"""

import functools
import re
from dataclasses import dataclass

from confusable_homoglyphs import categories, confusables

# The scripts whose letters are mistaken for one another on government keyboards.
SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
# Words, numbers included ("12-ФЗ" gives "12" and "ФЗ"): a hyphen or a dot separates words.
_WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def _to_latin() -> dict[int, str]:
    """Each Cyrillic or Greek letter that looks like an ASCII letter -> that letter."""
    table = {}
    for char, glyphs in confusables.confusables_data.items():
        if len(char) != 1 or categories.alias(char) not in ("CYRILLIC", "GREEK"):
            continue
        for glyph in glyphs:
            latin = glyph["c"]
            if len(latin) == 1 and latin.isascii() and latin.isalpha():
                table[ord(char)] = latin
                break
    return table


def fold_lookalikes(text: str) -> str:
    """Case-free text with look-alike letters made one: "ЗАКОН", "Закон" and "Зaкoн" agree."""
    table = _to_latin()
    # Fold the lower case, then the upper case: some look-alikes exist only in one of them
    # (Cyrillic "г" and Latin "r"; Cyrillic "Н" and Latin "H").
    once = text.casefold().translate(table)
    return once.upper().translate(table).casefold()


@dataclass(frozen=True)
class MixedWord:
    """A word whose letters come from two scripts; `parts` marks the letters out of place."""

    word: str
    script: str  # the script of most of its letters
    parts: tuple[tuple[str, str], ...]  # (text, "" or the script of a suspicious letter)

    @property
    def suspicious(self) -> list[tuple[str, str]]:
        return [(text, script) for text, script in self.parts if script]


def _script(char: str) -> str:
    name = categories.alias(char) if char.isalpha() else ""
    return name if name in SCRIPTS else ""


def mixed_words(text: str) -> list[MixedWord]:
    """Words mixing scripts where an out-of-place letter looks like one of the word's script."""
    table = _to_latin()
    found = []
    for match in _WORD.finditer(text or ""):
        word = match.group()
        scripts = [_script(c) for c in word]
        counts = {s: scripts.count(s) for s in SCRIPTS if s in scripts}
        if len(counts) < 2:
            continue
        # The word's script is the one most of its letters use; Cyrillic wins a tie, since a
        # Latin word has no reason to hold a Cyrillic letter while the reverse is common.
        main = max(counts, key=lambda s: (counts[s], s == "CYRILLIC"))
        odd = [s not in ("", main) for s in scripts]
        lookalike = any(
            flag and (ord(c) in table or c in table.values() or c.lower() in table.values())
            for c, flag in zip(word, odd, strict=True)
        )
        if lookalike:
            parts = tuple((c, scripts[i] if odd[i] else "") for i, c in enumerate(word))
            found.append(MixedWord(word, main, _merge(parts)))
    return found


def _merge(parts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Runs of letters with the same marking joined, so that a page marks them once."""
    merged: list[tuple[str, str]] = []
    for text, script in parts:
        if merged and merged[-1][1] == script:
            merged[-1] = (merged[-1][0] + text, script)
        else:
            merged.append((text, script))
    return tuple(merged)


def mixed_in(texts: dict[str, str]) -> list[tuple[str, MixedWord]]:
    """(label, word) for each mixed word of the texts, given as {label: text}."""
    return [(label, word) for label, text in texts.items() for word in mixed_words(text)]
