"""URLs of the offline workbook and the analysis downloads."""

from django.urls import path

from ..views import xlsx

urlpatterns = [
    path("a/<int:pk>/workbook.xlsx", xlsx.workbook_download, name="xlsx-export"),
    path("a/<int:pk>/workbook/import/", xlsx.workbook_import, name="xlsx-import"),
    path(
        "a/<int:pk>/workbook/import/confirm/",
        xlsx.workbook_import_confirm,
        name="xlsx-import-confirm",
    ),
    path(
        "a/<int:pk>/answers.<str:fmt>",
        xlsx.analysis_download,
        name="analysis-export",
    ),
    path(
        "country/<str:code>/answers.<str:fmt>",
        xlsx.country_analysis_download,
        name="country-analysis-export",
    ),
]
