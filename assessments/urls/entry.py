"""URLs of the data-entry area."""

from django.urls import path

from ..views import work

urlpatterns = [
    path("", work.my_work, name="my-work"),
    path("a/<int:pk>/", work.assessment_detail, name="assessment-detail"),
]
