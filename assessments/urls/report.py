"""URLs of the profile area."""

from django.urls import path

from ..views import profile, public, sdg

urlpatterns = [
    path("a/<int:pk>/profile/", profile.profile_preview, name="profile-preview"),
    path("a/<int:pk>/profile/versions/", profile.profile_versions, name="profile-versions"),
    path("a/<int:pk>/profile/generate/", profile.profile_generate, name="profile-generate"),
    path("a/<int:pk>/profile/pdf/", profile.profile_pdf, name="profile-pdf"),
    path("a/<int:pk>/profile/v<int:number>.pdf", profile.profile_download, name="profile-download"),
    path("a/<int:pk>/profile/texts/", profile.profile_texts, name="profile-texts"),
    path("a/<int:pk>/sdg/", sdg.sdg_page, name="sdg"),
    path("a/<int:pk>/sdg/<str:code>/", sdg.sdg_override, name="sdg-override"),
    path("a/<int:pk>/sdg.<str:fmt>", sdg.sdg_export, name="sdg-export"),
    path("published/", public.published_profiles, name="published-profiles"),
]
