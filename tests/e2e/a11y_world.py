"""A small assessment with an indicator in every state, for the accessibility browser tests."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import Assessment, Membership, Response
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


def build_world() -> World:
    """An assessment in data collection, indicators not started, draft, submitted, returned,
    accepted and waived."""
    framework = f.build_framework(domains=2, indicators_per_domain=3)
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
    for state, indicator in zip(states, indicators, strict=True):
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
    f.LegalInstrumentFactory(country=assessment.country, title="Labour Code", number="414")
    f.ProfileVersionFactory(assessment=assessment, published=True, frozen=True)
    return World(assessment, codes, evidence.instrument_id, evidence.pk, users)


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
    if role == "coordinator":
        pages |= {
            "people": reverse("assessments:people", args=[a.pk]),
            "assignments": reverse("assessments:assignments", args=[a.pk]),
        }
    if role == "consultant":
        pages |= {
            "people": reverse("assessments:people", args=[a.pk]),
            "new assessment": reverse("assessments:assessment-new"),
            "review board": reverse("assessments:review-board", args=[a.pk]),
            "dashboard": reverse("assessments:consultant-dashboard"),
            "profile texts": reverse("assessments:profile-texts", args=[a.pk]),
            "cancel assessment": reverse("assessments:assessment-cancel", args=[a.pk]),
        }
    return pages
