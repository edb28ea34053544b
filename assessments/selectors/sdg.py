"""The draft answers to SDG indicator 10.7.2 and the GCM table, derived from MGI answers.

This is a draft to help a government answer the UN Inquiry, never an official figure, and it
compares no countries.
"""

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from ..models import Assessment, GcmObjective, Level, Response, SdgOverride, SdgSubcategory
from ..report.placement import placement
from .work import assessment_indicators

CROSSWALK_FILE = Path(settings.BASE_DIR) / "fixtures" / "crosswalk" / "sdg1072.yaml"
CATEGORY_LABELS = {
    "fully_meets": _("Fully meets"),
    "meets": _("Meets"),
    "partially_meets": _("Partially meets"),
    "requires_further_progress": _("Requires further progress"),
}
# The share of mapped answers at "developed" (partial counting half) that suggests "yes".
YES_SHARE = 0.5
WEIGHTS = {Level.DEVELOPED: 1.0, Level.PARTIAL: 0.5, Level.ABSENT: 0.0}
RULE = _(
    "A sub-category is suggested as “yes” when at least half of the answered MGI indicators "
    "mapped to it are at the level “developed”, an answer at “partially developed” counting "
    "as half. It is suggested as “no” otherwise, and when none of its indicators has an answer "
    "yet. Waived indicators and answers “not applicable” are left out."
)


@functools.cache
def category_thresholds() -> list[tuple[str, float]]:
    """(category key, lowest percentage) from the crosswalk file, highest first."""
    rows = yaml.safe_load(CROSSWALK_FILE.read_text(encoding="utf-8"))["categories"]
    return sorted(((r["key"], float(r["min"])) for r in rows), key=lambda r: -r[1])


def category_for(percent: float) -> str:
    """The 10.7.2 category key of a domain value (per cent of its sub-categories at yes)."""
    for key, lowest in category_thresholds():
        if percent >= lowest:
            return key
    raise ValueError(f"no category for {percent}")


@dataclass
class Support:
    response: Response

    @property
    def level(self) -> str:
        return self.response.option.level


@dataclass
class SubcategoryDraft:
    subcategory: SdgSubcategory
    support: list[Support]
    override: SdgOverride | None = None

    @property
    def suggested(self) -> bool:
        weights = [WEIGHTS[s.level] for s in self.support if s.level in WEIGHTS]
        return bool(weights) and sum(weights) / len(weights) >= YES_SHARE

    @property
    def value(self) -> bool:
        return self.override.value if self.override else self.suggested


@dataclass
class DomainDraft:
    number: int
    name: str
    rows: list[SubcategoryDraft] = field(default_factory=list)

    @property
    def yes_count(self) -> int:
        return sum(r.value for r in self.rows)

    @property
    def percent(self) -> float:
        return 100 * self.yes_count / len(self.rows) if self.rows else 0.0

    @property
    def category(self) -> str:
        return category_for(self.percent)

    @property
    def category_label(self) -> str:
        return str(CATEGORY_LABELS[self.category])


def _answers(assessment: Assessment) -> dict[int, Response]:
    """Answers that count: an option chosen, not waived, by indicator id."""
    rows = Response.objects.filter(
        assessment=assessment,
        option__isnull=False,
        waiver_reason="",
        indicator__in=assessment_indicators(assessment),
    ).select_related("option", "indicator__subdomain", "indicator__framework")
    return {r.indicator_id: r for r in rows}


def sdg_draft(assessment: Assessment) -> list[DomainDraft]:
    """The 30 sub-categories with their suggestion, supporting answers and override."""
    answers = _answers(assessment)
    overrides = {
        o.subcategory_id: o
        for o in SdgOverride.objects.filter(assessment=assessment).select_related("set_by")
    }
    domains: dict[int, DomainDraft] = {}
    for sub in SdgSubcategory.objects.prefetch_related("indicators").order_by("code"):
        support = [
            Support(answers[i.pk])
            for i in sorted(sub.indicators.all(), key=lambda i: i.order)
            if i.pk in answers and answers[i.pk].option.level != Level.NOT_APPLICABLE
        ]
        domain = domains.setdefault(sub.domain, DomainDraft(sub.domain, sub.tr("domain_name")))
        domain.rows.append(SubcategoryDraft(sub, support, overrides.get(sub.pk)))
    return [domains[n] for n in sorted(domains)]


@dataclass
class GcmRow:
    objective: GcmObjective
    developed: list[Response]
    further: list[Response]


def gcm_table(assessment: Assessment) -> list[GcmRow]:
    """Per GCM objective, the well-developed areas and areas for development that relate."""
    answers = _answers(assessment)
    rows = []
    objectives = GcmObjective.objects.prefetch_related(Prefetch("indicators")).order_by("number")
    for objective in objectives:
        related = [
            answers[i.pk]
            for i in sorted(objective.indicators.all(), key=lambda i: i.order)
            if i.pk in answers
        ]
        rows.append(
            GcmRow(
                objective,
                [r for r in related if placement(r) == Response.Placement.WELL_DEVELOPED],
                [r for r in related if placement(r) == Response.Placement.FURTHER_DEVELOPMENT],
            )
        )
    return rows
