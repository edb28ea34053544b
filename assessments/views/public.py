"""Pages anyone may open without signing in."""

from django.shortcuts import render

from ..models import ProfileVersion


def published_profiles(request):
    """Every published profile: country, edition, year, language, size and download."""
    versions = (
        ProfileVersion.objects.filter(published=True)
        .select_related("assessment__country")
        .order_by("assessment__country__short_name", "-assessment__year", "language")
    )
    return render(request, "assessments/profile_published.html", {"versions": versions})
