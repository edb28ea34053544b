"""The texts of one assessment in the profile's language, noting what lacks a translation.

What people typed is stored in the assessment's working language (the registry: the country's),
with translations for the other languages (issue 32). A profile in another language prints the
translation, or the original marked with its language: never the original silently (issue 31).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Localizer:
    language: str
    working: str  # the assessment's working language: its texts need no translation
    missing: list[str] = field(default_factory=list)  # indicator codes, in order of use
    registry: str = ""  # the country's language, that of the registry's titles (default: working)

    def __post_init__(self) -> None:
        self.registry = self.registry or self.working

    @property
    def original(self) -> bool:
        return self.language == self.working

    def _pick(self, original: str, translations: dict, code: str) -> str:
        if self.original or not original.strip():
            return original
        text = (translations or {}).get(self.language, "")
        if text.strip():
            return text
        if code not in self.missing:
            self.missing.append(code)
        return original  # marked with its language where printed, and listed on page 2

    def _untranslated(self, original: str, translations: dict) -> bool:
        if self.original or not original.strip():
            return False
        return not (translations or {}).get(self.language, "").strip()

    def finding(self, response) -> str:
        return self._pick(response.finding, response.finding_translations, response.indicator.code)

    def finding_language(self, response) -> str:
        """The working language when the finding prints untranslated here, else ""."""
        untranslated = self._untranslated(response.finding, response.finding_translations)
        return self.working if untranslated else ""

    def translated_finding(self, response) -> str:
        """The finding in the profile's language, "" where it has no translation.

        For sentences the app writes around a finding: they quote it only when translated.
        """
        if self._untranslated(response.finding, response.finding_translations):
            return ""
        return self.finding(response)

    def note(self, evidence, code: str) -> str:
        return self._pick(evidence.note, evidence.note_translations, code)

    def note_language(self, evidence) -> str:
        return self.working if self._untranslated(evidence.note, evidence.note_translations) else ""

    def title(self, instrument) -> str:
        """An instrument's title; an untranslated one is quoted as it is, like a proper name."""
        translated = (instrument.title_translations or {}).get(self.language, "")
        if self.language == self.registry or not translated.strip():
            return instrument.title
        return translated

    def title_language(self, instrument) -> str:
        """The registry's language when the title prints untranslated (in italics), else ""."""
        translated = (instrument.title_translations or {}).get(self.language, "")
        if self.language == self.registry or translated.strip():
            return ""
        return self.registry

    def adoption_note(self, instrument) -> tuple[str, str]:
        """(the adoption note in this language, its language when it prints untranslated)."""
        note = instrument.adoption_note
        if self.language == self.registry or not note.strip():
            return note, ""
        translated = (instrument.adoption_note_translations or {}).get(self.language, "")
        return (translated, "") if translated.strip() else (note, self.registry)

    def source(self, source) -> tuple[str, str, str, str]:
        """(organization, its language, title, its language); a language only when untranslated."""
        if self.original:
            return source.organization, "", source.title, ""
        tr = (source.translations or {}).get(self.language) or {}
        organization = tr.get("organization") or source.organization
        title = tr.get("title") or source.title
        return (
            organization,
            "" if tr.get("organization") else self.working,
            title,
            "" if tr.get("title") else self.working,
        )
