"""Database → Profile: one assessment turned into plain data, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..models import Assessment, Domain, Evidence, Level, Response, Source
from . import annex, texts
from .profile import (
    Chapter,
    CovidAnnex,
    DomainSummary,
    Footnote,
    MigofItem,
    Paragraph,
    ProcessStep,
    Profile,
    SourceEntry,
    SourceGroup,
    TocEntry,
)
from .updates import build_updates

Placement = Response.Placement
COVID_SLUG = "covid19"
FINAL_STAGES = {Assessment.Stage.VALIDATED, Assessment.Stage.PUBLISHED}


def placement(response: Response) -> str | None:
    """Where a response goes in its chapter, or None when the profile leaves it out."""
    if response.option_id is None or response.is_waived or response.excluded_from_profile:
        return None
    if response.placement_override:
        return response.placement_override
    level = response.option.level
    if level == Level.DEVELOPED:
        return Placement.WELL_DEVELOPED
    if level in (Level.PARTIAL, Level.ABSENT):
        return Placement.FURTHER_DEVELOPMENT
    return None


def profile_order(response: Response) -> tuple:
    order = response.profile_order
    return (order is None, order or 0, response.indicator.order)


def _responses(assessment_id: int):
    evidence = Evidence.objects.filter(removed_at__isnull=True).select_related(
        "instrument", "source"
    )
    return list(
        Response.objects.filter(assessment_id=assessment_id, option__isnull=False)
        .select_related("option", "indicator__subdomain", "indicator__framework")
        .prefetch_related(Prefetch("evidence", queryset=evidence, to_attr="active_evidence"))
        .order_by("indicator__order", "pk")
    )


def footnote(ev: Evidence) -> Footnote:
    """The evidence note, linked to the document it cites when that has an address."""
    url = (ev.instrument.url if ev.instrument_id else "") or (ev.source.url if ev.source_id else "")
    return Footnote(ev.note.strip(), url)


def paragraphs_of(response: Response, values: dict) -> list[Paragraph]:
    """The finding as paragraphs; its evidence notes become the footnotes of the last one.

    Evidence without a note adds no footnote: as in published profiles, the finding names
    the law and the annexes list it (and a footnote per citation quadrupled layout work).
    """
    text = response.finding.strip() or texts.fill(response.option.statement_template, values)
    parts = texts.paragraphs(text, {})
    if not parts:
        return []
    paras = [Paragraph(p, ref=response.indicator.code) for p in parts]
    paras[-1].footnotes = [footnote(ev) for ev in response.active_evidence if ev.note.strip()]
    return paras


def _migof(domains, kind: str) -> list[MigofItem]:
    items = []
    for d in domains:
        if d.migof_kind == kind:
            lead, _sep, rest = capfirst(d.migof_text.strip()).partition(" ")
            items.append(MigofItem(lead, rest if rest.endswith(".") else f"{rest}."))
    return items


def _chapters(domains, responses, values) -> list[Chapter]:
    chapters = {
        d.pk: Chapter(d.number, d.name, d.chapter_title or d.migof_text, f"chapter-{d.number}")
        for d in domains
    }
    for r in sorted(responses, key=profile_order):
        where = placement(r)
        chapter = chapters.get(r.indicator.subdomain.domain_id)
        if where is None or chapter is None:
            continue
        target = chapter.developed if where == Placement.WELL_DEVELOPED else chapter.further
        target.extend(paragraphs_of(r, values))
    return list(chapters.values())


def _covid(assessment, covid_responses, merged, values) -> CovidAnnex | None:
    if not assessment.covid_module:
        return None
    paras = []
    for r in sorted(covid_responses, key=profile_order):
        if placement(r) is not None:
            paras.extend(paragraphs_of(r, values))
    if not paras:
        return None
    framework_texts = covid_responses[0].indicator.framework.profile_texts or {}
    intro = assessment.profile_texts.get("covid_intro") or framework_texts.get("covid_intro")
    title = _(
        "Preparedness and response protocols on the risks of the novel coronavirus (COVID-19)"
    )
    return CovidAnnex(title, texts.paragraphs(intro or merged["covid_intro"], values), paras)


def _sources(assessment_id: int) -> list[SourceGroup]:
    groups: dict[str, list[SourceEntry]] = {}
    for s in Source.objects.filter(assessment_id=assessment_id, in_key_sources=True):
        groups.setdefault(s.organization.strip(), []).append(
            SourceEntry(s.year, s.title.strip().rstrip("."), s.url)
        )
    return [
        SourceGroup(org, sorted(entries, key=lambda e: (e.year, e.title.casefold())))
        for org, entries in sorted(groups.items(), key=lambda kv: kv[0].casefold())
    ]


def _steps(steps, values: dict) -> list[ProcessStep]:
    return [
        ProcessStep(
            n, texts.fill(s.get("title", ""), values), texts.fill(s.get("text", ""), values)
        )
        for n, s in enumerate(steps or [], start=1)
        if isinstance(s, dict)
    ]


def _toc(profile: Profile) -> list[TocEntry]:
    toc = [
        TocEntry(_("Objectives"), "objectives"),
        TocEntry(_("Introduction"), "introduction"),
        TocEntry(_("Conceptual framework"), "conceptual-framework"),
        TocEntry(_("Key findings"), "key-findings"),
    ]
    if profile.updates is not None:
        toc.append(
            TocEntry(
                _("Summary of updates since %(year)s") % {"year": profile.baseline_year}, "updates"
            )
        )
    toc += [TocEntry(f"{c.number}. {c.name}", c.anchor, 2) for c in profile.chapters]
    toc.append(TocEntry(_("After the MGI assessment"), "after-assessment"))
    if profile.covid:
        toc.append(TocEntry(_("COVID-19 analysis"), "covid"))
    toc += [
        TocEntry(_("Key sources"), "key-sources"),
        TocEntry(_("Annexes"), "annexes"),
        TocEntry(_("List of migration-related legislation"), "legislation", 2),
        TocEntry(_("The MGI process"), "mgi-process", 2),
    ]
    return toc


def profile_build(
    assessment: Assessment,
    *,
    drafted_updates: bool = False,
    shows: Callable[[Response], bool] | None = None,
) -> Profile:
    """The profile of one assessment, in the assessment's language.

    drafted_updates ignores the consultant's wording of the summary of updates, for the
    page where they edit it; `shows` keeps only the answers a viewer may see (a permission
    predicate), for previews.
    """
    with translation.override(assessment.language or settings.LANGUAGE_CODE):
        return _build(assessment, drafted_updates, shows)


def _build(assessment: Assessment, drafted_updates: bool, shows=None) -> Profile:
    a = Assessment.objects.select_related("country", "framework", "baseline").get(pk=assessment.pk)
    values = texts.placeholder_values(a)
    merged = texts.merged(a.framework.profile_texts, a.profile_texts)
    domains = list(Domain.objects.filter(framework_id=a.framework_id).order_by("number"))
    responses = _responses(a.pk)
    if shows is not None:
        for r in responses:
            r.assessment = a  # the predicate reads it; saves a query per answer
        responses = [r for r in responses if shows(r)]
    national = [r for r in responses if r.indicator.framework_id == a.framework_id]
    covid = [r for r in responses if r.indicator.framework.slug == COVID_SLUG]
    updates = None
    if a.baseline_id:
        updates = build_updates(
            domains=domains,
            responses=[r for r in national if placement(r) is not None],
            baseline_responses=Response.objects.filter(
                assessment_id=a.baseline_id, option__isnull=False
            ).select_related("option", "indicator"),
            baseline_year=a.baseline.year,
            overrides={} if drafted_updates else a.profile_texts,
            values=values,
        )
    profile = Profile(
        language=a.language,
        title=_("Migration Governance Indicators %(edition)s – %(country)s")
        % {"edition": a.edition, "country": capfirst(a.country.name)},
        author=settings.PROFILE_AUTHOR,
        running_header=a.running_header,
        country_name=a.country.name,
        short_name=a.country.short_name,
        edition=a.edition,
        year=a.year,
        draft=a.stage not in FINAL_STAGES,
        baseline_year=a.baseline.year if a.baseline_id else None,
        imprint=texts.paragraphs(merged["imprint"], values),
        objectives=texts.paragraphs(merged["objectives"], values),
        introduction=texts.paragraphs(merged["introduction"], values),
        follow_up_introduction=texts.paragraphs(merged["follow_up_introduction"], values)
        if a.baseline_id
        else [],
        conceptual_framework=texts.paragraphs(merged["conceptual_framework"], values),
        principles=_migof(domains, Domain.MigofKind.PRINCIPLE),
        migof_objectives=_migof(domains, Domain.MigofKind.OBJECTIVE),
        mgi_is=texts.lines(merged["mgi_is"], values),
        mgi_is_not=texts.lines(merged["mgi_is_not"], values),
        key_findings_intro=texts.paragraphs(merged["key_findings_intro"], values),
        domains=[
            DomainSummary(d.number, d.name, d.description, f"chapter-{d.number}") for d in domains
        ],
        updates=updates,
        chapters=_chapters(domains, national, values),
        after_assessment=texts.paragraphs(merged["after_assessment"], values),
        after_assessment_points=texts.lines(merged["after_assessment_points"], values),
        covid=_covid(a, covid, merged, values),
        sources=_sources(a.pk),
        legislation_title=_("List of migration-related legislation in %(country)s")
        % {"country": a.country.name},
        legislation=annex.legislation(a.country_id, a.country.name),
        process_steps=_steps(merged["process_steps"], values),
    )
    profile.toc = _toc(profile)
    return profile
