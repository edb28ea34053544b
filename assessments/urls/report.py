"""URLs of the profile area."""

from django.urls import path

from ..views import profile, public

urlpatterns = [
    path("a/<int:pk>/profile/", profile.profile_preview, name="profile-preview"),
    path("a/<int:pk>/profile/versions/", profile.profile_versions, name="profile-versions"),
    path("a/<int:pk>/profile/generate/", profile.profile_generate, name="profile-generate"),
    path("a/<int:pk>/profile/pdf/", profile.profile_pdf, name="profile-pdf"),
    path("a/<int:pk>/profile/v<int:number>.pdf", profile.profile_download, name="profile-download"),
    path("a/<int:pk>/profile/texts/", profile.profile_texts, name="profile-texts"),
    path("published/", public.published_profiles, name="published-profiles"),
]
