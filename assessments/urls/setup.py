"""Starting, cancelling and restoring assessments; invitations and members."""

from django.urls import path

from ..views import carried, setup

urlpatterns = [
    path("new/", setup.assessment_new, name="assessment-new"),
    path("new/team/", setup.assessment_new_team, name="assessment-new-team"),
    path("a/<int:pk>/cancel/", setup.assessment_cancel, name="assessment-cancel"),
    path("a/<int:pk>/restore/", setup.assessment_restore, name="assessment-restore"),
    path("a/<int:pk>/people/<int:member_pk>/", setup.member_change, name="member-change"),
    path("a/<int:pk>/i/<str:code>/confirm/", setup.response_confirm, name="response-confirm"),
    path("a/<int:pk>/carried/confirm/", carried.carried_confirm_page, name="carried-confirm"),
    path("invitation/<str:token>/", setup.invitation, name="invitation"),
]
