"""Which of the interface languages a typed text is written in, when that is clear.

`lingua-language-detector`, restricted to en/ru/fr/es and built once per process. Its
low-accuracy mode (trigrams only) is used: about 18 MB and 0.06 s to build, against ~170 MB and
1.2 s for the high-accuracy models, per web worker; a finding is a paragraph, long enough for
trigrams to decide. Importable without side effects (no Django setup needed).
"""

import functools

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = {
    "en": Language.ENGLISH,
    "ru": Language.RUSSIAN,
    "fr": Language.FRENCH,
    "es": Language.SPANISH,
}
# Below this many letters a text (a name, a number, "See Annex") says too little.
MIN_LETTERS = 40
# The other language must take this share of the verdict, and the expected one at most the
# second share of the text's letters: a Russian finding citing an English title is Russian.
CLEAR = 0.9
EXPECTED_AT_MOST = 0.25


@functools.cache
def _detector():
    return (
        LanguageDetectorBuilder.from_languages(*LANGUAGES.values()).with_low_accuracy_mode().build()
    )


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def clearly_other_language(text: str, expected: str) -> str | None:
    """The code of the language the text is clearly written in, if not `expected`; else None."""
    text = (text or "").strip()
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_LETTERS or expected not in LANGUAGES:
        return None
    detector = _detector()
    values = detector.compute_language_confidence_values(text)
    top = values[0]
    if _code(top.language) == expected or top.value < CLEAR:
        return None
    expected_letters = sum(
        sum(c.isalpha() for c in text[part.start_index : part.end_index])
        for part in detector.detect_multiple_languages_of(text)
        if part.language == LANGUAGES[expected]
    )
    if expected_letters > EXPECTED_AT_MOST * letters:
        return None
    return _code(top.language)


def language_of(text: str) -> str | None:
    """The likeliest of the four languages, however unsure; None for a text without letters."""
    if not any(c.isalpha() for c in text or ""):
        return None
    language = _detector().detect_language_of(text)
    return _code(language) if language else None
