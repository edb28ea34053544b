"""Load the demo data of fixtures/demo/ (issue 7): idempotent, all or nothing.

Natural keys make a second run a no-op: countries by code, instruments by country and title,
sources by assessment and ref, users by username, assessments by country, framework and year,
responses by assessment and indicator. A response is rewritten (with a new revision) only when
its answer, finding, status, waiver or evidence differs from the files.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from ..dates import DAY, parse_partial_date
from ..exceptions import ApplicationError
from ..models import Assessment, Country, Framework, LegalInstrument, Source
from . import summary, translations
from .clock import clock_at
from .history import (
    KG_RETURNS,
    Played,
    consultation_comments,
    georgian_history,
    history_play,
    needs_history,
)
from .people import DEMO_KG_ROLES, memberships_sync, users_sync
from .responses import ResponseSpec, response_sync

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"
COVID_SLUG = "covid19"
BASELINE_CUTOFF = 2018
User = get_user_model()


@dataclass
class DemoReport:
    password: str = ""
    users: list[tuple[str, str]] = field(default_factory=list)  # (username, what they are)
    changed: Counter = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)


def _read(directory: Path, name: str) -> dict:
    try:
        return yaml.safe_load((directory / name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ApplicationError(f"Cannot read demo file {name}: {exc}") from exc


def upsert(model, lookup: dict, values: dict, report: DemoReport):
    """Create or update one row by its natural key; full_clean() before every save."""
    values = {k: v for k, v in values.items() if k not in lookup}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, k) == v for k, v in values.items()):
        return obj
    else:
        for k, v in values.items():
            setattr(obj, k, v)
    obj.full_clean()
    obj.save()
    report.changed[model.__name__] += 1
    return obj


def year_of(text: str | None) -> int | None:
    """The first four-digit year in a date, a note or a label like "2021a"."""
    match = re.search(r"(1[89]|20)\d\d", str(text or ""))
    return int(match.group(0)) if match else None


def clean_text(text: str) -> str:
    """Paragraphs separated by one blank line, whitespace inside them collapsed."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


def national_framework() -> Framework:
    framework = (
        Framework.objects.filter(kind=Framework.Kind.NATIONAL, indicators__code="1.1.1")
        .order_by("slug")
        .first()
    )
    if framework is None:
        raise ApplicationError("Load the national MGI framework first (manage.py load_framework).")
    return framework


# --- Registry and sources -------------------------------------------------------------------
def instruments_sync(country: Country, rows: list[dict], report: DemoReport) -> dict:
    """The country's registry rows, keyed by our ref; title is the natural key."""
    by_ref = {}
    for row in rows:
        values = {
            "number": str(row.get("number") or ""),
            "kind": row["kind"],
            **_adoption(row.get("adopted_on")),
            "status": row.get("status", LegalInstrument.Status.IN_FORCE),
            "adoption_note": row.get("adoption_note", ""),
            "last_amended": str(row.get("last_amended") or ""),
            "url": row.get("url", ""),
            "in_annex": bool(row.get("in_annex")),
            "annex_no": row.get("annex_no"),
            # The published annex's rows: listed whether or not a demo answer cites them.
            "annex_pinned": bool(row.get("in_annex")),
        }
        lookup = {"country": country, "title": " ".join(row["title"].split())}
        by_ref[row["ref"]] = upsert(LegalInstrument, lookup, values, report)
    return by_ref


def _adoption(value) -> dict:
    """adopted_on and its precision from "2003", "2019-04" or a full date, as the law is cited."""
    if isinstance(value, datetime.date):
        return {"adopted_on": value, "adopted_precision": DAY}
    parsed = parse_partial_date(str(value)) if value else None
    if value and parsed is None:
        raise ApplicationError(f"Not a date: {value!r}")
    day, precision = parsed or (None, DAY)
    return {"adopted_on": day, "adopted_precision": precision}


def instrument_year(instrument: LegalInstrument) -> int | None:
    if instrument.adopted_on:
        return year_of(str(instrument.adopted_on))
    return year_of(instrument.adoption_note)


def sources_sync(assessment: Assessment, rows: list[dict], report: DemoReport) -> dict:
    by_ref = {}
    for row in rows:
        values = {
            "organization": row["organization"],
            "year": str(row["year"]),
            "title": " ".join(row["title"].split()),
            "url": row.get("url", ""),
            "in_key_sources": row.get("in_key_sources", True),
        }
        lookup = {"assessment": assessment, "ref": row["ref"]}
        by_ref[row["ref"]] = upsert(Source, lookup, values, report)
    return by_ref


