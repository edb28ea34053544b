"""An assessment in data collection with a focal point answering four indicators."""

import pytest

from assessments.models import Response
from assessments.services.entry import response_open, response_save
from tests import factories as f


@pytest.fixture
def answered(assessment, framework, focal_point, indicator):
    """The focal point's four indicators (two sub-domains), each answered once in the app."""
    second = framework.indicators.order_by("order")[2].subdomain
    f.AssignmentFactory(membership=focal_point.memberships.get(), subdomain=second)
    codes = []
    for ind in framework.indicators.filter(subdomain__in=[indicator.subdomain, second]):
        response = response_open(assessment=assessment, indicator=ind)
        response_save(
            response=response,
            user=focal_point,
            option=ind.options.get(level="partial"),
            finding=f"Finding of {ind.code}: the law covers part of it.",
            version=0,
        )
        codes.append(ind.code)
    f.EvidenceFactory(response=Response.objects.get(indicator=indicator, assessment=assessment))
    return sorted(codes)
