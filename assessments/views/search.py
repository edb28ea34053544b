"""The results page of the navigation's search box; a plain GET form, no JavaScript."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..selectors.search import MIN_LENGTH, search_for


@login_required
def search(request):
    results = search_for(request.user, request.GET.get("q", ""))
    return render(
        request, "assessments/search.html", {"results": results, "min_length": MIN_LENGTH}
    )
