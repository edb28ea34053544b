"""Root URLs: auth, admin, and the assessments app."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from assessments.views import auth

urlpatterns = [
    # The reset email links to SITE_URL, not to whatever host the request came in on.
    path(
        "accounts/password_reset/",
        auth.PasswordResetView.as_view(extra_email_context={"site_url": settings.SITE_URL}),
        name="password_reset",
    ),
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/signed-out/", auth.signed_out, name="signed-out"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("assessments.urls")),
]

if "debug_toolbar" in settings.INSTALLED_APPS:
    from debug_toolbar.toolbar import debug_toolbar_urls

    urlpatterns = [*debug_toolbar_urls(), *urlpatterns]
