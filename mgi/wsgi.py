"""WSGI entry point for gunicorn: `gunicorn mgi.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mgi.settings")
application = get_wsgi_application()
