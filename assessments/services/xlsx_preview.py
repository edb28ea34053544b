"""What a returned workbook would change, as plain data; and writing it in one transaction."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import override

from .. import permissions
from ..diffs import finding_diff
from ..exceptions import ApplicationError
from ..models import Assessment, Response
from ..selectors.xlsx import import_context
from . import evidence as evidence_service
from .entry import response_open, responses_import
from .xlsx_evidence import NewEvidence, resolve_evidence
from .xlsx_format import answer_fingerprint, norm_text
from .xlsx_import import AnswerRow, ParsedWorkbook, Problem, WorkbookError, workbook_read

UNCHANGED, CHANGED, CONFLICT, REFUSED = "unchanged", "changed", "conflict", "refused"


@dataclass
class PreviewItem:
    code: str
    title: str
    state: str
    old_option: str = ""
    new_option: str = ""
    old_finding: str = ""
    new_finding: str = ""
    reason: str = ""
    version: int = 0
    indicator_pk: int = 0
    option_pk: int | None = None
    answer_changed: bool = False
    evidence: list[NewEvidence] = field(default_factory=list)

    @property
    def diff(self) -> SafeString:
        """The finding's word diff, computed only when a page shows it."""
        return finding_diff(self.old_finding, self.new_finding)


@dataclass
class ImportPreview:
    assessment_id: int
    items: list[PreviewItem]

    def _in(self, state: str) -> list[PreviewItem]:
        return [item for item in self.items if item.state == state]

    @property
    def changed(self) -> list[PreviewItem]:
        return self._in(CHANGED)

    @property
    def conflicts(self) -> list[PreviewItem]:
        return self._in(CONFLICT)

    @property
    def refused(self) -> list[PreviewItem]:
        return self._in(REFUSED)

    @property
    def unchanged(self) -> list[PreviewItem]:
        return self._in(UNCHANGED)

    @property
    def has_work(self) -> bool:
        return bool(self.changed or self.conflicts)


def import_preview(
    *, assessment: Assessment, user: AbstractBaseUser, content: bytes
) -> ImportPreview:
    """Per indicator: unchanged, changed, conflict or refused; raises WorkbookError."""
    return _preview(assessment, user, content)[0]


def _preview(assessment, user, content: bytes) -> tuple[ImportPreview, dict]:
    parsed = workbook_read(content=content)
    if str(parsed.meta.get("assessment")) != str(assessment.pk):
        raise WorkbookError(
            [Problem("", None, "", _("This workbook belongs to another assessment."))]
        )
    with override(parsed.meta.get("language") or "en"):
        ctx = import_context(assessment, [row.code for row in parsed.answers])
        evidence = resolve_evidence(parsed, ctx, [row.code for row in parsed.answers])
        items = [_item(assessment, user, row, ctx, parsed, evidence) for row in parsed.answers]
    if parsed.problems:
        raise WorkbookError(parsed.problems)
    return ImportPreview(assessment_id=assessment.pk, items=[i for i in items if i]), ctx


def _item(assessment, user, row: AnswerRow, ctx, parsed, evidence) -> PreviewItem | None:
    indicator = ctx["indicators"].get(row.code)
    if indicator is None:
        sheet = parsed.meta["answers_sheet"]
        parsed.problems.append(Problem(sheet, row.row, "A", _("Unknown indicator code.")))
        return None
    option = _option(indicator, row, parsed)
    if option is False:
        return None
    response = ctx["responses"].get(indicator.pk) or Response(
        assessment=assessment, indicator=indicator
    )
    response.assessment, response.indicator = assessment, indicator
    current = response.option
    item = PreviewItem(
        code=row.code,
        title=indicator.tr("title"),
        state=UNCHANGED,
        old_option=current.tr("label") if current else "",
        new_option=option.tr("label") if option else "",
        old_finding=norm_text(response.finding),
        new_finding=row.finding,
        version=response.version,
        indicator_pk=indicator.pk,
        option_pk=option.pk if option else None,
        evidence=evidence.get(row.code, []),
    )
    touched = answer_fingerprint(option.key if option else "", row.finding) != row.fingerprint
    same = response.option_id == item.option_pk and item.old_finding == row.finding
    item.answer_changed = touched and not same
    if item.answer_changed or item.evidence:
        _judge(item, user, assessment, response, row.version)
    return item


def _judge(item: PreviewItem, user, assessment, response, exported_version: int) -> None:
    """Refused if the user may not edit it; a conflict if the app changed it since the export."""
    if not permissions.can_edit_response(user, response):
        item.state = REFUSED
        item.reason = _refusal(user, assessment, response)
    elif item.answer_changed and response.version != exported_version:
        item.state = CONFLICT
        item.reason = _("Changed in the application since the export.")
    else:
        item.state = CHANGED


def _refusal(user, assessment, response) -> str:
    if permissions.has_role(user, assessment, permissions.Role.FOCAL_POINT) and not (
        permissions.is_assigned(user, assessment, response.indicator)
    ):
        return _("This indicator is not assigned to you.")
    return permissions.why_not_editable(user, response)


def _option(indicator, row: AnswerRow, parsed: ParsedWorkbook):
    """The option the label names; None when blank; False (and a problem) when unknown."""
    if not row.option_label:
        return None
    wanted = row.option_label.casefold()
    for option in indicator.options.all():
        if wanted in {option.tr("label").casefold(), option.label.casefold(), option.key}:
            return option
    parsed.problems.append(
        Problem(
            parsed.meta["answers_sheet"],
            row.row,
            "F",
            _("“%(v)s” is not one of the answers of indicator %(c)s.")
            % {"v": row.option_label, "c": row.code},
        )
    )
    return False


@transaction.atomic
def import_confirm(
    *,
    assessment: Assessment,
    user: AbstractBaseUser,
    content: bytes,
    use_workbook: dict[str, int],
    all_or_nothing: bool = False,
) -> ImportPreview:
    """Re-validate and write every change as an 'import' revision; all or nothing.

    `use_workbook` maps the codes of conflicts the user resolved in favour of the workbook
    to the version they saw; with `all_or_nothing`, any refusal stops the whole import.
    """
    preview, ctx = _preview(assessment, user, content)
    if all_or_nothing and (preview.refused or preview.conflicts):
        raise ApplicationError(_("Some indicators were refused; nothing was imported."))
    taken = []
    for item in preview.items:
        if item.state == CONFLICT and item.code in use_workbook:
            if use_workbook[item.code] != item.version:
                raise ApplicationError(
                    _("%(c)s changed again since the preview; nothing was imported.")
                    % {"c": item.code}
                )
        elif item.state != CHANGED:
            continue
        taken.append(item)
    _write(assessment, user, taken, ctx)
    return preview


def _write(assessment, user, items: list[PreviewItem], ctx: dict) -> None:
    changes, evidence = [], []
    for item in items:
        indicator = ctx["indicators"][item.code]
        response = ctx["responses"].get(indicator.pk) or response_open(
            assessment=assessment, indicator=indicator
        )
        if item.answer_changed:
            option = next((o for o in indicator.options.all() if o.pk == item.option_pk), None)
            changes.append((response, option, item.new_finding, item.version))
        evidence += [(response, new) for new in item.evidence]
    responses_import(user=user, changes=changes, action="import")
    for response, new in evidence:
        evidence_service.evidence_add(
            response=response,
            user=user,
            instrument=new.instrument or new.create_instrument(assessment, user),
            source=new.source,
            locator=new.locator,
            note=new.note,
            action="import",
        )
