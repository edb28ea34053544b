"""Stored profile versions: the content key and the lookups that renders and versions share."""

from __future__ import annotations

import dataclasses
import hashlib
import json

from ..models import Assessment, ProfileVersion
from .profile import Profile
from .render import template_version


def content_hash(profile: Profile) -> str:
    """Digest of everything printed, plus the template's own version."""
    payload = json.dumps(dataclasses.asdict(profile), sort_keys=True, default=str)
    return hashlib.sha256(f"{template_version()}\n{payload}".encode()).hexdigest()


def _in(assessment: Assessment, language: str | None):
    versions = assessment.profile_versions.all()
    return versions.filter(language=language) if language else versions


def latest_version(assessment: Assessment, language: str | None = None) -> ProfileVersion | None:
    return _in(assessment, language).order_by("-number").first()


def frozen_version(assessment: Assessment, language: str | None = None) -> ProfileVersion | None:
    return _in(assessment, language).filter(frozen=True).order_by("-number").first()


def _stored(version: ProfileVersion | None) -> bool:
    return bool(version and version.file and version.file.storage.exists(version.file.name))
