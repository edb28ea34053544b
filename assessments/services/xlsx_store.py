"""Keeping an uploaded workbook between its preview and the confirmation."""

import hashlib
import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Assessment

_SALT = "assessments.xlsx.upload"
MAX_AGE = 6 * 3600  # a preview left open longer is uploaded again


def upload_stash(*, content: bytes, assessment: Assessment, user: AbstractBaseUser) -> str:
    """Store the file under MEDIA_ROOT/imports/; returns a signed token naming it, user and all."""
    name = default_storage.save(
        f"imports/{assessment.pk}/{uuid.uuid4().hex}.xlsx", ContentFile(content)
    )
    digest = hashlib.sha256(content).hexdigest()
    return signing.dumps(
        {"name": name, "sha256": digest, "user": user.pk, "assessment": assessment.pk},
        salt=_SALT,
    )


def upload_take(*, token: str, assessment: Assessment, user: AbstractBaseUser) -> bytes:
    """The stashed bytes, only for the same user and assessment and if unchanged on disk."""
    expired = ApplicationError(_("The uploaded workbook has expired; upload it again."))
    try:
        data = signing.loads(token or "", salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        raise expired from None
    if data["user"] != user.pk or data["assessment"] != assessment.pk:
        raise expired
    try:
        with default_storage.open(data["name"], "rb") as stored:
            content = stored.read()
    except OSError:
        raise expired from None
    if hashlib.sha256(content).hexdigest() != data["sha256"]:
        raise expired
    return content


def upload_discard(*, token: str) -> None:
    try:
        data = signing.loads(token or "", salt=_SALT)
    except signing.BadSignature:
        return
    default_storage.delete(data["name"])
