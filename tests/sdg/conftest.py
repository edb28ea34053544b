"""A small framework with a crosswalk of its own: domain 1 of 10.7.2, one indicator each."""

import pytest

from assessments.models import Membership
from assessments.services.crosswalk_loader import crosswalk_load
from tests import factories as f

Role = Membership.Role
CODES = ["1a", "1b", "1c", "1d", "1e"]


def crosswalk_data(slug: str) -> dict:
    return {
        "domains": [
            {
                "number": 1,
                "name": "Migrant rights",
                "subcategories": [{"code": c, "text": f"Sub-category {c}"} for c in CODES],
            }
        ],
        "gcm_objectives": {15: "Provide access to basic services for migrants", 22: "Portability"},
        "mapping": {
            slug: {
                f"1.1.{n}": {"sdg": [code], "gcm": [15] if n < 3 else [22]}
                for n, code in enumerate(CODES, start=1)
            }
        },
    }


@pytest.fixture
def sdg_assessment(db):
    framework = f.build_framework(domains=1, indicators_per_domain=5)
    crosswalk_load(data=crosswalk_data(framework.slug))
    return f.AssessmentFactory(framework=framework)


@pytest.fixture
def sdg_people(sdg_assessment):
    people = {}
    for role in (Role.COORDINATOR, Role.CONSULTANT, Role.FOCAL_POINT):
        user = f.UserFactory(username=f"sdg-{role}")
        f.MembershipFactory(user=user, assessment=sdg_assessment, role=role)
        people[role] = user
    return people


def answer_levels(assessment, levels: list[str | None]) -> None:
    """Answer indicators 1.1.1 ... in order at these levels (None leaves one unanswered)."""
    for n, level in enumerate(levels, start=1):
        if level is not None:
            indicator = assessment.framework.indicators.get(code=f"1.1.{n}")
            f.respond(assessment, indicator, level=level, status="accepted")
