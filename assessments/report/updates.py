"""The summary of updates since the baseline, drafted per domain from the data.

A draft lists the answers whose level rose or fell against the baseline's answer to the same
indicator code, and the legal instruments adopted after the baseline's year that this
assessment's findings cite. A consultant may replace the draft of a domain with their own
wording, stored in Assessment.profile_texts["updates_<n>"].
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from ..models import Level
from . import texts
from .profile import Paragraph, UpdateBlock

RANK = {Level.ABSENT: 0, Level.PARTIAL: 1, Level.DEVELOPED: 2}


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def level_changes(responses, baseline_responses) -> list[tuple[object, str]]:
    """(response, "rose" | "fell") for answers whose level moved since the baseline."""
    before = {r.indicator.code: r.option.level for r in baseline_responses if r.option_id}
    changes = []
    for r in responses:
        old = before.get(r.indicator.code)
        new = r.option.level if r.option_id else None
        if old in RANK and new in RANK and RANK[new] != RANK[old]:
            changes.append((r, "rose" if RANK[new] > RANK[old] else "fell"))
    return changes


def _change_sentence(response, direction: str, baseline_year: int, local) -> str:
    title = response.indicator.tr("title")
    finding = first_sentence(local.finding(response))
    if direction == "rose":
        lead = _("Since %(year)s, this area has been strengthened (%(title)s).")
    else:
        lead = _("Since %(year)s, this area has been assessed lower (%(title)s).")
    lead = lead % {"year": baseline_year, "title": title[:1].lower() + title[1:]}
    return f"{lead} {finding}".strip()


def new_instruments(responses, baseline_year: int) -> list:
    """Instruments adopted after the baseline year that these responses cite, in citation order."""
    seen, found = set(), []
    for r in responses:
        for ev in r.active_evidence:
            inst = ev.instrument
            recent = inst and inst.adopted_on and inst.adopted_on.year > baseline_year
            if recent and inst.pk not in seen:
                seen.add(inst.pk)
                found.append(inst)
    return found


def _instrument_sentence(instrument, short_name: str, local) -> str:
    label = local.title(instrument)
    if instrument.number and instrument.number not in label:
        number = _("No. %(number)s") % {"number": instrument.number}
        label = f"{label} ({number})"
    return _("In %(year)s, %(country)s adopted the %(title)s.") % {
        "year": instrument.adopted_on.year,
        "country": short_name,
        "title": label[:1].lower() + label[1:] if label.startswith("The ") else label,
    }


def build_updates(
    *,
    domains,
    responses,
    baseline_responses,
    baseline_year: int,
    overrides: dict,
    values: dict,
    local,
) -> list[UpdateBlock]:
    """One block per domain; domains with nothing to report and no wording are left out."""
    changes = level_changes(responses, baseline_responses)
    blocks = []
    for domain in domains:
        mine = [r for r in responses if r.indicator.subdomain.domain_id == domain.pk]
        block = UpdateBlock(domain.number, domain.tr("name"), f"chapter-{domain.number}")
        wording = overrides.get(f"{texts.UPDATES_PREFIX}{domain.number}", "")
        if wording.strip():
            block.paragraphs = [Paragraph(p) for p in texts.paragraphs(wording, values)]
            block.edited = True
        else:
            block.paragraphs = [
                Paragraph(_change_sentence(r, d, baseline_year, local), ref=r.indicator.code)
                for r, d in changes
                if r in mine
            ] + [
                Paragraph(_instrument_sentence(i, values["short_name"], local))
                for i in new_instruments(mine, baseline_year)
            ]
        if block.paragraphs:
            blocks.append(block)
    return blocks


def draft_text(block: UpdateBlock) -> str:
    """The drafted wording as the consultant's form shows it before any edit."""
    return "\n\n".join(p.text for p in block.paragraphs)
