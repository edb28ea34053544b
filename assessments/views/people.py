"""The coordinator's pages: focal points and their assignments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.people import FocalPointForm
from ..models import Membership, SubDomain
from ..selectors.assessments import assessment_for
from ..selectors.setup import open_invitations_of
from ..selectors.work import assessment_indicators
from ..services import invitations, people
from ..services.people import RemoveAllUnconfirmed


def _allowed(request, pk: int, predicate):
    assessment = assessment_for(request.user, pk)
    if not predicate(request.user, assessment):
        # A member may know the assessment exists; only outsiders get 404.
        raise PermissionDenied
    return assessment


def _managed(request, pk: int):
    return _allowed(request, pk, permissions.can_manage_people)


@login_required
def people_list(request, pk: int):
    assessment = _allowed(request, pk, permissions.can_open_people)
    # Consultants may also invite a colleague; the service checks each role again.
    form = FocalPointForm(
        request.POST or None, consultants=permissions.can_review(request.user, assessment)
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitations.person_invite(
                assessment=assessment, actor=request.user, **form.cleaned_data
            )
            # The same answer whether or not the address has an account.
            done = _("%(email)s was invited by email and joins once they accept.")
            messages.success(request, done % {"email": form.cleaned_data["email"]})
            return redirect("assessments:people", pk)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
    members = assessment.memberships.select_related("user", "assessment").prefetch_related(
        "assignments__subdomain", "assignments__indicator", "user__groups"
    )
    rows = [(m, permissions.can_change_member(request.user, m)) for m in members]
    context = {
        "assessment": assessment,
        "form": form,
        "members": rows,
        "roles": Membership.Role.choices,
        "can_assign": permissions.can_manage_people(request.user, assessment),
        "invitations": open_invitations_of(assessment),
    }
    return render(request, "assessments/people.html", context)


def _pairs(values: list[str]) -> list[tuple[int, int]]:
    pairs = []
    for value in values:
        member, _sep, item = value.partition(":")
        if not (member.isdigit() and item.isdigit()):
            raise ApplicationError(_("The assignment form was malformed; nothing was changed."))
        pairs.append((int(member), int(item)))
    return pairs


@login_required
def assignments(request, pk: int):
    assessment = _managed(request, pk)
    focal_points = list(
        assessment.memberships.filter(role=Membership.Role.FOCAL_POINT)
        .select_related("user")
        .prefetch_related("assignments")
    )
    if request.method == "POST":
        try:
            count = people.assignments_set(
                assessment=assessment,
                actor=request.user,
                subdomain_pairs=_pairs(request.POST.getlist("sub")),
                indicator_pairs=_pairs(request.POST.getlist("ind")),
                confirm_remove_all=request.POST.get("confirm_remove_all") == "1",
            )
            messages.success(request, _("Assignments saved (%(n)d).") % {"n": count})
            return redirect("assessments:assignments", pk)
        except RemoveAllUnconfirmed as exc:
            # A confirmation step: nothing was changed; the page asks before removing them.
            context = {"assessment": assessment, "message": exc.message}
            return render(request, "assessments/assignments_confirm.html", context)
        except ApplicationError as exc:
            messages.error(request, exc.message)
    indicators = list(assessment_indicators(assessment))
    # Same order as the questionnaire: the national framework first, then modules.
    rank = {}
    for i in indicators:
        rank.setdefault(i.subdomain_id, len(rank))
    subdomains = sorted(
        SubDomain.objects.filter(pk__in=rank).select_related("domain"), key=lambda s: rank[s.pk]
    )
    taken_sub = {
        (a.membership_id, a.subdomain_id) for m in focal_points for a in m.assignments.all()
    }
    taken_ind = {
        (a.membership_id, a.indicator_id) for m in focal_points for a in m.assignments.all()
    }
    rows = [
        {"item": s, "cells": [(m, (m.pk, s.pk) in taken_sub) for m in focal_points]}
        for s in subdomains
    ]
    single = [
        {"item": i, "cells": [(m, (m.pk, i.pk) in taken_ind) for m in focal_points]}
        for i in indicators
    ]
    context = {
        "assessment": assessment,
        "focal_points": focal_points,
        "rows": rows,
        "single": single,
    }
    return render(request, "assessments/assignments.html", context)
