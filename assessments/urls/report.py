"""URLs of the profile area."""

from django.urls import path

from ..views import public

urlpatterns = [
    path("published/", public.published_profiles, name="published-profiles"),
]
