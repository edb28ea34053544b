"""Demo users, their memberships and assignments (used by services.demo)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import Group
from django.db.models import Q

from ..models import Assessment, Assignment, Framework, Indicator, Membership, SubDomain

User = get_user_model()

# What `load_demo` prints next to each username.
DEMO_KG_ROLES = {
    "admin": "administrator (staff, superuser)",
    "consultant": "IOM consultant, Kyrgyz and Georgian assessments",
    "coordinator": "government coordinator, Ministry of Foreign Affairs (Kyrgyzstan)",
    "labour": "focal point, Ministry of Labour, Social Security and Migration",
    "interior": "focal point, Ministry of Internal Affairs",
    "emergency": "focal point, Ministry of Emergency Situations",
    "statistics": "focal point, National Statistical Committee",
    "ge-coordinator": "government coordinator, Georgian demo assessment",
    "ge-focal": "focal point, Georgian demo assessment (sees no Kyrgyz data)",
}


def users_sync(people: dict, report) -> dict:
    """Demo accounts by username; the shared password is set only when it does not match."""
    users = {}
    password = _SharedPassword(people["password"])
    for row in people["users"]:
        values = {
            "first_name": row.get("first_name", ""),
            "last_name": row.get("last_name", ""),
            "email": row.get("email", ""),
            "is_staff": bool(row.get("is_staff")),
            "is_superuser": bool(row.get("is_superuser")),
            "is_active": True,
        }
        user = User.objects.filter(username=row["username"]).first()
        changed = user is None or any(getattr(user, k) != v for k, v in values.items())
        if user is None:
            user = User(username=row["username"])
        for key, value in values.items():
            setattr(user, key, value)
        if not password.matches(user.password):
            user.password = password.encoded()
            changed = True
        if changed:
            user.full_clean()
            user.save()
            report.changed["User"] += 1
        # e.g. "consultants", whose members may start assessments; adding twice changes nothing.
        for name in row.get("groups", []):
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        users[row["username"]] = user
    return users


class _SharedPassword:
    """The demo password, hashed once and checked once per distinct stored hash.

    Each hash costs a fifth of a second by design; nine accounts made load_demo wait seconds.
    """

    def __init__(self, raw: str):
        self.raw = raw
        self._verdicts: dict[str, bool] = {}
        self._encoded = ""

    def matches(self, stored: str) -> bool:
        if stored not in self._verdicts:
            self._verdicts[stored] = bool(stored) and check_password(self.raw, stored)
        return self._verdicts[stored]

    def encoded(self) -> str:
        if not self._encoded:
            self._encoded = make_password(self.raw)
            self._verdicts[self._encoded] = True
        return self._encoded


def memberships_sync(
    assessment: Assessment,
    rows: list[dict],
    users: dict,
    frameworks: list[Framework | None],
    report,
) -> None:
    """One membership per row; a focal point's assignments are replaced to match the file."""
    frameworks = [f for f in frameworks if f is not None]
    for row in rows:
        user = users[row["user"]]
        membership = Membership.objects.filter(user=user, assessment=assessment).first()
        values = {"role": row["role"], "institution": row.get("institution", "")}
        if membership is None or any(getattr(membership, k) != v for k, v in values.items()):
            membership = membership or Membership(user=user, assessment=assessment)
            for key, value in values.items():
                setattr(membership, key, value)
            membership.full_clean()
            membership.save()
            report.changed["Membership"] += 1
        _assignments_sync(membership, row.get("assign") or [], frameworks, report)


def _assignments_sync(
    membership: Membership, codes: list[str], frameworks: list[Framework], report
) -> None:
    subdomains = {
        s.code: s
        for s in SubDomain.objects.filter(domain__framework__in=frameworks, code__in=codes)
    }
    indicators = {
        i.code: i for i in Indicator.objects.filter(framework__in=frameworks, code__in=codes)
    }
    wanted = set()
    for code in codes:
        if code in subdomains:
            wanted.add(("s", subdomains[code].pk))
        elif code in indicators:
            wanted.add(("i", indicators[code].pk))
    current = {
        ("s", a.subdomain_id) if a.subdomain_id else ("i", a.indicator_id): a.pk
        for a in membership.assignments.all()
    }
    stale = [pk for key, pk in current.items() if key not in wanted]
    if stale:
        Assignment.objects.filter(Q(pk__in=stale)).delete()
        report.changed["Assignment"] += len(stale)
    for kind, pk in wanted - current.keys():
        assignment = Assignment(
            membership=membership,
            subdomain_id=pk if kind == "s" else None,
            indicator_id=pk if kind == "i" else None,
        )
        assignment.full_clean()
        assignment.save()
        report.changed["Assignment"] += 1
