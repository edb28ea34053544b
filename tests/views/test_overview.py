"""The assessment overview: the grid of levels, progress by ministry, and the reminder."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from assessments.models import AuditEntry, Membership, Reminder, Response
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = Response.Status
LEVELS = ["developed", "partial", "absent", "not_applicable"]


def _answer_many(assessment, framework):
    """Answer three of every four indicators at rotating levels; the fourth stays blank."""
    for n, indicator in enumerate(framework.indicators.order_by("order")):
        if n % 4 != 3:
            f.respond(assessment, indicator, status=Status.SUBMITTED, level=LEVELS[n % 4])


def _grid_counts(html: str) -> dict[str, Counter]:
    counts = {}
    for block in html.split('data-subdomain="')[1:]:
        code = block.split('"')[0]
        cells = block.split("</ul>")[0]
        counts[code] = Counter(re.findall(r'data-level="(\w+)"', cells))
        summary = block.split("</ul>")[1].split("</p>")[0]
        assert counts[code] == Counter(
            {k: int(v) for k, v in re.findall(r'data-count="(\w+)">[^<]*: (\d+)<', summary)}
        )
    return counts


def test_the_grid_counts_per_subdomain_and_level_equal_the_answers(
    focal_point, client_for, assessment
):
    framework = f.build_framework(domains=6, indicators_per_domain=5)
    assessment.framework = framework
    assessment.save()
    _answer_many(assessment, framework)
    html = client_for(focal_point).get(assessment.get_absolute_url()).content.decode()
    expected: dict[str, Counter] = {}
    levels = dict(
        Response.objects.filter(assessment=assessment).values_list("indicator", "option__level")
    )
    for indicator in framework.indicators.select_related("subdomain"):
        key = levels.get(indicator.pk) or "unanswered"
        expected.setdefault(indicator.subdomain.code, Counter())[key] += 1
    assert _grid_counts(html) == expected
    assert sum(c["unanswered"] for c in expected.values()) == 7


def test_progress_by_ministry_counts_each_state(coordinator, client_for, assessment, framework):
    labour = f.UserFactory(email="labour@example.org")
    m = f.MembershipFactory(user=labour, assessment=assessment, institution="Ministry of Labour")
    first, second = framework.indicators.order_by("order")[:2]
    f.AssignmentFactory(membership=m, subdomain=first.subdomain)
    f.respond(assessment, first, status=Status.RETURNED)
    f.respond(assessment, second, status=Status.ACCEPTED)
    html = client_for(coordinator).get(assessment.get_absolute_url()).content.decode()
    row = html.split('data-ministry="Ministry of Labour"')[1].split("</tr>")[0]
    assert re.findall(r'text-end"[^>]*>(\d+)<', row) == ["2", "2", "0", "1", "1"]


@pytest.fixture
def behind(assessment, framework):
    """A focal point of the Ministry of Labour with nothing submitted yet."""
    user = f.UserFactory(username="slow", email="slow@example.org")
    m = f.MembershipFactory(user=user, assessment=assessment, institution="Ministry of Labour")
    f.AssignmentFactory(membership=m, subdomain=framework.indicators.first().subdomain)
    return user


def test_the_reminder_is_sent_audited_and_refused_a_second_time_the_same_day(
    coordinator, behind, client_for, assessment, committed, mailoutbox
):
    client = client_for(coordinator)
    url = reverse("assessments:ministry-remind", args=[assessment.pk])
    with committed():
        first = client.post(url, {"institution": "Ministry of Labour"}, follow=True)
    assert "1 focal point reminded." in first.content.decode()
    assert [m.to for m in mailoutbox] == [["slow@example.org"]]
    entry = AuditEntry.objects.get(assessment=assessment, action="ministry.remind")
    assert entry.actor == coordinator and entry.data == {"recipients": ["slow"]}
    with committed():
        second = client.post(url, {"institution": "Ministry of Labour"}, follow=True)
    assert "already reminded today" in second.content.decode()
    assert len(mailoutbox) == 1
    assert Reminder.objects.count() == 1
    assert AuditEntry.objects.filter(action="ministry.remind").count() == 1


def test_only_the_coordinator_may_remind(people, behind, client_for, assessment):
    url = reverse("assessments:ministry-remind", args=[assessment.pk])
    expected = {"focal_point": 403, "consultant": 403, "outsider": 404}
    for who, status in expected.items():
        result = client_for(people[who]).post(url, {"institution": "Ministry of Labour"})
        assert result.status_code == status
    assert not Reminder.objects.exists()
    page = client_for(people["focal_point"]).get(assessment.get_absolute_url()).content.decode()
    assert url not in page


def test_a_ministry_that_is_up_to_date_is_not_reminded(
    coordinator, behind, client_for, assessment, framework
):
    sub = framework.indicators.first().subdomain
    for indicator in sub.indicators.all():
        f.respond(assessment, indicator, status=Status.SUBMITTED)
    url = reverse("assessments:ministry-remind", args=[assessment.pk])
    page = client_for(coordinator).post(url, {"institution": "Ministry of Labour"}, follow=True)
    assert "handed over all their answers" in page.content.decode()
    assert not Reminder.objects.exists()


@pytest.mark.parametrize("per_domain", [2, 17])  # ~10 and ~100 answers
def test_the_overview_keeps_its_query_count(client, django_assert_max_num_queries, per_domain):
    framework = f.build_framework(domains=6, indicators_per_domain=per_domain)
    assessment = f.AssessmentFactory(framework=framework)
    coordinator = f.UserFactory()
    f.MembershipFactory(user=coordinator, assessment=assessment, role=Membership.Role.COORDINATOR)
    for n in range(3):
        m = f.MembershipFactory(assessment=assessment, institution=f"Ministry {n}")
        f.AssignmentFactory(membership=m, subdomain=framework.indicators.all()[n].subdomain)
    _answer_many(assessment, framework)
    client.force_login(coordinator)
    with django_assert_max_num_queries(14):
        assert client.get(assessment.get_absolute_url()).status_code == 200


def test_the_grid_shows_waived_indicators_as_waived_with_their_own_legend_entry(
    focal_point, client_for, assessment, framework
):
    first, second = framework.indicators.order_by("order")[:2]
    waived = f.respond(assessment, first, status=Status.DRAFT)
    waived.waiver_reason = "Not covered by this follow-up."
    waived.save()
    f.respond(assessment, second, status=Status.ACCEPTED, level="partial")
    html = client_for(focal_point).get(assessment.get_absolute_url()).content.decode()
    cell = html.split(f">{first.code}<span")[0].rsplit("<li", 1)[1]
    assert 'data-level="waived"' in cell
    legend = html.split('id="grid-legend-title"')[1].split("</ul>")[0]
    assert 'level-key level-waived"' in legend and "Waived" in legend


def test_the_covid_module_domain_is_labelled_by_its_letter(consultant, client_for, assessment):
    f.build_covid_framework()
    assessment.covid_module = True
    assessment.save()
    html = client_for(consultant).get(assessment.get_absolute_url()).content.decode()
    grid = html.split('class="overview-grid"')[1].split("</section>\n  </div>")[0]
    headings = re.findall(r'<h3 class="h6" id="grid-d\d+">([^<]+)</h3>', grid)
    assert headings[-1].startswith("C. ") and headings[0].startswith("1. ")
    questionnaire = re.findall(r'<h3 class="h5 mt-4">([^<]+)<small', html)
    assert questionnaire[-1].startswith("C. COVID-19") and questionnaire[0].startswith("1. ")
    page = (
        client_for(consultant)
        .get(reverse("assessments:response-edit", args=[assessment.pk, "C.1.1"]))
        .content.decode()
    )
    assert '<li class="breadcrumb-item">C. COVID-19</li>' in page
