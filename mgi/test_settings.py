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
# Not the host the test client uses ("testserver"): emails must link here, not to the request.
SITE_URL = "https://mgi.example.test"

# Tasks run at once, in the request; the worker tests switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PROFILE_RENDER_IN_CHILD = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: threads and the worker subprocess of the tests share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="mgi-test-db-")) / "test.sqlite3")
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # Between browser tests Django empties every table with TRUNCATE; the audit table's
    # trigger refuses it unless the connection says so (migration 0015). Only tests do.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c mgi.allow_audit_truncate=on"  # noqa: F405
