"""Front-matter texts: framework defaults, per-assessment overrides, placeholders filled in.

The framework's YAML (Framework.profile_texts) is the real source of these texts; the short
defaults below only keep a profile readable while a framework does not provide a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Keys a consultant may override on the profile texts page, in page order.
TEXT_KEYS = [
    "objectives",
    "introduction",
    "follow_up_introduction",
    "conceptual_framework",
    "key_findings_intro",
    "after_assessment",
    "after_assessment_points",
    "process_steps",
]
LIST_KEYS = {"mgi_is", "mgi_is_not", "after_assessment_points"}
UPDATES_PREFIX = "updates_"
# A yes/no choice among the texts: print the GCM table in "After the MGI assessment".
GCM_TABLE_KEY = "include_gcm_table"

DEFAULTS: dict = {
    "imprint": _(
        "The views in this profile are those of the government of {country} and of the "
        "people who took part in the assessment; they do not necessarily reflect the views "
        "of the International Organization for Migration (IOM).\n\n"
        "Publisher: International Organization for Migration, Geneva."
    ),
    "objectives": _(
        "The Migration Governance Indicators (MGIs) help governments that ask for them to "
        "take stock of their migration policies and strategies, so that they can see what "
        "already works well and where there is room for further development.\n\n"
        "The MGIs open a conversation with governments and other stakeholders about "
        "priorities for the way ahead. The government owns the process, and the MGIs "
        "support it at the national and local levels in improving how migration is governed, "
        "step by step."
    ),
    "introduction": _(
        "Migration governance has been part of international development commitments since "
        "target 10.7 of the 2030 Agenda for Sustainable Development asked countries to "
        "implement planned and well-managed migration policies. To help them do so, IOM "
        "drew up the Migration Governance Framework (MiGOF) in 2015, and then a standard set "
        "of about 90 indicators, the MGIs, that help a State assess how complete its "
        "migration governance structures are.\n\n"
        "The MGI process is voluntary, it respects national circumstances, and it is a "
        "process rather than a one-off measurement: it is the first step in a dialogue on "
        "where policies could be developed further. The MGIs do not rank countries, and "
        "they do not measure policy outcomes or how effective institutions are; they take "
        "stock of the policies in place."
    ),
    "follow_up_introduction": _(
        "A follow-up assessment shows what has changed since a country's first MGI "
        "assessment. {country} took part in the follow-up in {year}: government focal "
        "points gathered the information in this profile, and IOM reviewed it with them.\n\n"
        "This profile summarizes the main changes in the migration governance of {country} "
        "(hereinafter also referred to as {short_name}) since the assessment of "
        "{baseline_year}, together with the areas with potential for further development."
    ),
    "conceptual_framework": _(
        "The MiGOF sets out, in three principles and three objectives, what a State needs "
        "for migration to be humane and orderly and to benefit migrants and society. The "
        "MGIs turn these principles and objectives into questions a government can answer."
    ),
    "mgi_is": [
        "A set of indicators that points to the policy levers a country can use to "
        "strengthen its migration governance",
        "A tool that identifies good practices and areas that could be developed further",
        "A consultative process that helps clarify what well-governed migration can look like",
    ],
    "mgi_is_not": [
        "Not a ranking of countries",
        "Not an assessment of policy impacts",
        "Not prescriptive",
    ],
    "key_findings_intro": _(
        "The indicators are grouped in six domains of migration governance that follow the "
        "MiGOF categories:"
    ),
    "after_assessment": _(
        "IOM thanks the Government of {short_name} for taking part in this process and hopes "
        "that its results will support the Government in strengthening migration governance. "
        "After an MGI assessment, the following steps are recommended:"
    ),
    "after_assessment_points": [
        "The profile can inform policy work, with IOM's support if the Government wishes.",
        "The findings can feed into capacity-building, linked to other IOM initiatives.",
        "A follow-up assessment after about three years can show the progress made.",
        "Governments can exchange practices with others that have taken part in the MGIs.",
    ],
    "process_steps": [
        {
            "title": "Launch of the MGI process",
            "text": "IOM explains the MGIs to the key government officials so that the "
            "process is understood and owned by the government.",
        },
        {
            "title": "Data collection",
            "text": "Government focal points answer about 90 indicators in the six domains "
            "of the MiGOF and cite their evidence; a draft profile is written from the "
            "answers and shared with the government.",
        },
        {
            "title": "Interministerial consultation",
            "text": "The ministries and other stakeholders discuss the draft profile, its "
            "good practices and the areas with potential for further development, and "
            "comment on it.",
        },
        {
            "title": "Publication",
            "text": "Once the government has validated it, the profile is published on the "
            "Global Migration Data Portal and the IOM Publications Platform.",
        },
    ],
    "covid_intro": _(
        "This annex summarizes the main COVID-19 policy responses of {short_name} from a "
        "migration governance perspective. It is based on additional questions on the "
        "pandemic that were answered together with the MGI assessment."
    ),
}


class _Keep(dict):
    """format_map mapping that leaves unknown {placeholders} as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: dict) -> str:
    # Only {name} placeholders are replaced; any other braces in the text stay untouched.
    return re.sub(r"\{(\w+)\}", lambda m: str(_Keep(values)[m.group(1)]), text)


def paragraphs(value, values: dict) -> list[str]:
    """A text with blank-line-separated paragraphs (or a list) as a list of paragraphs."""
    if isinstance(value, list | tuple):
        return [fill(str(v), values) for v in value if str(v).strip()]
    return [fill(p.strip(), values) for p in re.split(r"\n\s*\n", value or "") if p.strip()]


def lines(value, values: dict) -> list[str]:
    """A list, or a text with one item a line, as a list of items."""
    if isinstance(value, list | tuple):
        items: Iterable = value
    else:
        items = (value or "").splitlines()
    return [fill(str(v).strip(), values) for v in items if str(v).strip()]


def merged(framework_texts: dict, overrides: dict) -> dict:
    """Built-in defaults, then the framework's texts, then the assessment's overrides."""
    texts = {k: str(v) if isinstance(v, Promise) else v for k, v in DEFAULTS.items()}
    texts.update({k: v for k, v in (framework_texts or {}).items() if v not in ("", None, [])})
    texts.update({k: v for k, v in (overrides or {}).items() if v not in ("", None, [])})
    return texts


def framework_texts(framework, language: str) -> dict:
    """The framework's profile texts in a language, English where a key lacks a translation."""
    translated = (framework.translations.get(language) or {}).get("profile_texts") or {}
    return {**(framework.profile_texts or {}), **translated}


def overrides(assessment, language: str) -> dict:
    """The assessment's own wording in a language (its working one or a translation)."""
    if language == assessment.language:
        return assessment.profile_texts or {}
    texts = dict(assessment.translations.get(language) or {})
    texts.pop("edition", None)
    return texts


def edition(assessment, language: str) -> str:
    if language == assessment.language:
        return assessment.edition
    return (assessment.translations.get(language) or {}).get("edition") or assessment.edition


def placeholder_values(assessment, language: str | None = None) -> dict:
    """Placeholder values in a language: the country's names as used mid-sentence there."""
    language = language or assessment.language
    baseline = assessment.baseline
    name, short_name = assessment.country.names(language)
    return {
        "country": name,
        "short_name": short_name,
        "year": assessment.year,
        "edition": edition(assessment, language),
        "baseline_year": baseline.year if baseline else "",
    }
