"""The texts of one assessment in the profile's language, noting what lacks a translation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Localizer:
    language: str
    working: str  # the assessment's working language: its texts need no translation
    missing: list[str] = field(default_factory=list)  # indicator codes, in order of use

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
        return original  # printed after the warning that lists what lacks a translation

    def finding(self, response) -> str:
        return self._pick(response.finding, response.finding_translations, response.indicator.code)

    def note(self, evidence, code: str) -> str:
        return self._pick(evidence.note, evidence.note_translations, code)

    def title(self, instrument) -> str:
        """An instrument's title; an untranslated one is quoted as it is, like a proper name."""
        translated = (instrument.title_translations or {}).get(self.language, "")
        return instrument.title if self.original or not translated.strip() else translated
