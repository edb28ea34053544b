"""Database → Profile: one assessment turned into plain data, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..models import Assessment, Domain, Evidence, Response, Source
from ..selectors.registry import normalized_title
from ..selectors.sdg import gcm_table
from . import annex, texts
from .language import Localizer
from .placement import placement
from .profile import (
    Chapter,
    CovidAnnex,
    DomainSummary,
    Footnote,
    GcmEntry,
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
# The default PROFILE_AUTHOR, so that it is translated in each profile language.
gettext_noop("International Organization for Migration")


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


def footnote(ev: Evidence, note: str, language: str = "") -> Footnote:
    """The evidence note, linked to the document it cites when that has an address."""
    url = (ev.instrument.url if ev.instrument_id else "") or (ev.source.url if ev.source_id else "")
    return Footnote(note.strip(), url, language=language)


def _unlisted_instrument_note(
    ev: Evidence, all_statuses: bool, local: Localizer
) -> Footnote | None:
    """A footnote naming an instrument the annex does not list, so that the claim shows its law."""
    inst = ev.instrument
    # This answer is printed, so it cites the instrument.
    if inst is None or ev.note.strip() or annex.is_listed(inst, all_statuses, frozenset({inst.pk})):
        return None
    note, note_language = local.adoption_note(inst)
    adopted = annex.adoption(inst, note)
    title_language = local.title_language(inst)
    if title_language:  # printed apart, in italics: no sentence runs through it
        return Footnote(adopted, inst.url, note_language, inst.title, title_language)
    text = ", ".join(p for p in (local.title(inst), adopted) if p)
    return Footnote(text, inst.url, language=note_language)


def paragraphs_of(
    response: Response, values: dict, local: Localizer, all_statuses: bool = False
) -> list[Paragraph]:
    """The finding as paragraphs; its evidence notes become the footnotes of the last one.

    Evidence without a note adds no footnote: as in published profiles, the finding names
    the law and the annexes list it (and a footnote per citation quadrupled layout work).
    """
    code = response.indicator.code
    # A blank finding prints nothing: the drafted sentence is offered to people, never
    # printed in their name (issue 23).
    text = local.finding(response).strip()
    language = local.finding_language(response) if text else ""
    parts = texts.paragraphs(text, {})
    if not parts:
        return []
    paras = [Paragraph(p, ref=code, language=language) for p in parts]
    notes = [
        footnote(ev, local.note(ev, code), local.note_language(ev))
        for ev in response.active_evidence
        if ev.note.strip()
    ]
    if placement(response) == Placement.WELL_DEVELOPED:
        extra = (
            _unlisted_instrument_note(ev, all_statuses, local) for ev in response.active_evidence
        )
        notes.extend(n for n in extra if n is not None)
    paras[-1].footnotes = notes
    return paras


def _migof(domains, kind: str) -> list[MigofItem]:
    items = []
    for d in domains:
        if d.migof_kind == kind:
            lead, _sep, rest = capfirst(d.tr("migof_text").strip()).partition(" ")
            items.append(MigofItem(lead, rest if rest.endswith(".") else f"{rest}."))
    return items


def _chapters(domains, responses, values, local, all_statuses: bool) -> list[Chapter]:
    chapters = {
        d.pk: Chapter(d.number, d.tr("name"), d.tr("chapter_title") or d.tr("migof_text"), d.anchor)
        for d in domains
    }
    for r in sorted(responses, key=profile_order):
        where = placement(r)
        chapter = chapters.get(r.indicator.subdomain.domain_id)
        if where is None or chapter is None:
            continue
        target = chapter.developed if where == Placement.WELL_DEVELOPED else chapter.further
        target.extend(paragraphs_of(r, values, local, all_statuses))
    return list(chapters.values())


def _covid(assessment, covid_responses, merged, values, local) -> CovidAnnex | None:
    if not assessment.covid_module:
        return None
    paras = []
    for r in sorted(covid_responses, key=profile_order):
        if placement(r) is not None:
            paras.extend(paragraphs_of(r, values, local))
    if not paras:
        return None
    framework = texts.framework_texts(covid_responses[0].indicator.framework, local.language)
    own = texts.overrides(assessment, local.language)
    intro = own.get("covid_intro") or framework.get("covid_intro")
    title = _(
        "Preparedness and response protocols on the risks of the novel coronavirus (COVID-19)"
    )
    return CovidAnnex(title, texts.paragraphs(intro or merged["covid_intro"], values), paras)


def _sources(assessment_id: int, local: Localizer) -> list[SourceGroup]:
    """Key sources grouped by organization; in the profile's language where translated."""
    groups: dict[str, list[SourceEntry]] = {}
    languages: dict[str, str] = {}
    for s in Source.objects.filter(assessment_id=assessment_id, in_key_sources=True):
        organization, org_language, title, title_language = local.source(s)
        languages[organization.strip()] = org_language
        groups.setdefault(organization.strip(), []).append(
            SourceEntry(s.year, title.strip().rstrip("."), s.url, title_language)
        )
    return [
        SourceGroup(
            org,
            _once(sorted(entries, key=lambda e: (e.year, e.title.casefold()))),
            languages[org],
        )
        for org, entries in sorted(groups.items(), key=lambda kv: kv[0].casefold())
    ]


