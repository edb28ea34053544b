"""Load or update the crosswalk to SDG 10.7.2 and the GCM from its YAML file, idempotently."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction

from ..exceptions import ApplicationError
from ..models import GcmObjective, Indicator, SdgSubcategory


@dataclass
class CrosswalkReport:
    subcategories: int = 0
    objectives: int = 0
    links: int = 0
    changed: int = 0


def _sync(model, lookup: dict, values: dict, report: CrosswalkReport):
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save(update_fields=changed)
    report.changed += created or bool(changed)
    return obj


def _indicators(mapping: dict) -> dict[tuple[str, str], Indicator]:
    """The mapped indicators by (framework slug, code); unknown codes are refused."""
    wanted = {(slug, str(code)) for slug, rows in mapping.items() for code in rows}
    found = {
        (i.framework.slug, i.code): i
        for i in Indicator.objects.filter(framework__slug__in=mapping).select_related("framework")
    }
    unknown = sorted(wanted - found.keys())
    if unknown:
        names = ", ".join(f"{slug} {code}" for slug, code in unknown)
        raise ApplicationError(
            f"The crosswalk names indicators that are not loaded: {names}. "
            "Load the frameworks first (manage.py load_framework) or correct the codes."
        )
    return found


def _set_links(links: dict, report: CrosswalkReport) -> None:
    """Make each object's indicator set exactly what the file says."""
    for obj, indicators in links.items():
        current = set(obj.indicators.values_list("pk", flat=True))
        target = {i.pk for i in indicators}
        if current != target:
            obj.indicators.set(target)
            report.changed += 1
        report.links += len(target)


@transaction.atomic
def crosswalk_load(*, data: dict) -> CrosswalkReport:
    """Bring the database in line with the crosswalk document; all or nothing."""
    report = CrosswalkReport()
    subs: dict[str, SdgSubcategory] = {}
    for domain in data["domains"]:
        names = domain.get("translations") or {}
        for row in domain["subcategories"]:
            texts = row.get("translations") or {}
            values = {
                "domain": domain["number"],
                "domain_name": domain["name"],
                "text": row["text"],
                # {language: {"domain_name": ..., "text": ...}}, as Translatable.tr reads them.
                "translations": {
                    code: {
                        "domain_name": names.get(code, {}).get("name", ""),
                        **texts.get(code, {}),
                    }
                    for code in sorted(set(names) | set(texts))
                },
            }
            subs[row["code"]] = _sync(SdgSubcategory, {"code": row["code"]}, values, report)
    titles = data.get("gcm_objectives_translations") or {}
    objectives = {
        int(n): _sync(
            GcmObjective,
            {"number": int(n)},
            {
                "title": title,
                "translations": {
                    code: {"title": by_number[n]}
                    for code, by_number in sorted(titles.items())
                    if n in by_number
                },
            },
            report,
        )
        for n, title in data["gcm_objectives"].items()
    }
    report.subcategories, report.objectives = len(subs), len(objectives)
    indicators = _indicators(data["mapping"])
    sdg_links = {s: [] for s in subs.values()}
    gcm_links = {o: [] for o in objectives.values()}
    for slug, rows in data["mapping"].items():
        for code, row in rows.items():
            indicator = indicators[(slug, str(code))]
            for sub_code in row.get("sdg", []):
                if str(sub_code) not in subs:
                    raise ApplicationError(
                        f"{slug} {code}: unknown 10.7.2 sub-category {sub_code}."
                    )
                sdg_links[subs[str(sub_code)]].append(indicator)
            for number in row.get("gcm", []):
                if int(number) not in objectives:
                    raise ApplicationError(f"{slug} {code}: unknown GCM objective {number}.")
                gcm_links[objectives[int(number)]].append(indicator)
    _set_links(sdg_links, report)
    _set_links(gcm_links, report)
    return report


def crosswalk_load_file(*, path: Path) -> CrosswalkReport:
    return crosswalk_load(data=yaml.safe_load(path.read_text(encoding="utf-8")))
