"""URLs of the review area."""

from django.urls import path

from ..views import activity, board, consultation, dashboard, review, translations

ANSWER = "a/<int:pk>/review/<str:code>/"

urlpatterns = [
    path("review/dashboard/", dashboard.consultant_dashboard, name="consultant-dashboard"),
    path("a/<int:pk>/review/", board.board, name="review-board"),
    path("a/<int:pk>/review/accept/", board.bulk_accept, name="bulk-accept"),
    path(ANSWER, review.response_page, name="review-response"),
    path(ANSWER + "comment/", review.response_comment, name="response-comment"),
    path(
        ANSWER + "comment/<int:comment_pk>/resolve/",
        review.comment_resolve,
        name="comment-resolve",
    ),
    path(ANSWER + "return/", review.response_return, name="response-return"),
    path(ANSWER + "accept/", review.response_accept, name="response-accept"),
    path(ANSWER + "waive/", review.response_waive, name="response-waive"),
    path(ANSWER + "resubmit/", review.response_resubmit, name="response-resubmit"),
    path(ANSWER + "finding/", review.response_finding, name="response-finding"),
    path(ANSWER + "placement/", review.response_placement, name="response-placement"),
    path(
        ANSWER + "translations/",
        translations.finding_translations,
        name="response-translations",
    ),
    path(ANSWER + "selection/", review.response_selection, name="response-selection"),
    path("a/<int:pk>/stage/", review.advance, name="assessment-advance"),
    path("a/<int:pk>/activity/", activity.activity, name="activity"),
    path("a/<int:pk>/consultation/", consultation.consultation_page, name="consultation"),
    path(
        "a/<int:pk>/consultation/<int:comment_pk>/resolve/",
        consultation.consultation_resolve,
        name="consultation-resolve",
    ),
]
