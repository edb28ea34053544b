"""Answering indicators: open, save with optimistic locking, restore a revision."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed, StaleVersion
from ..models import AnswerOption, Assessment, Indicator, Response, ResponseRevision
from ..selectors.sentences import RESTORE_NOTE
from ..text import clean_text
from .carry_over import carry_refresh
from .revisions import revision_write, revisions_write_many

Status = Response.Status


def response_open(*, assessment: Assessment, indicator: Indicator) -> Response:
    """The response to this indicator, or an unsaved empty one: opening a page writes nothing."""
    response = Response.objects.filter(assessment=assessment, indicator=indicator).first()
    if response is None:
        response = Response(assessment=assessment, indicator=indicator)
    response.assessment = assessment
    response.indicator = indicator
    return response


def response_row(response: Response) -> Response:
    """The stored row of a response opened unsaved, created on its first save."""
    if response.pk is not None:
        return response
    try:
        with transaction.atomic():
            row, _created = Response.objects.get_or_create(
                assessment=response.assessment, indicator=response.indicator
            )
    except IntegrityError:
        # Two people saved the indicator's first answer at once; the other created it.
        row = Response.objects.get(assessment=response.assessment, indicator=response.indicator)
    return row


def finding_clean(text: str | None) -> str:
    """The finding as stored: cleaned, without surrounding blanks; only spaces is empty."""
    return clean_text(text or "", multiline=True).strip()


def draft_finding(*, option: AnswerOption, assessment: Assessment) -> str:
    """The option's statement in the assessment's working language, the country filled in."""
    language = assessment.language
    name, short_name = assessment.country.names(language)
    template = option.tr("statement_template", language)
    return template.replace("{short_name}", short_name).replace("{country}", name)


def _locked(response: Response, user: AbstractBaseUser, version: int) -> Response:
    locked = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment__country", "indicator", "option", "updated_by")
        .get(pk=response_row(response).pk)
    )
    if not permissions.can_edit_response(user, locked):
        raise NotAllowed(permissions.why_not_editable(user, locked) or _("Not allowed."))
    if locked.version != version and _changed_by_others(locked, user, version):
        raise StaleVersion(
            _(
                "%(who)s saved this answer after you opened it. Your changes were not saved; "
                "their version is shown below — copy what you need and reload."
            )
            % {"who": _user_label(locked.updated_by)},
            current=locked,
        )
    return locked


def _changed_by_others(response: Response, user: AbstractBaseUser, version: int) -> bool:
    """True when someone else saved after `version`.

    The user's own newer versions (an autosave still in flight when they pressed Save)
    are not a conflict: nobody else's work can be lost.
    """
    return (
        response.revisions.filter(version__gt=version).exclude(author=user).exists()
        or version > response.version
    )


def _user_label(user) -> str:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.username


@transaction.atomic
def response_save(
    *,
    response: Response,
    user: AbstractBaseUser,
    option: AnswerOption | None,
    finding: str,
    version: int,
    action: str = "save",
) -> Response:
    """Save answer and finding if nobody saved since `version`; writes a revision."""
    finding = finding_clean(finding)
    locked = _locked(response, user, version)
    if option is not None and option.indicator_id != locked.indicator_id:
        raise ApplicationError(_("That answer belongs to another indicator."))
    if locked.option_id == (option.pk if option else None) and locked.finding == finding:
        return locked
    locked.option = option
    locked.finding = finding
    if locked.status == Status.NOT_STARTED:
        locked.status = Status.DRAFT
    # A carried-over answer records what changed against the baseline.
    note = carry_refresh(locked)
    revision_write(response=locked, author=user, action=action, note=note)
    return locked


@transaction.atomic
def responses_import(
    *,
    user: AbstractBaseUser,
    changes: list[tuple[Response, AnswerOption | None, str, int]],
    action: str = "import",
) -> list[Response]:
    """Save many (response, option, finding, version) at once, by response_save's rules.

    All or nothing: one answer that may not be edited, or that changed since its `version`,
    refuses the lot. A workbook import writes ~100 answers; one by one took over a second.
    An indicator not answered yet gets its row here, as response_save would create it.
    """
    changes = [(response_row(r), o, finding_clean(f), v) for r, o, f, v in changes]
    locked = Response.objects.select_for_update(of=("self",)).select_related(
        "assessment__country", "indicator", "option", "updated_by"
    )
    current = {r.pk: r for r in locked.filter(pk__in=[c[0].pk for c in changes])}
    saved = []
    for response, option, finding, version in changes:
        row = current[response.pk]
        if not permissions.can_edit_response(user, row):
            raise NotAllowed(permissions.why_not_editable(user, row) or _("Not allowed."))
        if row.version != version:
            raise StaleVersion(
                _("%(who)s saved %(code)s meanwhile; nothing was saved.")
                % {"who": _user_label(row.updated_by), "code": row.indicator.code},
                current=row,
            )
        if option is not None and option.indicator_id != row.indicator_id:
            raise ApplicationError(_("That answer belongs to another indicator."))
        row.option, row.finding = option, finding
        if row.status == Status.NOT_STARTED:
            row.status = Status.DRAFT
        saved.append(row)
    revisions_write_many(responses=saved, author=user, action=action)
    return saved


@transaction.atomic
def revision_restore(
    *, response: Response, user: AbstractBaseUser, revision: ResponseRevision, version: int
) -> Response:
    """Bring back an earlier answer and finding as a new revision."""
    if revision.response_id != response.pk:
        raise ApplicationError(_("That revision belongs to another answer."))
    locked = _locked(response, user, version)
    locked.option = revision.option
    locked.finding = revision.finding
    if locked.status == Status.NOT_STARTED:
        locked.status = Status.DRAFT
    revision_write(
        response=locked,
        author=user,
        action="restore",
        note=RESTORE_NOTE % {"v": revision.version},  # in English; read as a sentence
    )
    return locked
