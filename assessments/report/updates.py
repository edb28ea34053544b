"""The summary of updates since the baseline, drafted per domain as an editor would write it.

A change is an answer whose level moved, or an instrument adopted after the baseline that an
answer cites; an edited carried-over answer counts too (confirmed or untouched ones never do).
Each change is one paragraph, built from the finding's own sentences that name its new
instruments (or, without any, from what the finding now says that the baseline's did not).
An instrument is told once in the section, in the paragraph that names it first; a paragraph
opens with "In <year>, <country> adopted <short name>" only when no sentence names it. A level
that fell is said plainly; baseline findings that the follow-up waived or left out are named as
no longer reported. A consultant may replace a domain's draft with their own wording, stored
in Assessment.profile_texts["updates_<n>"].
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Level
from ..text import sentences
from . import texts
from .adoption import adoption_sentence
from .mentions import Reader, leans_back
from .placement import placement
from .profile import Paragraph, UpdateBlock

RANK = {Level.ABSENT: 0, Level.PARTIAL: 1, Level.DEVELOPED: 2}


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


@dataclass
class _Change:
    """One changed answer, read: its sentences, which are new, which name which instrument."""

    response: object
    direction: str | None
    instruments: list
    sentences: list[str]
    new: list[bool]
    names: dict[int, set[int]] = field(default_factory=dict)  # instrument pk -> sentence indexes


def _fell(response, old, year: int) -> str:
    return _("The answer on “%(topic)s” fell from %(old)s in %(year)s to %(new)s.") % {
        "topic": response.indicator.tr("title"),
        "old": Level(old.option.level).label.lower(),
        "new": Level(response.option.level).label.lower(),
        "year": year,
    }


def _opening(text: str) -> str:
    return " ".join(text.lower().split()[:3])


class _Drafter:
    """Drafts the paragraphs of every domain; remembers what the section has already said."""

    def __init__(self, *, changed, before, baseline_year, values, local):
        self.before, self.year, self.values, self.local = before, baseline_year, values, local
        self.reader = Reader([values["country"], values["short_name"]])
        directions = dict(level_changes(changed, before.values()))
        self.changes = [self._read(r, directions.get(r)) for r in changed]
        self.homes = self._homes()
        self.said: set[str] = set()
        self.openings: dict[str, Paragraph] = {}  # first words of each paragraph so far

    def _read(self, response, direction) -> _Change:
        old = self.before.get(response.indicator.code)
        earlier = sentences(_own(old, self.local)) if old is not None else []
        # An untranslated finding is not quoted inside a translated summary (issue 31).
        found = sentences(self.local.translated_finding(response))
        change = _Change(
            response,
            direction,
            new_instruments([response], self.year),
            found,
            [self.reader.is_new(s, earlier) for s in found],
        )
        for inst in change.instruments:
            title = self.local.title(inst)
            year = inst.adopted_on.year
            change.names[inst.pk] = {
                i for i, s in enumerate(found) if self.reader.names(s, title, inst.number, year)
            }
        return change

    def _homes(self) -> dict[int, object]:
        """Each instrument's paragraph: the first that names it by number, else by title, else
        the first that cites it (a title's words may only echo it: "the same Law")."""
        homes: dict[int, object] = {}
        for by_number in (True, False):
            for change in self.changes:
                for inst in change.instruments:
                    numbered = any(
                        inst.number in change.sentences[i] for i in change.names[inst.pk]
                    )
                    if change.names[inst.pk] and (numbered or not by_number):
                        homes.setdefault(inst.pk, change.response)
        for change in self.changes:
            for inst in change.instruments:
                homes.setdefault(inst.pk, change.response)
        return homes

    def domain(self, domain_id: int) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        for change in self.changes:
            if change.response.indicator.subdomain.domain_id != domain_id:
                continue
            parts = self._parts(change)
            if not parts:
                continue
            earlier = self.openings.get(_opening(parts[0]))
            if earlier is not None and earlier in paragraphs:
                # Opens like a paragraph of this domain and cannot be varied: the two findings
                # tell of the same thing ("The Migration Policy Concept ..."), so they join.
                earlier.text += " " + " ".join(parts)
                continue
            paragraph = Paragraph(" ".join(parts), ref=change.response.indicator.code)
            self.openings.setdefault(_opening(parts[0]), paragraph)
            paragraphs.append(paragraph)
        return paragraphs

    def _parts(self, change: _Change) -> list[str]:
        """The sentences of one change's paragraph, opening unlike the paragraphs before it."""
        mine = [i for i in change.instruments if self.homes[i.pk] is change.response]
        edited = getattr(change.response, "carry_state", "") == "changed"
        if not (change.direction or mine or (edited and not change.instruments)):
            return []  # its instruments are told where another answer names them
        unnamed = [i for i in mine if not change.names[i.pk]]
        parts = [adoption_sentence(i, self.local) for i in unnamed]
        if parts and _opening(parts[0]) in self.openings:
            parts[0] = adoption_sentence(unnamed[0], self.local, name_first=True)
        if change.direction == "fell":
            old = self.before[change.response.indicator.code]
            parts.insert(0, _fell(change.response, old, self.year))
        chosen = [s for s in self._chosen(change) if self._unsaid(s)]
        parts += chosen
        if parts and _opening(parts[0]) in self.openings:
            # Findings often open alike ("Presidential Decree No. 4 ..."): lead with another
            # sentence of the change that stands on its own, or with the finding's sentence
            # that comes before them, as an editor would.
            first = change.sentences.index(chosen[0]) if chosen else 0
            spare = [s for s in change.sentences[:first] if s.lower() not in self.said]
            for sentence in parts[1:] + spare[::-1]:
                if not leans_back(sentence) and _opening(sentence) not in self.openings:
                    if sentence in parts:
                        parts.remove(sentence)
                    else:
                        self._unsaid(sentence)
                    parts.insert(0, sentence)
                    break
        return parts

    def _chosen(self, change: _Change) -> list[str]:
        """The sentences that carry the change, in the finding's order."""
        found = change.sentences
        named = sorted(set().union(*change.names.values())) if change.names else []
        if named:
            chosen = set(named)
            after = named[-1] + 1
            if len(chosen) < 2 and after < len(found) and change.new[after]:
                chosen.add(after)  # what a lone naming sentence's instrument does
        else:
            chosen = set([i for i, new in enumerate(change.new) if new][:2])
            if not chosen and change.direction == "rose" and found:
                chosen = {0}
        for i in sorted(chosen):
            while i > 0 and leans_back(found[i]) and i - 1 not in chosen:
                chosen.add(i - 1)
                i -= 1
        return [found[i] for i in sorted(chosen)]

    def _unsaid(self, sentence: str) -> bool:
        key = " ".join(sentence.lower().split())
        if key in self.said:
            return False
        self.said.add(key)
        return True


def _own(response, local, fallback: bool = True) -> str:
    """A baseline finding in the profile's language, not listed as lacking a translation (the
    baseline's findings are not printed); the original stands in only where `fallback`."""
    if local.original:
        return response.finding
    translated = (response.finding_translations or {}).get(local.language, "")
    return translated or (response.finding if fallback else "")


def _dropped(domain_id, responses, baseline_responses, year: int, local) -> list[Paragraph]:
    """Baseline findings that the follow-up waived or left out of the profile, named once."""
    now = {r.indicator.code: r for r in responses}
    gone = []
    for old in baseline_responses:
        r = now.get(old.indicator.code)
        placed = old.option_id and old.option.level != Level.NOT_APPLICABLE and not old.is_waived
        if (
            not placed
            or old.excluded_from_profile
            or r is None
            or old.indicator.subdomain.domain_id != domain_id
        ):
            continue
        if (
            r.is_waived
            or r.excluded_from_profile
            or (r.option_id and r.option.level == Level.NOT_APPLICABLE)
        ):
            gone.append(old)
    if not gone:
        return []
    if len(gone) > 1:
        items = "; ".join(
            _("“%(topic)s” (%(code)s)")
            % {"topic": o.indicator.tr("title"), "code": o.indicator.code}
            for o in gone
        )
        text = _("Findings of %(year)s that are no longer reported: %(items)s.") % {
            "year": year,
            "items": items,
        }
        return [Paragraph(text)]
    old = gone[0]
    data = {"year": year, "topic": old.indicator.tr("title"), "code": old.indicator.code}
    first = sentences(_own(old, local, fallback=False))[:1]
    if first:
        data["sentence"] = first[0]
        text = _(
            "The %(year)s finding on “%(topic)s” (indicator %(code)s) is no longer reported. "
            "It read: “%(sentence)s”"
        )
    else:
        text = _("The %(year)s finding on “%(topic)s” (indicator %(code)s) is no longer reported.")
    return [Paragraph(text % data, ref=old.indicator.code)]


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
    """One block per domain; domains with nothing to report and no wording are left out.

    `responses` are the follow-up's answers, placed in the profile or not (waived ones count).
    """
    baseline_responses = list(baseline_responses)
    placed = [r for r in responses if placement(r) is not None]
    before = {r.indicator.code: r for r in baseline_responses}
    drafter = _Drafter(
        changed=changed_responses(placed, baseline_responses, baseline_year),
        before=before,
        baseline_year=baseline_year,
        values=values,
        local=local,
    )
    blocks = []
    for domain in domains:
        block = UpdateBlock(domain.number, domain.tr("name"), f"chapter-{domain.number}")
        wording = overrides.get(f"{texts.UPDATES_PREFIX}{domain.number}", "")
        if wording.strip():
            block.paragraphs = [Paragraph(p) for p in texts.paragraphs(wording, values)]
            block.edited = True
        else:
            block.paragraphs = drafter.domain(domain.pk) + _dropped(
                domain.pk, responses, baseline_responses, baseline_year, local
            )
        if block.paragraphs:
            blocks.append(block)
    return blocks


def draft_text(block: UpdateBlock) -> str:
    """The drafted wording as the consultant's form shows it before any edit."""
    return "\n\n".join(p.text for p in block.paragraphs)


def draft_hash(text: str) -> str:
    """A short fingerprint of a draft, stored when the consultant edits, to see it change later."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]
