"""Keeping an uploaded workbook between its preview and the confirmation."""

import datetime
import hashlib
import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Assessment

_SALT = "assessments.xlsx.upload"
MAX_AGE = 6 * 3600  # a preview left open longer is uploaded again


def upload_stash(*, content: bytes, assessment: Assessment, user: AbstractBaseUser) -> str:
    """Store the file under MEDIA_ROOT/imports/; returns a signed token naming it, user and all."""
    _sweep(f"imports/{assessment.pk}")
    name = default_storage.save(
        f"imports/{assessment.pk}/{uuid.uuid4().hex}.xlsx", ContentFile(content)
    )
    digest = hashlib.sha256(content).hexdigest()
    return signing.dumps(
        {"name": name, "sha256": digest, "user": user.pk, "assessment": assessment.pk},
        salt=_SALT,
    )


def _sweep(folder: str) -> None:
    """Forget uploads whose preview was abandoned: older than their token can be."""
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - datetime.timedelta(seconds=MAX_AGE)
    for name in files:
        path = f"{folder}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)


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
