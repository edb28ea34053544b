"""factory-boy factories for every model tests need."""

import factory
from django.contrib.auth import get_user_model

from assessments import models

PASSWORD = "test-pass-1234"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Framework
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"framework-{n}")
    name = factory.Sequence(lambda n: f"Framework {n}")
    kind = models.Framework.Kind.NATIONAL
    profile_texts = factory.LazyFunction(dict)


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Domain

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: n % 6 + 1)
    name = factory.LazyAttribute(lambda d: f"Domain {d.number}")
    migof_kind = models.Domain.MigofKind.PRINCIPLE
    migof_text = "Adhere to international standards"
    chapter_title = factory.LazyAttribute(lambda d: f"Chapter of domain {d.number}")
    description = "What this domain looks at."


class SubDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SubDomain

    domain = factory.SubFactory(DomainFactory)
    code = factory.Sequence(lambda n: f"9.{n}")
    name = factory.Sequence(lambda n: f"Sub-domain {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Indicator
        skip_postgeneration_save = True

    subdomain = factory.SubFactory(SubDomainFactory)
    framework = factory.LazyAttribute(lambda i: i.subdomain.domain.framework)
    code = factory.Sequence(lambda n: f"9.9.{n}")
    title = factory.Sequence(lambda n: f"Indicator {n}")
    question = "Does the country have a policy?"
    guidance = "Cite the law and the article."
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def options(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        models.AnswerOption.objects.bulk_create(default_options(obj))


def default_options(indicator: models.Indicator) -> list[models.AnswerOption]:
    """A developed, a partial and an absent option, unsaved (for one bulk insert)."""
    return [
        models.AnswerOption(
            indicator=indicator,
            key=level,
            level=level,
            label=f"{level.title()} answer",
            statement_template=f"{{short_name}} has a {level} policy on {indicator.title}.",
            order=order,
        )
        for order, level in enumerate(["developed", "partial", "absent"])
    ]


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name = factory.LazyAttribute(lambda c: f"the Republic of {c.code}")
    short_name = factory.LazyAttribute(lambda c: f"Country {c.code}")


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Assessment

    country = factory.SubFactory(CountryFactory)
    framework = factory.SubFactory(FrameworkFactory)
    year = 2022
    edition = "Second profile 2022"
    stage = models.Assessment.Stage.DATA_COLLECTION


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    user = factory.SubFactory(UserFactory)
    assessment = factory.SubFactory(AssessmentFactory)
    role = models.Membership.Role.FOCAL_POINT
    institution = "Ministry of Labour"


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Assignment

    membership = factory.SubFactory(MembershipFactory)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Response

    assessment = factory.SubFactory(AssessmentFactory)
    indicator = factory.SubFactory(
        IndicatorFactory,
        subdomain__domain__framework=factory.SelfAttribute("...assessment.framework"),
    )
    status = models.Response.Status.NOT_STARTED


class LegalInstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LegalInstrument

    country = factory.SubFactory(CountryFactory)
    title = factory.Sequence(lambda n: f"Law on Migration No. {n}")
    number = factory.Sequence(lambda n: str(n))
    kind = models.LegalInstrument.Kind.LAW
    adopted_on = factory.Faker("date_between", start_date="-30y", end_date="-1y")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    assessment = factory.SubFactory(AssessmentFactory)
    organization = "National Statistical Committee"
    year = "2021"
    title = factory.Sequence(lambda n: f"Statistical yearbook {n}")


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Evidence

    response = factory.SubFactory(ResponseFactory)
    instrument = factory.SubFactory(
        LegalInstrumentFactory, country=factory.SelfAttribute("..response.assessment.country")
    )
    locator = "Article 9"
    note = "The law sets out the procedure."


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Comment

    response = factory.SubFactory(ResponseFactory)
    assessment = factory.SelfAttribute("response.assessment")
    author = factory.SubFactory(UserFactory)
    text = "Please cite the article."


def build_framework(*, domains: int = 6, indicators_per_domain: int = 2) -> models.Framework:
    """A small complete framework: domains, one sub-domain each, indicators with options."""
    framework = FrameworkFactory()
    indicators = []
    for number in range(1, domains + 1):
        domain = DomainFactory(framework=framework, number=number)
        sub = SubDomainFactory(domain=domain, code=f"{number}.1")
        for i in range(1, indicators_per_domain + 1):
            indicators.append(
                IndicatorFactory(
                    subdomain=sub, code=f"{number}.1.{i}", order=number * 100 + i, options=False
                )
            )
    # One insert for every option: most tests start by building a framework.
    models.AnswerOption.objects.bulk_create([o for i in indicators for o in default_options(i)])
    return framework


# --- review (issue 5) ---
def answer(response, *, status="submitted", finding="The law grants access.", level="developed"):
    """Give a response an answer, a finding and a status (without revisions or audit)."""
    response.option = response.indicator.options.get(level=level)
    response.finding = finding
    response.status = status
    response.save()
    return response


def respond(assessment, indicator, **kwargs):
    """A response of `assessment` to `indicator`, answered as in `answer`."""
    response, _ = models.Response.objects.get_or_create(assessment=assessment, indicator=indicator)
    return answer(response, **kwargs)


def snapshot(assessment):
    """Everything a refused transition must leave untouched."""
    assessment.refresh_from_db()
    return {
        "stage": assessment.stage,
        "responses": sorted(
            models.Response.objects.filter(assessment=assessment).values_list(
                "pk",
                "status",
                "version",
                "finding",
                "waiver_reason",
                "placement_override",
                "excluded_from_profile",
                "profile_order",
            )
        ),
        "revisions": models.ResponseRevision.objects.filter(
            response__assessment=assessment
        ).count(),
        "audit": models.AuditEntry.objects.filter(assessment=assessment).count(),
        "comments": sorted(
            models.Comment.objects.filter(assessment=assessment).values_list("pk", "resolved_at")
        ),
    }


# --- profile (issue 6) ---
import datetime  # noqa: E402


class ProfileVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ProfileVersion

    assessment = factory.SubFactory(AssessmentFactory)
    number = factory.Sequence(lambda n: n + 1)
    stage = factory.SelfAttribute("assessment.stage")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    file = factory.django.FileField(filename="profile.pdf", data=b"%PDF-1.7\n% test\n")
    size = 16
    pages = 1


def answer_with_evidence(
    response_or_assessment, indicator=None, *, level="developed", finding="", notes=()
):
    """Answer an indicator at a level with a finding and evidence notes; returns the response."""
    if indicator is None:
        response = response_or_assessment
    else:
        response, _ = models.Response.objects.get_or_create(
            assessment=response_or_assessment, indicator=indicator
        )
    response.option = response.indicator.options.get(level=level)
    response.finding = finding or f"Finding on {response.indicator.code}."
    response.status = models.Response.Status.ACCEPTED
    response.save()
    for note in notes:
        EvidenceFactory(
            response=response,
            note=note,
            instrument__in_annex=False,
            instrument__adopted_on=datetime.date(2000, 1, 1),
        )
    if not notes and level in ("developed", "partial"):
        # Without a note, a law the annex lists: the area's evidence without a footnote.
        EvidenceFactory(
            response=response, note="", instrument__adopted_on=datetime.date(2000, 1, 1)
        )
    return response


def build_covid_framework() -> models.Framework:
    """The COVID-19 module: one domain with two questions."""
    framework = FrameworkFactory(slug="covid19", name="COVID-19 module", kind="module")
    domain = DomainFactory(framework=framework, number=1, name="COVID-19")
    sub = SubDomainFactory(domain=domain, code="C.1")
    for i in (1, 2):
        IndicatorFactory(subdomain=sub, code=f"C.1.{i}", order=1000 + i)
    return framework
