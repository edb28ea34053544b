"""Histories as sentences in the reader's language: one reading of actions, notes and changes.

Answer revisions, the review history, the registry history and the activity feed store codes
(`save`, `instrument.edit`, `adopted_on`) and canonical English notes; they are turned into
sentences here, when a page is read, so that each reader sees their own language.
"""

import re

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from ..dates import format_partial_date, parse_partial_date
from ..models import Assessment, LegalInstrument, Response

# "%(who)s" is the person; actions without it are the application's own.
ACTIONS = {
    "save": gettext_lazy("Saved by %(who)s"),
    "autosave": gettext_lazy("Saved automatically while %(who)s typed"),
    "import": gettext_lazy("Imported from a workbook by %(who)s"),
    "submit": gettext_lazy("Submitted for review by %(who)s"),
    "resubmit": gettext_lazy("Submitted again by %(who)s"),
    "return": gettext_lazy("Returned to the government by %(who)s"),
    "accept": gettext_lazy("Accepted by %(who)s"),
    "waive": gettext_lazy("Waived by %(who)s"),
    "consultant_edit": gettext_lazy("Finding edited by the consultant %(who)s"),
    "restore": gettext_lazy("An earlier version restored by %(who)s"),
    "carry_over": gettext_lazy("Carried over from the baseline"),
    "evidence_add": gettext_lazy("Evidence added by %(who)s"),
    "evidence_remove": gettext_lazy("Evidence removed by %(who)s"),
    "evidence_restore": gettext_lazy("Evidence restored by %(who)s"),
    "response.placement": gettext_lazy("Placement in the profile changed by %(who)s"),
    "response.profile_selection": gettext_lazy("Profile selection changed by %(who)s"),
    "response.confirm_unchanged": gettext_lazy("Confirmed unchanged since the baseline by %(who)s"),
    "instrument.create": gettext_lazy("Added to the registry by %(who)s"),
    "instrument.edit": gettext_lazy("Edited by %(who)s"),
    "instrument.duplicate_confirmed": gettext_lazy(
        "Saved by %(who)s as a different instrument from a probable duplicate"
    ),
    "instrument.merge": gettext_lazy("Merged into another entry by %(who)s"),
    "instrument.merge_undo": gettext_lazy("Merge undone by %(who)s"),
    "assessment.create": gettext_lazy("Assessment started by %(who)s"),
    "assessment.advance": gettext_lazy("Stage changed by %(who)s"),
    "assessment.carry_over": gettext_lazy("Answers carried over from the baseline"),
    "assignments.set": gettext_lazy("Assignments changed by %(who)s"),
    "comment.add": gettext_lazy("Comment by %(who)s"),
    "comment.reply": gettext_lazy("Reply by %(who)s"),
    "comment.resolve": gettext_lazy("Comment resolved by %(who)s"),
    "response.consultant_edit": gettext_lazy("Finding edited by the consultant %(who)s"),
    "response.translate": gettext_lazy("Translation edited by %(who)s"),
    "profile.texts": gettext_lazy("Profile texts edited by %(who)s"),
    "member.add": gettext_lazy("Member added by %(who)s"),
    "member.remove": gettext_lazy("Member removed by %(who)s"),
    "member.role": gettext_lazy("Role changed by %(who)s"),
}
# Audit entries of a response move repeat the revision's action: "response.submit".
for _code in ("submit", "resubmit", "return", "accept", "waive"):
    ACTIONS[f"response.{_code}"] = ACTIONS[_code]

# Notes the services write, stored in English (see CARRY_NOTE) and read back here.
CARRY_NOTE = gettext_noop("Changed since the baseline: %(what)s.")
CARRY_PARTS = {
    "the answer": gettext_lazy("the answer"),
    "the finding": gettext_lazy("the finding"),
    "the evidence": gettext_lazy("the evidence"),
}
RESTORE_NOTE = gettext_noop("Restored version %(v)s")
_CARRY = re.compile(r"^Changed since the baseline: (.+)\.$")
_RESTORE = re.compile(r"^Restored version (\d+)$")