# --- Assessments ------------------------------------------------------------------------------
def assessment_sync(
    *, country: Country, framework: Framework, meta: dict, baseline, report: DemoReport
) -> Assessment:
    return upsert(
        Assessment,
        {"country": country, "framework": framework, "year": meta["year"]},
        {
            "edition": meta["edition"],
            "stage": meta["stage"],
            "covid_module": bool(meta.get("covid_module")),
            "baseline": baseline,
        },
        report,
    )


def _specs(doc: dict, section: str, waived: str, default_user: str) -> dict[str, ResponseSpec]:
    specs = {}
    for row in doc.get(section) or []:
        specs[str(row["code"])] = ResponseSpec(
            code=str(row["code"]),
            level=row["level"],
            finding=clean_text(row.get("finding") or ""),
            evidence=row.get("evidence") or [],
            user=row.get("focal_point") or row.get("user") or default_user,
            status=row.get("status", "accepted"),
        )
    block = doc.get(waived) or {}
    for code in block.get("codes") or []:
        specs[str(code)] = ResponseSpec(
            code=str(code), waiver_reason=block["reason"], user=default_user
        )
    return specs


def kg_specs(directory: Path) -> tuple[dict, dict, dict, dict]:
    """(2022 doc, 2022 specs, 2018 doc, 2018 specs); 2018 copies what it does not override."""
    doc22, doc18 = _read(directory, "kg_2022.yaml"), _read(directory, "kg_2018.yaml")
    specs22 = _specs(doc22, "responses", "waived", "coordinator")
    specs22.update(_specs(doc22, "covid", "covid_waived", "coordinator"))
    specs18 = {c: s for c, s in specs22.items() if not c.startswith("C.")}
    for code, spec in _specs(doc18, "responses", "waived", "coordinator").items():
        if not spec.user or spec.user == "coordinator":
            spec.user = specs22[code].user if code in specs22 else "coordinator"
        specs18[code] = spec
    return doc22, specs22, doc18, specs18


def _before_cutoff(instruments: dict, sources: dict):
    """An evidence filter for the baseline: nothing adopted or published after 2018."""

    def keep(item: dict) -> bool:
        ref = item.get("instrument")
        if ref and (instrument_year(instruments[ref]) or 0) > BASELINE_CUTOFF:
            return False
        ref = item.get("source")
        return not (ref and (year_of(sources[ref].year) or 0) > BASELINE_CUTOFF)

    return keep


@transaction.atomic
def demo_load(*, directory: Path = DEMO_DIR) -> DemoReport:
    """Create or update every demo object; a second run changes nothing."""
    report = DemoReport()
    registry = _read(directory, "kg_registry.yaml")
    people = _read(directory, "people.yaml")
    framework = national_framework()
    covid = Framework.objects.filter(slug=COVID_SLUG).first()
    if covid is None:
        report.messages.append("COVID-19 module not loaded: its demo answers were skipped.")

    users = users_sync(people, report)
    kg = upsert(Country, {"code": registry["country"]["code"]}, registry["country"], report)
    instruments = instruments_sync(kg, registry["legal_instruments"], report)
    doc22, specs22, doc18, specs18 = kg_specs(directory)
    sources_rows = registry["sources"]

    a18 = assessment_sync(
        country=kg, framework=framework, meta=doc18["assessment"], baseline=None, report=report
    )
    a22 = assessment_sync(
        country=kg, framework=framework, meta=doc22["assessment"], baseline=a18, report=report
    )
    early = [s for s in sources_rows if (year_of(s["year"]) or 0) <= BASELINE_CUTOFF]
    sources18 = sources_sync(a18, early, report)
    sources22 = sources_sync(a22, sources_rows, report)
    for assessment in (a18, a22):
        memberships_sync(assessment, people["kg_memberships"], users, [framework, covid], report)

    reviewer = users["consultant"]
    frameworks = [f for f in (framework, covid) if f is not None]
    keep = _before_cutoff(instruments, sources22)
    for spec in specs18.values():
        spec.evidence = [e for e in spec.evidence if keep(e)]
    plays = [
        (a22, specs22, frameworks, sources22, clock_at(2022, 1, 17)),
        (a18, specs18, [framework], sources18, clock_at(2018, 1, 15)),
    ]
    for assessment, specs, frames, sources, clock in plays:
        play = needs_history(assessment)
        items = []
        with clock.running():
            for spec in specs.values():
                response = response_sync(
                    assessment=assessment,
                    frameworks=frames,
                    spec=spec,
                    users=users,
                    reviewer=reviewer,
                    instruments=instruments,
                    sources=sources,
                    report=report,
                    play=play,
                )
                if response is not None:
                    items.append(
                        Played(response, users.get(spec.user), spec.status, spec.waiver_reason)
                    )
        if play:
            history_play(
                assessment=assessment,
                items=items,
                clock=clock,
                consultant=reviewer,
                returns=KG_RETURNS,
            )
            if assessment.stage == Assessment.Stage.CONSULTATION:
                consultation_comments(assessment=assessment, people=users, clock=clock)
    _russian(directory, a22, instruments, sources22, report)
    _other_languages(directory, {2018: a18, 2022: a22}, instruments, sources22, report)
    # Last: the drafts it records are those of every language the assessment has by now.
    summary.summary_sync(a22, doc22, report)
    _second_country(people, framework, users, report)
    report.users = [(u, DEMO_KG_ROLES.get(u, "")) for u in users]
    report.password = people["password"]
    return report


