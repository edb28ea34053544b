"""URLs of the app, one module per area so that areas do not collide."""

from .entry import urlpatterns as entry_urls
from .report import urlpatterns as report_urls
from .review import urlpatterns as review_urls
from .setup import urlpatterns as setup_urls
from .xlsx import urlpatterns as xlsx_urls

app_name = "assessments"
urlpatterns = entry_urls + review_urls + report_urls + setup_urls + xlsx_urls
