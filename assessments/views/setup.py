"""Starting, cancelling and restoring assessments; invitations; members' roles."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.people import MemberChangeForm
from ..forms.setup import AssessmentForm, CancelForm, InvitationPasswordForm
from ..models import Country, Membership
from ..selectors.assessments import assessment_for
from ..selectors.setup import cancelled_for, invitation_by_token, suggested_names
from ..selectors.work import indicator_for
from ..services import assessments as setup
from ..services import carry_over, invitations
from ..services.entry import response_open
from ..services.sign_in import SIGN_IN_BACKEND


def _suggested_baseline(request):
    country = Country.objects.filter(code=request.GET.get("country", "").upper()).first()
    return setup.baseline_default(country, None), country


def _country_input(form: AssessmentForm, picked) -> setup.CountryInput:
    """The country picked, or a new one with its names in each language typed."""
    working = form.cleaned_data["language"]
    names, short_names = form.names("name"), form.names("short_name")
    return setup.CountryInput(
        code=picked.code if picked else form.cleaned_data["code"],
        name=names.get(working, ""),
        short_name=short_names.get(working, ""),
        language=working,
        translations={
            code: {"name": names.get(code, ""), "short_name": short_names.get(code, "")}
            for code in set(names) | set(short_names)
        },
    )


@login_required
def assessment_new(request):
    if not permissions.can_create_assessment(request.user):
        raise Http404
    suggested, country = _suggested_baseline(request)
    form = AssessmentForm(request.POST or None, suggested=suggested, initial={"country": country})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        picked = data["country"]
        try:
            assessment = setup.assessment_create(
                actor=request.user,
                country=_country_input(form, picked),
                edition=data["edition"],
                edition_translations=form.names("edition"),
                year=data["year"],
                framework=data["framework"],
                covid_module=data["covid_module"],
                language=data["language"],
                baseline=form.baseline_value(),
                coordinator=setup.CoordinatorInput(
                    email=data["coordinator_email"],
                    first_name=data["coordinator_first_name"],
                    last_name=data["coordinator_last_name"],
                    institution=data["coordinator_institution"],
                ),
                team=data["team"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("%(a)s was created and its coordinator invited.") % {"a": assessment}
            )
            return redirect(assessment)
    context = {
        "form": form,
        "cancelled": cancelled_for(request.user),
        "suggested_names": suggested_names(),
    }
    return render(request, "assessments/setup/new.html", context)


@login_required
def assessment_new_team(request):
    """The baseline's people for the baseline the form now points at (htmx fragment)."""
    if not permissions.can_create_assessment(request.user):
        raise Http404
    form = AssessmentForm(team_data=request.GET)
    return render(request, "assessments/setup/_team.html", {"form": form})


@login_required
def assessment_cancel(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_cancel_assessment(request.user, assessment):
        raise PermissionDenied
    if request.method == "POST":
        form = CancelForm(request.POST)
        try:
            if not form.is_valid():
                raise ApplicationError(" ".join(form.errors.get("reason", [])))
            setup.assessment_cancel(
                assessment=assessment, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The assessment was cancelled. It can be restored."))
            return redirect(assessment)
    return render(request, "assessments/setup/cancel.html", {"assessment": assessment})


@login_required
@require_POST
def assessment_restore(request, pk: int):
    assessment = assessment_for(request.user, pk)
    try:
        setup.assessment_restore(assessment=assessment, actor=request.user)
    except ApplicationError as exc:
        raise PermissionDenied(exc.message) from None
    messages.success(request, _("The assessment was restored."))
    return redirect(assessment)


def invitation(request, token: str):
    invite = invitation_by_token(token)
    if invite.user_id is None:
        return _invitation_new_account(request, invite)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if invite.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "accept":
                invitations.invitation_accept(invitation=invite, user=request.user)
                messages.success(
                    request, _("You now take part in %(a)s.") % {"a": invite.assessment}
                )
                return redirect(invite.assessment)
            invitations.invitation_decline(invitation=invite, user=request.user)
            messages.info(request, _("You declined the invitation."))
            return redirect("assessments:my-work")
        except ApplicationError as exc:
            messages.error(request, exc.message)
    return render(request, "assessments/setup/invitation.html", {"invitation": invite})


def _invitation_new_account(request, invite):
    """No account yet: accepting sets a password, creates the account and signs it in."""
    form = InvitationPasswordForm(
        invitations.new_account_for(invite), request.POST or None, use_required_attribute=False
    )
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "decline":
                invitations.invitation_decline_new(invitation=invite)
                messages.info(request, _("You declined the invitation."))
                return redirect("login")
            if form.is_valid():
                user = invitations.invitation_accept_new(
                    invitation=invite, password=form.cleaned_data["new_password1"]
                )
                login(request, user, backend=SIGN_IN_BACKEND)
                messages.success(
                    request,
                    _("Your password is set and you now take part in %(a)s.")
                    % {"a": invite.assessment},
                )
                return redirect(invite.assessment)
        except ApplicationError as exc:
            messages.error(request, exc.message)
    context = {"invitation": invite, "form": form}
    return render(request, "assessments/setup/invitation.html", context)


@login_required
@require_POST
def member_change(request, pk: int, member_pk: int):
    assessment = assessment_for(request.user, pk)
    member = get_object_or_404(
        Membership.objects.select_related("user", "assessment"), pk=member_pk, assessment=assessment
    )
    form = MemberChangeForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    try:
        if form.cleaned_data["remove"]:
            invitations.member_remove(member=member, actor=request.user)
            messages.success(request, _("%(who)s was removed.") % {"who": member.user})
        else:
            invitations.member_role_change(
                member=member, actor=request.user, role=form.cleaned_data["role"]
            )
            messages.success(request, _("The role of %(who)s was changed.") % {"who": member.user})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("assessments:people", pk)


@login_required
@require_POST
def response_confirm(request, pk: int, code: str):
    assessment = assessment_for(request.user, pk)
    indicator = indicator_for(request.user, assessment, code)
    response = response_open(assessment=assessment, indicator=indicator)
    try:
        carry_over.carried_confirm(response=response, user=request.user)
        messages.success(request, _("Confirmed unchanged and submitted."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
        # The page asks for what is missing beside the confirm button.
        return redirect(response.get_absolute_url() + "#carried")
    return redirect(response)
