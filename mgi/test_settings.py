"""Test settings: fast hashing, in-memory email, a temporary media root."""

import tempfile
from pathlib import Path

from mgi.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mgi-test-media-"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="mgi-test-static-"))
# Not the host the test client uses ("testserver"): emails must link here, not to the request.
SITE_URL = "https://mgi.example.test"
