"""Pages anyone may open without signing in."""

from django.shortcuts import render

from ..models import ProfileVersion


def published_profiles(request):
    versions = ProfileVersion.objects.filter(published=True).select_related("assessment__country")
    return render(request, "assessments/published_profiles.html", {"versions": versions})
