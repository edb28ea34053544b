"""Load or update an indicator framework from its YAML file, idempotently."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from ..exceptions import ApplicationError
from ..models import AnswerOption, Domain, Framework, Indicator, Response, SubDomain


@dataclass
class LoadReport:
    framework: Framework | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    messages: list[str] = field(default_factory=list)


def _sync(model, lookup: dict, values: dict, report: LoadReport):
    """Create or update one row; counts what changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        report.created += 1
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.full_clean()
        obj.save(update_fields=changed)
        report.updated += 1
    else:
        report.unchanged += 1
    return obj


def _translations(node: dict, rename: dict | None = None) -> dict:
    """A node's {language: {field: text}}, stripped like the English and in model field names."""
    out = {}
    for lang, fields in (node.get("translations") or {}).items():
        out[str(lang)] = {
            (rename or {}).get(k, k): v.strip() if isinstance(v, str) else v
            for k, v in (fields or {}).items()
        }
    return out


def _framework_translations(data: dict) -> dict:
    out = _translations(data)
    for lang, texts in (data.get("profile_texts_translations") or {}).items():
        out.setdefault(str(lang), {})["profile_texts"] = texts
    return out


def _remove_missing(queryset, keep_ids: set[int], report: LoadReport, what: str) -> None:
    stale = queryset.exclude(pk__in=keep_ids)
    for obj in stale:
        # Refuse rather than cascade: answers must never disappear with a fixture edit.
        if what == "indicator" and Response.objects.filter(indicator=obj).exists():
            raise ApplicationError(
                f"Indicator {obj.code} has answers and cannot be removed from the framework; "
                "keep it in the file or retire the assessments that answer it first."
            )
        if what == "option" and Response.objects.filter(option=obj).exists():
            raise ApplicationError(
                f"Answer option '{obj.key}' of indicator {obj.indicator.code} is chosen in "
                "answers and cannot be removed."
            )
        obj.delete()
        report.removed += 1


@transaction.atomic
def framework_load(*, data: dict) -> LoadReport:
    """Bring the database in line with one framework document; all or nothing."""
    report = LoadReport()
    framework = _sync(
        Framework,
        {"slug": data["slug"]},
        {
            "name": data["name"],
            "kind": data["kind"],
            "version": data.get("version", 1),
            "description": data.get("description", ""),
            "profile_texts": data.get("profile_texts", {}),
            "translations": _framework_translations(data),
        },
        report,
    )
    report.framework = framework
    domain_ids, sub_ids, indicator_ids = set(), set(), set()
    order = 0
    for d in data["domains"]:
        domain = _sync(
            Domain,
            {"framework": framework, "number": d["number"]},
            {
                "name": d["name"],
                "migof_kind": d["migof_kind"],
                "migof_text": d["migof_text"],
                "chapter_title": d.get("chapter_title", ""),
                "description": (d.get("description") or "").strip(),
                "translations": _translations(d),
            },
            report,
        )
        domain_ids.add(domain.pk)
        for s_order, s in enumerate(d["subdomains"]):
            sub = _sync(
                SubDomain,
                {"domain": domain, "code": str(s["code"])},
                {"name": s["name"], "order": s_order, "translations": _translations(s)},
                report,
            )
            sub_ids.add(sub.pk)
            for i in s["indicators"]:
                order += 1
                indicator = _sync(
                    Indicator,
                    {"framework": framework, "code": str(i["code"])},
                    {
                        "subdomain": sub,
                        "title": i["title"],
                        "question": i["question"].strip(),
                        "guidance": (i.get("guidance") or "").strip(),
                        "order": order,
                        "translations": _translations(i),
                    },
                    report,
                )
                indicator_ids.add(indicator.pk)
                _load_options(indicator, i["options"], report)
    _remove_missing(
        Indicator.objects.filter(framework=framework), indicator_ids, report, "indicator"
    )
    _remove_missing(SubDomain.objects.filter(domain__framework=framework), sub_ids, report, "sub")
    _remove_missing(Domain.objects.filter(framework=framework), domain_ids, report, "domain")
    return report


def _load_options(indicator: Indicator, options: list[dict], report: LoadReport) -> None:
    keep = set()
    for o_order, o in enumerate(options):
        option = _sync(
            AnswerOption,
            {"indicator": indicator, "key": str(o["key"])},
            {
                "label": o["label"],
                "level": o["level"],
                "statement_template": (o.get("statement") or "").strip(),
                "order": o_order,
                "translations": _translations(o, {"statement": "statement_template"}),
            },
            report,
        )
        keep.add(option.pk)
    _remove_missing(AnswerOption.objects.filter(indicator=indicator), keep, report, "option")


def framework_load_file(*, path: Path) -> LoadReport:
    """Parse a framework YAML file and load it; a malformed file changes nothing."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ApplicationError(f"Cannot read {path.name}: {exc}") from exc
    try:
        return framework_load(data=data)
    except (KeyError, TypeError) as exc:
        raise ApplicationError(f"{path.name} is missing a required field: {exc}") from exc
