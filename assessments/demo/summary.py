"""The consultant's own summary of updates of the Kyrgyz 2022 demo (`summary_of_updates` blocks).

The wording replaces the drafted summary domain by domain, in English (the working language)
and in Russian. The drafts it answers are recorded as well, so that the profile texts page
flags a domain whose draft changes afterwards, as it would after a consultant's own edit.
"""

from ..models import Assessment
from ..report import texts
from ..report.build import profile_build
from ..report.updates import draft_hash, draft_text


def wording(doc: dict) -> dict:
    """{"updates_<n>": text} from a demo document's summary_of_updates block."""
    block = doc.get("summary_of_updates") or {}
    return {f"{texts.UPDATES_PREFIX}{n}": str(text).strip() for n, text in block.items()}


def with_wording(doc: dict) -> dict:
    """A translation document whose profile texts include its summary of updates."""
    return {**doc, "profile_texts": {**(doc.get("profile_texts") or {}), **wording(doc)}}


def summary_sync(assessment: Assessment, doc: dict, report) -> None:
    """The working language's wording, then the drafts that each language's wording answers."""
    current = dict(assessment.profile_texts or {})
    if {**current, **wording(doc)} != current:
        assessment.profile_texts = {**current, **wording(doc)}
        assessment.save(update_fields=["profile_texts"])
        report.changed["Assessment"] += 1
    hashes = {}
    for language in [assessment.language, *sorted(assessment.translations or {})]:
        own = texts.overrides(assessment, language)
        drafted = profile_build(assessment, language=language, drafted_updates=True).updates
        answered = {
            str(b.number): draft_hash(draft_text(b))
            for b in drafted or []
            if own.get(f"{texts.UPDATES_PREFIX}{b.number}")
        }
        if answered:  # French and Spanish have no wording of their own: nothing to record
            hashes[language] = answered
    if hashes != assessment.updates_draft_hashes:
        assessment.updates_draft_hashes = hashes
        assessment.save(update_fields=["updates_draft_hashes"])
        report.changed["Assessment"] += 1
