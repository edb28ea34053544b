"""URLs of the data-entry area."""

from django.urls import path

from ..views import entry, evidence, language, overview, people, registry, search, work

urlpatterns = [
    path("language/", language.language_set, name="language-set"),
    path("", work.my_work, name="my-work"),
    path("search/", search.search, name="search"),
    path("a/<int:pk>/", work.assessment_detail, name="assessment-detail"),
    path("a/<int:pk>/remind/", overview.remind, name="ministry-remind"),
    path("a/<int:pk>/people/", people.people_list, name="people"),
    path("a/<int:pk>/assignments/", people.assignments, name="assignments"),
    path("a/<int:pk>/i/<str:code>/", entry.response_edit, name="response-edit"),
    path("a/<int:pk>/i/<str:code>/submit/", entry.response_submit, name="response-submit"),
    path("a/<int:pk>/i/<str:code>/history/", entry.response_history, name="response-history"),
    path(
        "a/<int:pk>/i/<str:code>/as-translation/",
        entry.finding_as_translation,
        name="response-finding-as-translation",
    ),
    path(
        "a/<int:pk>/i/<str:code>/history/<int:version>/restore/",
        entry.revision_restore,
        name="revision-restore",
    ),
    path("a/<int:pk>/i/<str:code>/evidence/", evidence.evidence_add, name="evidence-add"),
    path("evidence/<int:evidence_pk>/remove/", evidence.evidence_remove, name="evidence-remove"),
    path("evidence/<int:evidence_pk>/restore/", evidence.evidence_restore, name="evidence-restore"),
    path("evidence/<int:evidence_pk>/file/", evidence.evidence_download, name="evidence-download"),
    path("registry/<str:code>/", registry.instrument_list, name="instrument-list"),
    path("registry/<str:code>/add/", registry.instrument_edit, name="instrument-add"),
    path(
        "registry/<str:code>/<int:instrument_pk>/",
        registry.instrument_detail,
        name="instrument-detail",
    ),
    path(
        "registry/<str:code>/<int:instrument_pk>/edit/",
        registry.instrument_edit,
        name="instrument-edit",
    ),
    path(
        "registry/<str:code>/<int:instrument_pk>/merge/<int:other_pk>/",
        registry.instrument_merge_view,
        name="instrument-merge",
    ),
    path(
        "registry/<str:code>/<int:instrument_pk>/unmerge/",
        registry.instrument_merge_undo_view,
        name="instrument-merge-undo",
    ),
]
