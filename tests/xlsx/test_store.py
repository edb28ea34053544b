"""An uploaded workbook waits for confirmation only for its user and assessment."""

import os
import time

import pytest
from django.core.files.storage import default_storage

from assessments.exceptions import ApplicationError
from assessments.services.xlsx_store import MAX_AGE, upload_discard, upload_stash, upload_take

pytestmark = pytest.mark.django_db


def test_stashed_upload_comes_back_only_for_the_same_user_and_assessment(
    assessment, focal_point, coordinator
):
    token = upload_stash(content=b"PK\x03\x04 workbook", assessment=assessment, user=focal_point)
    assert upload_take(token=token, assessment=assessment, user=focal_point) == (
        b"PK\x03\x04 workbook"
    )
    with pytest.raises(ApplicationError, match="expired"):
        upload_take(token=token, assessment=assessment, user=coordinator)
    with pytest.raises(ApplicationError, match="expired"):
        upload_take(token=token + "x", assessment=assessment, user=focal_point)
    upload_discard(token=token)
    with pytest.raises(ApplicationError, match="expired"):
        upload_take(token=token, assessment=assessment, user=focal_point)


def test_abandoned_uploads_are_swept_at_the_next_upload(assessment, focal_point):
    folder = f"imports/{assessment.pk}"
    if default_storage.exists(folder):  # left by other tests of an assessment with this id
        for name in default_storage.listdir(folder)[1]:
            default_storage.delete(f"{folder}/{name}")
    old = upload_stash(content=b"old", assessment=assessment, user=focal_point)
    stale = default_storage.path(f"{folder}/{default_storage.listdir(folder)[1][0]}")
    os.utime(stale, (time.time() - MAX_AGE - 60,) * 2)
    upload_stash(content=b"new", assessment=assessment, user=focal_point)
    assert len(default_storage.listdir(folder)[1]) == 1
    with pytest.raises(ApplicationError):
        upload_take(token=old, assessment=assessment, user=focal_point)