def _once(entries: list[SourceEntry]) -> list[SourceEntry]:
    """Each source once, even if typed twice (same year and title after cleaning)."""
    seen: dict[tuple[str, str], SourceEntry] = {}
    for entry in entries:
        seen.setdefault((entry.year.strip(), normalized_title(entry.title)), entry)
    return list(seen.values())


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
    language: str | None = None,
    drafted_updates: bool = False,
    shows: Callable[[Response], bool] | None = None,
) -> Profile:
    """The profile of one assessment, in a language (default: the assessment's own).

    drafted_updates ignores the consultant's wording of the summary of updates, for the
    page where they edit it; `shows` keeps only the answers a viewer may see (a permission
    predicate), for previews.
    """
    language = language or assessment.language or settings.LANGUAGE_CODE
    with translation.override(language):
        return _build(assessment, language, drafted_updates, shows)


def _build(assessment: Assessment, language: str, drafted_updates: bool, shows=None) -> Profile:
    a = Assessment.objects.select_related("country", "framework", "baseline").get(pk=assessment.pk)
    local = Localizer(language, a.language or settings.LANGUAGE_CODE, registry=a.country.language)
    values = texts.placeholder_values(a, language)
    own = texts.overrides(a, language)
    merged = texts.merged(texts.framework_texts(a.framework, language), own)
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
            responses=national,
            baseline_responses=Response.objects.filter(
                assessment_id=a.baseline_id, option__isnull=False
            ).select_related("option", "indicator__subdomain"),
            baseline_year=a.baseline.year,
            overrides={} if drafted_updates else own,
            values=values,
            local=local,
        )
    profile = Profile(
        language=language,
        title=_("Migration Governance Indicators %(edition)s – %(country)s")
        % {"edition": values["edition"], "country": capfirst(values["country"])},
        author=_(settings.PROFILE_AUTHOR),
        running_header=f"{values['country']} | {values['edition']}".upper(),
        country_name=values["country"],
        short_name=values["short_name"],
        edition=values["edition"],
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
            DomainSummary(d.number, d.tr("name"), d.tr("description"), d.anchor) for d in domains
        ],
        updates=updates,
        chapters=_chapters(domains, national, values, local, a.annex_all_instruments),
        after_assessment=texts.paragraphs(merged["after_assessment"], values),
        after_assessment_points=texts.lines(merged["after_assessment_points"], values),
        covid=_covid(a, covid, merged, values, local),
        sources=_sources(a.pk, local),
        legislation_title=_("List of migration-related legislation in %(country)s")
        % {"country": values["country"]},
        legislation=annex.legislation(
            a.country_id,
            values["country"],
            local,
            all_statuses=a.annex_all_instruments,
            cited=annex.cited_ids(r for r in responses if placement(r) is not None),
        ),
        process_steps=_steps(merged["process_steps"], values),
    )
    if a.profile_texts.get(texts.GCM_TABLE_KEY):
        profile.gcm = _gcm(a, language)
    profile.toc = _toc(profile)
    order = {
        r.indicator.code: (r.indicator.framework_id != a.framework_id, r.indicator.order)
        for r in responses
    }
    profile.untranslated = sorted(local.missing, key=lambda code: order.get(code, (True, 0)))
    profile.original_language = a.language
    profile.legislation_note = annex.titles_note(
        {row.title_language for g in profile.legislation for row in g.rows} - {""}
    )
    profile.edition_language = "" if a.edition_in(language) else a.language
    return profile


def _gcm(assessment: Assessment, language: str) -> list[GcmEntry]:
    def label(r: Response) -> str:
        return f"{r.indicator.code} {r.indicator.tr('title', language)}"

    return [
        GcmEntry(
            row.objective.number,
            row.objective.tr("title", language),
            [label(r) for r in row.developed],
            [label(r) for r in row.further],
        )
        for row in gcm_table(assessment)
        if row.developed or row.further
    ]


def untranslated(assessment: Assessment, language: str) -> list[Response]:
    """The responses whose printed finding or footnotes lack a translation in a language."""
    if language == assessment.language:
        return []
    local = Localizer(language, assessment.language, registry=assessment.country.language)
    responses = [r for r in _responses(assessment.pk) if placement(r) is not None]
    for r in responses:
        local.finding(r)
        for ev in r.active_evidence:
            local.note(ev, r.indicator.code)
    return [r for r in responses if r.indicator.code in set(local.missing)]