def person(user) -> str:
    """How a history names someone; the application when nobody acted."""
    if user is None:
        return _("the application")
    return user.get_full_name() or user.get_username()


def action_sentence(action: str, who: str) -> str:
    """'Saved by Aida Bekova'; an unknown code reads as words rather than as a code."""
    template = ACTIONS.get(action)
    if template is None:
        words = action.split(".")[-1].replace("_", " ")
        return f"{capfirst(words)} · {who}"
    return str(template) % {"who": who} if "%(who)s" in str(template) else str(template)


def note_sentence(note: str) -> str:
    """A stored note in the reader's language; free text (a comment, a reason) as written."""
    if m := _CARRY.match(note or ""):
        parts = [str(CARRY_PARTS.get(p.strip(), p.strip())) for p in m[1].split(",")]
        return _(CARRY_NOTE) % {"what": ", ".join(parts)}
    if m := _RESTORE.match(note or ""):
        return _(RESTORE_NOTE) % {"v": m[1]}
    return note


STATE_WORDS = {
    "auto": gettext_lazy("where its answer places it"),
    "left out": gettext_lazy("left out"),
    "included": gettext_lazy("included"),
}


def state_label(code: str) -> str:
    """A stored state (a response status, a placement) as the reader's word for it."""
    if not code:
        return ""
    for choices in (Response.Status, Response.Placement, Response.CarryState, Assessment.Stage):
        if code in choices.values:
            return str(choices(code).label)
    return str(STATE_WORDS.get(code, code))


# --- Registry changes ---------------------------------------------------------------------
def _value(name: str, value, titles: dict[int, str]) -> str:
    if value in (None, "", {}, []):
        return ""
    if name == "adopted_on":
        parsed = parse_partial_date(str(value))
        return format_partial_date(*parsed) if parsed else str(value)
    if name == "replaced_by":
        return titles.get(value, "")
    try:
        field = LegalInstrument._meta.get_field(name)
    except Exception:  # a field since removed: its stored text
        return str(value)
    if field.choices:
        return str(dict(field.choices).get(value, value))
    return str(value)


def _label(name: str) -> str:
    try:
        return capfirst(str(LegalInstrument._meta.get_field(name).verbose_name))
    except Exception:
        return capfirst(name.replace("_", " "))


def change_sentence(name: str, before, after, titles: dict[int, str]) -> str:
    """'Date of adoption changed from 2017 to 1 January 2017'."""
    if name == "annex_pinned":
        if after:
            return _("Marked for the legislation annex")
        return _("No longer marked for the annex")
    old, new = _value(name, before, titles), _value(name, after, titles)
    values = {"field": _label(name), "old": old, "new": new}
    if not old:
        return _("%(field)s set to %(new)s") % values
    if not new:
        return _("%(field)s removed (it was %(old)s)") % values
    return _("%(field)s changed from %(old)s to %(new)s") % values


def audit_sentences(entries) -> list:
    """Give each audit entry `.sentence`, `.from_label`, `.to_label` and, for registry
    entries, `.changes_text` (1 query for the titles of replacing instruments)."""
    entries = list(entries)
    ids = {
        pair[i]
        for e in entries
        for name, pair in (e.data or {}).get("changes", {}).items()
        if name == "replaced_by"
        for i in (0, 1)
        if pair[i]
    }
    titles = dict(LegalInstrument.objects.filter(pk__in=ids).values_list("pk", "title"))
    for e in entries:
        e.sentence = action_sentence(e.action, e.actor_name or _("the application"))
        e.from_label, e.to_label = state_label(e.from_state), state_label(e.to_state)
        changes = (e.data or {}).get("changes", {})
        e.changes_text = [change_sentence(n, p[0], p[1], titles) for n, p in changes.items()]
    return entries
