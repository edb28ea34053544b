"""`check_translations`: what is left to translate, per language; exits 1 if anything is."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.models import (
    AnswerOption,
    Domain,
    Framework,
    GcmObjective,
    Indicator,
    SdgSubcategory,
    SubDomain,
)

# The framework and crosswalk texts each language must translate, per model.
FRAMEWORK_FIELDS = {
    Framework: ("name", "description"),
    Domain: ("name", "migof_text", "chapter_title", "description"),
    SubDomain: ("name",),
    Indicator: ("title", "question", "guidance"),
    AnswerOption: ("label", "statement_template"),
    SdgSubcategory: ("domain_name", "text"),
    GcmObjective: ("title",),
}


def interface_missing(language: str) -> tuple[int, int]:
    """(empty, fuzzy) messages of the language's .po files; a missing file counts as -1."""
    empty = fuzzy = 0
    found = False
    for folder in settings.LOCALE_PATHS:
        for name in ("django.po", "djangojs.po"):
            path = Path(folder) / language / "LC_MESSAGES" / name
            if not path.exists():
                continue
            found = True
            po = polib.pofile(str(path))
            active = [e for e in po if not e.obsolete]
            fuzzy += sum(1 for e in active if e.fuzzy)
            empty += sum(1 for e in active if not e.fuzzy and not e.translated())
    return (empty, fuzzy) if found else (-1, 0)


def framework_missing(language: str) -> int:
    """Framework and crosswalk texts (non-empty in English) without a translation."""
    missing = 0
    for model, fields in FRAMEWORK_FIELDS.items():
        for obj in model.objects.only("translations", *fields):
            texts = obj.translations.get(language) or {}
            missing += sum(1 for f in fields if getattr(obj, f) and not texts.get(f))
    for framework in Framework.objects.all():
        translated = (framework.translations.get(language) or {}).get("profile_texts") or {}
        missing += sum(
            1 for k, v in (framework.profile_texts or {}).items() if v and k not in translated
        )
    return missing


class Command(BaseCommand):
    help = (
        "List, per language, interface messages and framework and crosswalk texts lacking a "
        "translation."
    )

    def handle(self, *args, **options):
        incomplete = []
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue  # the source language
            empty, fuzzy = interface_missing(code)
            framework = framework_missing(code)
            if empty < 0:
                line = f"{code}: no .po file, {framework} framework texts missing"
                incomplete.append(code)
            else:
                line = (
                    f"{code}: {empty} interface messages empty, {fuzzy} fuzzy, "
                    f"{framework} framework and crosswalk texts missing"
                )
                if empty or fuzzy or framework:
                    incomplete.append(code)
            self.stdout.write(line)
        if incomplete:
            raise CommandError(f"Translations incomplete: {', '.join(incomplete)}.")
        self.stdout.write("All translations complete.")
