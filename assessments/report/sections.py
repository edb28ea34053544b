"""The sections of a draft profile that the government can comment on."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import Assessment

SECTION_KEYS = (
    "updates",
    *(f"domain-{n}" for n in range(1, 7)),
    "covid",
    "sources",
    "legislation",
)


@dataclass(frozen=True)
class Section:
    key: str
    title: str


def profile_sections(assessment: Assessment) -> list[Section]:
    """The sections of this assessment's draft profile that can be commented on, in order."""
    sections = []
    if assessment.baseline_id:
        sections.append(Section("updates", _("Summary of updates since the baseline")))
    for domain in assessment.framework.domains.order_by("number"):
        title = domain.tr("chapter_title") or domain.tr("name")
        sections.append(Section(f"domain-{domain.number}", f"{domain.number}. {title}"))
    if assessment.covid_module:
        sections.append(Section("covid", _("Annex: COVID-19 module")))
    sections.append(Section("sources", _("Key sources")))
    sections.append(Section("legislation", _("Annex: list of migration-related legislation")))
    return sections
