"""Test settings: fast hashing, in-memory email, a temporary media root."""

import tempfile
from pathlib import Path

from mgi.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mgi-test-media-"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="mgi-test-static-"))
# Tests run without the debug toolbar even where it is installed.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "debug_toolbar"]  # noqa: F405
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("debug_toolbar.")]  # noqa: F405
