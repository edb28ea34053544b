"""A small assessment with an indicator in every state, for the accessibility browser tests."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import Assessment, Invitation, Membership, Response
from tests import factories as f

Status = Response.Status
ROLES = ("anonymous", "focal_point", "coordinator", "consultant")


@dataclass
class World:
    assessment: Assessment
    codes: dict[str, str]  # indicator state -> indicator code
    instrument_pk: int
    evidence_pk: int
    users: dict[str, str] = field(default_factory=dict)
    invitation_token: str = ""


def build_world(framework=None) -> World:
    """An assessment in data collection, indicators not started, draft, submitted, returned,
    accepted and waived (of a small framework of its own unless one is given)."""
    framework = framework or f.build_framework(domains=2, indicators_per_domain=3)
    assessment = f.AssessmentFactory(
        framework=framework,
        stage=Assessment.Stage.DATA_COLLECTION,
        country__code="KG",
        country__name="the Kyrgyz Republic",
        country__short_name="Kyrgyzstan",
    )
    indicators = list(framework.indicators.order_by("order"))
    users = {}
    for role, name in [
        (Membership.Role.FOCAL_POINT, "focal"),
        (Membership.Role.COORDINATOR, "coordinator"),
        (Membership.Role.CONSULTANT, "consultant"),
    ]:
        user = f.UserFactory(username=name, first_name=name.title(), last_name="Tester")
        membership = f.MembershipFactory(
            user=user, assessment=assessment, role=role, institution="Ministry"
        )
        users[str(role)] = name
        if role == Membership.Role.CONSULTANT:
            # A member of the group may start assessments: the "new assessment" page is swept.
            user.groups.add(Group.objects.get_or_create(name="consultants")[0])
        if role == Membership.Role.FOCAL_POINT:
            for subdomain in {i.subdomain for i in indicators}:
                f.AssignmentFactory(membership=membership, subdomain=subdomain)
    states = ["not_started", "draft", "submitted", "returned", "accepted", "waived"]
    codes = {}
    evidence = None
    for state, indicator in zip(states, indicators[: len(states)], strict=True):
        codes[state] = indicator.code
        if state == "not_started":
            continue
        status = Status.DRAFT if state == "waived" else state
        response = f.respond(assessment, indicator, status=status)
        if state == "waived":
            response.waiver_reason = "No data for this period."
            response.save()
        evidence = f.EvidenceFactory(response=response)
        f.CommentFactory(response=response, author=f.UserFactory(username=f"reviewer-{state}"))
    _make_follow_up(assessment, codes)
    f.LegalInstrumentFactory(country=assessment.country, title="Labour Code", number="414")
    f.ProfileVersionFactory(assessment=assessment, published=True, frozen=True)
    # An invitation to an address without an account: its page asks for a password.
    invitation = Invitation.objects.create(
        assessment=assessment,
        email="new.person@example.org",
        role=Membership.Role.FOCAL_POINT,
        token="a11y-invitation",
    )
    return World(assessment, codes, evidence.instrument_id, evidence.pk, users, invitation.token)


def _make_follow_up(assessment: Assessment, codes: dict[str, str]) -> None:
    """Issue 31: the assessment follows a 2018 baseline; its draft was carried over from it,
    without the evidence the rules now ask for, so its page asks for it beside the confirm."""
    baseline = f.AssessmentFactory(
        framework=assessment.framework, country=assessment.country, year=2018
    )
    f.MembershipFactory(assessment=baseline, role=Membership.Role.COORDINATOR)
    assessment.baseline = baseline
    assessment.save(update_fields=["baseline"])
    draft = assessment.responses.get(indicator__code=codes["draft"])
    old = f.respond(baseline, draft.indicator, status=Status.ACCEPTED, finding=draft.finding)
    draft.evidence.all().delete()
    draft.option, draft.carried_from = old.option, old
    draft.carry_state = Response.CarryState.CARRIED
    draft.save()


def pages_for(role: str, world: World) -> dict[str, str]:
    """Name -> path of every page `role` can open."""
    a, c = world.assessment, world.assessment.country.code
    public = {"published profiles": reverse("assessments:published-profiles")}
    if role == "anonymous":
        return public | {
            "sign in": reverse("login"),
            "password reset": reverse("password_reset"),
            "password reset sent": reverse("password_reset_done"),
            "password reset link": reverse(
                "password_reset_confirm", kwargs={"uidb64": "MQ", "token": "set-password"}
            ),
            "password reset done": reverse("password_reset_complete"),
            "signed out": reverse("signed-out"),
            "invitation (new account)": reverse(
                "assessments:invitation", args=[world.invitation_token]
            ),
        }
    pages = public | {
        "my work": reverse("assessments:my-work"),
        "questionnaire": a.get_absolute_url(),
        "registry list": reverse("assessments:instrument-list", args=[c]),
        "registry add": reverse("assessments:instrument-add", args=[c]),
        "registry detail": reverse("assessments:instrument-detail", args=[c, world.instrument_pk]),
        "stage": reverse("assessments:assessment-advance", args=[a.pk]),
        "consultation": reverse("assessments:consultation", args=[a.pk]),
        "history": reverse("assessments:response-history", args=[a.pk, world.codes["draft"]]),
        "answer (review page)": reverse(
            "assessments:review-response", args=[a.pk, world.codes["returned"]]
        ),
        "sdg 10.7.2 and gcm": reverse("assessments:sdg", args=[a.pk]),
        "search results": reverse("assessments:search") + "?q=law",
    }
    for state, code in world.codes.items():
        pages[f"indicator {state}"] = reverse("assessments:response-edit", args=[a.pk, code])
    if role == "focal_point":
        pages["remove evidence"] = reverse("assessments:evidence-remove", args=[world.evidence_pk])
        # The focal point's own preview, with its DRAFT mark (issue 25).
        pages["profile preview"] = reverse("assessments:profile-preview", args=[a.pk])
    if role in ("coordinator", "consultant"):
        pages |= {
            "activity": reverse("assessments:activity", args=[a.pk]),
            "profile preview": reverse("assessments:profile-preview", args=[a.pk]),
            "profile versions": reverse("assessments:profile-versions", args=[a.pk]),
        }
    if role in ("focal_point", "coordinator"):
        pages["workbook import"] = reverse("assessments:xlsx-import", args=[a.pk])
        pages["confirm carried answers"] = reverse("assessments:carried-confirm", args=[a.pk])
    if role == "coordinator":
        pages |= {
            "people": reverse("assessments:people", args=[a.pk]),
            "assignments": reverse("assessments:assignments", args=[a.pk]),
        }
    if role == "consultant":
        pages |= {
            "people": reverse("assessments:people", args=[a.pk]),
            "new assessment": reverse("assessments:assessment-new"),
            "new follow-up with its team": reverse("assessments:assessment-new") + "?country=KG",
            "review board": reverse("assessments:review-board", args=[a.pk]),
            "dashboard": reverse("assessments:consultant-dashboard"),
            "profile texts": reverse("assessments:profile-texts", args=[a.pk]),
            "cancel assessment": reverse("assessments:assessment-cancel", args=[a.pk]),
        }
    return pages
