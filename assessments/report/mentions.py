"""Reading findings for the summary of updates: which sentences name an instrument, which are new.

Findings are written by focal points in their own words, so nothing here expects the registry's
title verbatim: an instrument is recognized by its number ("No. 89", "№ 89", "n° 89") or by the
distinctive words of its title, compared on their first five letters so that "Concept" meets
"Концепции" the same way as "Концепция". Works the same way in the four profile languages.
"""

from __future__ import annotations

import re

STEM = 5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that name nothing: articles, prepositions, conjunctions in en, ru, fr, es.
STOP = _words(
    "the of and for on in to a an by with from at as its it is are was were be this that "
    "и в во на о об по с со к от для до из за при или а "
    "le la les de du des et en au aux un une sur pour par dans "
    "el los las del y al por para con una"
)
# The first word of a sentence that leans on the one before it.
ANAPHORA = _words(
    "it its this these that those they their such "
    "он она оно они его ее её их этот эта это эти тот та те такой "
    "il elle ils elles ce cet cette ces son sa ses leur leurs "
    "él ella ellos ellas este esta estos estas ese esa su sus dicho dicha"
)
_WORD = re.compile(r"[^\W_]+(?:[–-][^\W_]+)*")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# "No. 89", "Nos. 4", "№ 89", "n° 89", "nº 89", "n.º 89", "núm. 89"; the word before is the type.
_NUMBER = r"(?:(?P<type>[^\W\d_]+)\s+)?(?:No\.|Nos\.|№|n°|nº|n\.º|núm\.?)\s*{number}(?![\w-])"


def stems(text: str, ignore: frozenset = frozenset()) -> list[str]:
    """The content words of a text, shortened to their stems, in order."""
    words = (w.lower() for w in _WORD.findall(text))
    return [
        w[:STEM]
        for w in words
        if (w.isdigit() or len(w) > 2) and w not in STOP and w[:STEM] not in ignore
    ]


def _run(a: list[str], b: list[str], length: int = 3) -> bool:
    """Whether a and b share `length` consecutive stems."""
    runs = {tuple(a[i : i + length]) for i in range(len(a) - length + 1)}
    return any(tuple(b[i : i + length]) in runs for i in range(len(b) - length + 1))


class Reader:
    """Tells which sentences of a finding name an instrument, and which say something new."""

    def __init__(self, ignore_words: list[str]):
        # The country's names ("Kyrgyz Republic") are in every title and distinguish none.
        self.ignore = frozenset(s for name in ignore_words for s in stems(name))

    def names(self, sentence: str, title: str, number: str, year: int | None) -> bool:
        """Whether the sentence names the instrument with this title, number and year."""
        if number:
            for match in re.finditer(_NUMBER.format(number=re.escape(number)), sentence, re.I):
                kind = (match.group("type") or "").lower()[:STEM]
                # "Law No. 4" is not "Decree No. 4": numbers restart per type and per year.
                if not kind or kind == title.lower()[:STEM] or (year and str(year) in sentence):
                    return True
        return self._names_by_title(sentence, title)

    def _names_by_title(self, sentence: str, title: str) -> bool:
        wanted = list(dict.fromkeys(stems(title, self.ignore)))
        found = stems(sentence, self.ignore)
        if not wanted:
            return False
        # A title's own years tell it from an earlier one of the same name ("until 2020").
        title_years, sentence_years = set(_YEAR.findall(title)), set(_YEAR.findall(sentence))
        if title_years and sentence_years and not title_years & sentence_years:
            return False
        if len(wanted) <= 2:
            return all(w in found for w in wanted)
        share = sum(w in found for w in wanted) / len(wanted)
        return share >= 0.6 or _run(stems(title, self.ignore), found)

    def is_new(self, sentence: str, before: list[str]) -> bool:
        """Whether the sentence says more than any sentence of the baseline's finding."""
        mine = set(stems(sentence, self.ignore))
        if not mine:
            return False
        for old in before:
            theirs = set(stems(old, self.ignore))
            if len(mine & theirs) / len(mine) >= 0.6:
                return False
        return True


def leans_back(sentence: str) -> bool:
    """Whether the sentence opens with a word that points at the sentence before it."""
    first = _WORD.match(sentence.lstrip("«“\"'("))
    return bool(first) and first.group().lower() in ANAPHORA
