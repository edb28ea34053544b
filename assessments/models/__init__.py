"""The data model, one module per part; re-exported here."""

from .assessment import Assessment, Assignment, Country, Invitation, Membership
from .crosswalk import GcmObjective, SdgOverride, SdgSubcategory
from .framework import AnswerOption, Domain, Framework, Indicator, Level, SubDomain
from .report import ProfileRender, ProfileVersion
from .response import Evidence, LegalInstrument, Response, ResponseRevision, Source
from .review import AuditEntry, Comment, Reminder
from .team import PendingAssignment
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
    "GcmObjective",
    "Indicator",
    "Invitation",
    "LegalInstrument",
    "Level",
    "Membership",
    "PendingAssignment",
    "ProfileRender",
    "ProfileVersion",
    "Reminder",
    "Response",
    "ResponseRevision",
    "SdgOverride",
    "SdgSubcategory",
    "Source",
    "SubDomain",
    "UserSettings",
]
