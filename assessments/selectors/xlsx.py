"""Reads behind the offline workbook and the analysis export, in a fixed number of queries."""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q

from .. import permissions
from ..models import (
    AnswerOption,
    Assessment,
    Evidence,
    Indicator,
    LegalInstrument,
    Response,
    Source,
)
from ..report.texts import edition
from .work import assessment_indicators, indicators_for


@dataclass
class WorkbookRow:
    indicator: Indicator
    response: Response | None
    options: list[AnswerOption]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class WorkbookData:
    assessment: Assessment
    rows: list[WorkbookRow]
    instruments: list[LegalInstrument]
    sources: list[Source]


def _options():
    return Prefetch("options", queryset=AnswerOption.objects.order_by("order"))


def workbook_data(user: AbstractBaseUser, assessment: Assessment) -> WorkbookData:
    """The user's indicators (all, outside the focal-point role) with answers and evidence."""
    indicators = list(indicators_for(user, assessment).prefetch_related(_options()))
    live = Evidence.objects.filter(removed_at__isnull=True).select_related("instrument", "source")
    responses = {
        r.indicator_id: r
        for r in Response.objects.filter(
            assessment=assessment, indicator__in=[i.pk for i in indicators]
        )
        .select_related("option")
        .prefetch_related(Prefetch("evidence", queryset=live))
    }
    rows = []
    for indicator in indicators:
        response = responses.get(indicator.pk)
        evidence = list(response.evidence.all()) if response else []
        rows.append(WorkbookRow(indicator, response, list(indicator.options.all()), evidence))
    return WorkbookData(
        assessment=assessment,
        rows=rows,
        instruments=list(LegalInstrument.objects.filter(country_id=assessment.country_id)),
        sources=list(Source.objects.filter(assessment=assessment)),
    )


def import_context(assessment: Assessment, codes: list[str]) -> dict:
    """What an import compares against: indicators, current answers, registry and sources."""
    indicators = {
        i.code: i
        for i in assessment_indicators(assessment)
        .filter(code__in=codes)
        .prefetch_related(_options())
    }
    responses = {
        r.indicator_id: r
        for r in Response.objects.filter(
            assessment=assessment, indicator__in=[i.pk for i in indicators.values()]
        ).select_related("option", "updated_by")
    }
    return {
        "indicators": indicators,
        "responses": responses,
        "instruments": list(LegalInstrument.objects.filter(country_id=assessment.country_id)),
        "sources": list(Source.objects.filter(assessment=assessment)),
    }


@dataclass
class AnalysisColumn:
    assessment: Assessment
    responses: dict[int, Response]


def analysis_data(assessments: list[Assessment]) -> tuple[list[Indicator], list[AnalysisColumn]]:
    """Every indicator answered in any of the assessments, and each one's answers (side by side)."""
    indicators: dict[int, Indicator] = {}
    columns = []
    live = Count("evidence", filter=Q(evidence__removed_at__isnull=True))
    for assessment in assessments:
        for indicator in assessment_indicators(assessment):
            indicators.setdefault(indicator.pk, indicator)
        responses = Response.objects.filter(assessment=assessment).select_related("option")
        columns.append(
            AnalysisColumn(assessment, {r.indicator_id: r for r in responses.annotate(n=live)})
        )
    return list(indicators.values()), columns


# Characters that Windows, macOS or a browser refuse in a file name.
_UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|@\x00-\x1f]+')


def workbook_filename(*, assessment: Assessment, user, language: str) -> str:
    """Country, edition and the person's ministry, in the language; never the person's address."""
    _name, short_name = assessment.country.names(language)
    membership = permissions.membership(user, assessment)  # cached for the request
    institution = membership.institution if membership else ""
    parts = ["MGI", short_name, edition(assessment, language), institution]
    cleaned = [" ".join(_UNSAFE_IN_FILE_NAME.sub(" ", p).split()) for p in parts]
    return " - ".join(p for p in cleaned if p)[:180] + ".xlsx"
