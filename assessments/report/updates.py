"""The summary of updates since the baseline, drafted per domain from the answers that changed.

Only answers that changed since the baseline are drafted: a carried-over answer counts once it
was edited (confirmed or untouched ones never do); another answer counts when its level moved or
it cites an instrument adopted after the baseline's year. Each change is its own sentence naming
what changed: the level, the new instrument, or the new finding. A consultant may replace the
draft of a domain with their own wording, stored in Assessment.profile_texts["updates_<n>"].
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
    # An untranslated finding is not quoted inside a translated sentence (issue 31).
    finding = first_sentence(local.translated_finding(response))
    if direction == "rose":
        lead = _("Since %(year)s, this area has been strengthened (%(title)s).")
    else:
        lead = _("Since %(year)s, this area has been assessed lower (%(title)s).")
    lead = lead % {"year": baseline_year, "title": title[:1].lower() + title[1:]}
    return f"{lead} {finding}".strip()


def _cited(response) -> list:
    return [ev.instrument for ev in response.active_evidence if ev.instrument_id]


def new_instruments(responses, baseline_year: int) -> list:
    """Instruments adopted after the baseline year that these responses cite, in citation order."""
    seen, found = set(), []
    for r in responses:
        for inst in _cited(r):
            recent = inst.adopted_on and inst.adopted_on.year > baseline_year
            if recent and inst.pk not in seen:
                seen.add(inst.pk)
                found.append(inst)
    return found


def _instrument_sentence(instrument, short_name: str, local) -> str:
    if local.title_language(instrument):
        # An untranslated title is never embedded in a sentence: name the kind (issue 31).
        return _untitled_instrument_sentence(instrument, short_name)
    label = local.title(instrument)
    if instrument.number and instrument.number not in label:
        number = _("No. %(number)s") % {"number": instrument.number}
        label = f"{label} ({number})"
    return _("In %(year)s, %(country)s adopted the %(title)s.") % {
        "year": instrument.adopted_on.year,
        "country": short_name,
        "title": label[:1].lower() + label[1:] if label.startswith("The ") else label,
    }


def _untitled_instrument_sentence(instrument, short_name: str) -> str:
    kind = str(instrument.get_kind_display())
    if instrument.number:
        kind = f"{kind}, " + _("No. %(number)s") % {"number": instrument.number}
    return _("In %(year)s, %(country)s adopted a new instrument (%(kind)s).") % {
        "year": instrument.adopted_on.year,
        "country": short_name,
        "kind": kind[:1].lower() + kind[1:],
    }


def _new_sentence(finding: str, before: str) -> str:
    """The first sentence of the finding that the baseline's finding did not have."""
    old = " ".join(before.split())
    rest = " ".join(finding.split())
    while rest:
        sentence = first_sentence(rest)
        if sentence not in old:
            return sentence
        rest = rest[len(sentence) :].strip()
    return ""


def _revised_sentence(response, before: str, local) -> str:
    """A carried answer whose finding changed: what the finding now says, named by indicator."""
    title = response.indicator.tr("title")
    sentence = _new_sentence(local.translated_finding(response), before)
    if not sentence:
        return ""
    return _("On %(title)s: %(sentence)s") % {
        "title": title[:1].lower() + title[1:],
        "sentence": sentence,
    }


def changed_responses(responses, baseline_responses, baseline_year: int) -> list:
    """The answers that changed since the baseline, and only those."""
    before = {r.indicator.code: r for r in baseline_responses}
    moved = {r.pk for r, _d in level_changes(responses, baseline_responses)}
    changed = []
    for r in responses:
        state = getattr(r, "carry_state", "")
        if state:
            if state == "changed":
                changed.append(r)
            continue
        old = before.get(r.indicator.code)
        if old is not None and (r.pk in moved or new_instruments([r], baseline_year)):
            changed.append(r)
    return changed


def _sentences(
    response, old, direction, instruments, year: int, short_name: str, local
) -> list[str]:
    """One sentence per change of this answer: its level, each new instrument, its finding."""
    found = []
    if direction:
        found.append(_change_sentence(response, direction, year, local))
    found += [_instrument_sentence(i, short_name, local) for i in instruments]
    if not found and not new_instruments([response], year):
        found.append(
            _revised_sentence(response, local.translated_finding(old) if old else "", local)
        )
    return [s for s in found if s]


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
    changed = changed_responses(responses, baseline_responses, baseline_year)
    directions = dict(level_changes(changed, baseline_responses))
    before = {r.indicator.code: r for r in baseline_responses}
    blocks = []
    seen: set[int] = set()
    for domain in domains:
        mine = [r for r in responses if r.indicator.subdomain.domain_id == domain.pk]
        block = UpdateBlock(domain.number, domain.tr("name"), f"chapter-{domain.number}")
        wording = overrides.get(f"{texts.UPDATES_PREFIX}{domain.number}", "")
        if wording.strip():
            block.paragraphs = [Paragraph(p) for p in texts.paragraphs(wording, values)]
            block.edited = True
        else:
            block.paragraphs = _drafted(
                [r for r in changed if r in mine],
                directions,
                before,
                baseline_year,
                values,
                seen,
                local,
            )
        if block.paragraphs:
            blocks.append(block)
    return blocks


def _drafted(changed, directions, before, baseline_year, values, seen, local) -> list[Paragraph]:
    """Paragraphs of one domain; an instrument cited by several answers is named once."""
    paragraphs = []
    for r in changed:
        fresh = [i for i in new_instruments([r], baseline_year) if i.pk not in seen]
        seen.update(i.pk for i in fresh)
        old = before.get(r.indicator.code)
        sentences = _sentences(
            r, old, directions.get(r), fresh, baseline_year, values["short_name"], local
        )
        paragraphs += [Paragraph(text, ref=r.indicator.code) for text in sentences]
    return paragraphs


def draft_text(block: UpdateBlock) -> str:
    """The drafted wording as the consultant's form shows it before any edit."""
    return "\n\n".join(p.text for p in block.paragraphs)