def _russian(
    directory: Path, a22: Assessment, instruments: dict, sources: dict, report: DemoReport
) -> None:
    """The Russian texts of the 2022 profile and of the registry's titles."""
    registry = _read(directory, "kg_registry.ru.yaml")
    translations.titles_sync(instruments, registry.get("legal_instruments"), "ru", report)
    translations.sources_sync(sources, registry, "ru", report)
    doc = summary.with_wording(_read(directory, "kg_2022.ru.yaml"))
    translations.responses_sync(a22, doc, "ru", clean_text, report)
    translations.assessment_sync(a22, doc, "ru", report)


def _other_languages(
    directory: Path, assessments: dict, instruments: dict, sources: dict, report: DemoReport
) -> None:
    """French and Spanish titles, notes and organizations; every language's edition names."""
    translations.notes_sync(
        instruments, _read(directory, "kg_registry.ru.yaml").get("adoption_notes"), "ru", report
    )
    for language in ("fr", "es"):
        registry = _read(directory, f"kg_registry.{language}.yaml")
        translations.titles_sync(instruments, registry.get("legal_instruments"), language, report)
        translations.notes_sync(instruments, registry.get("adoption_notes"), language, report)
        translations.sources_sync(sources, registry, language, report)
        doc = summary.with_wording(_read(directory, f"kg_2022.{language}.yaml"))
        translations.responses_sync(assessments[2022], doc, language, clean_text, report)
        translations.assessment_sync(assessments[2022], doc, language, report)
    for year, names in _read(directory, "kg_editions.yaml")["editions"].items():
        for language, edition in names.items():
            translations.edition_sync(assessments[year], language, edition, report)


def _second_country(people: dict, framework: Framework, users: dict, report: DemoReport) -> None:
    """The small invented assessment that shows the separation between assessments."""
    second = people["second"]
    country = upsert(Country, {"code": second["country"]["code"]}, second["country"], report)
    instruments = instruments_sync(country, second.get("legal_instruments") or [], report)
    assessment = assessment_sync(
        country=country, framework=framework, meta=second, baseline=None, report=report
    )
    memberships_sync(assessment, second["memberships"], users, [framework], report)
    play, items, clock = needs_history(assessment), [], clock_at(2024, 2, 5)
    for row in second.get("responses") or []:
        spec = ResponseSpec(
            code=str(row["code"]),
            level=row["level"],
            finding=clean_text(row["finding"]),
            evidence=row.get("evidence") or [],
            user=row["user"],
            status=row["status"],
        )
        with clock.running():
            response = response_sync(
                assessment=assessment,
                frameworks=[framework],
                spec=spec,
                users=users,
                reviewer=None,
                instruments=instruments,
                sources={},
                report=report,
                play=play,
            )
        items.append(Played(response, users.get(spec.user), spec.status))
    if play:
        georgian_history(assessment=assessment, items=items, users=users, clock=clock)
