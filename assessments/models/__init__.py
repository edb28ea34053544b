"""The data model, one module per part; re-exported here."""

from .assessment import Assessment, Assignment, Country, Membership
from .framework import AnswerOption, Domain, Framework, Indicator, Level, SubDomain
from .report import ProfileRender, ProfileVersion
from .response import Evidence, LegalInstrument, Response, ResponseRevision, Source
from .review import AuditEntry, Comment

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
    "ProfileRender",
    "ProfileVersion",
    "Response",
    "ResponseRevision",
    "Source",
    "SubDomain",
]
