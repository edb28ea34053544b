"""The data model, one module per part; re-exported here."""

from .assessment import Assessment, Assignment, Country, Membership
from .framework import AnswerOption, Domain, Framework, Indicator, Level, SubDomain
from .report import ProfileVersion
from .response import Evidence, LegalInstrument, Response, ResponseRevision, Source
from .review import AuditEntry, Comment
from .user import UserSettings

__all__ = [
    "AnswerOption",
    "Assessment",
    "Assignment",
    "AuditEntry",
    "Comment",
    "Country",
    "Domain",
    "Evidence",
    "Framework",
    "Indicator",
    "LegalInstrument",
    "Level",
    "Membership",
    "ProfileVersion",
    "Response",
    "ResponseRevision",
    "Source",
    "SubDomain",
    "UserSettings",
]
