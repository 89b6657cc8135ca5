"""The monitoring officer's workspace, under /records/ (and /cy/records/)."""

from django.urls import path

from . import officer_views as views

app_name = "records"

urlpatterns = [
    path("", views.register, name="register"),
    path("export.csv", views.export_csv, name="export"),
    path("new/", views.new_record, name="new"),
    path("audit/", views.audit_trail, name="audit"),
    path("library/", views.case_library, name="library"),
    path("<int:pk>/", views.record_detail, name="detail"),
    path("<int:pk>/edit/", views.edit_record, name="edit"),
    path("<int:pk>/issue/", views.issue_record, name="issue"),
    path("<int:pk>/correct/", views.correct_record, name="correct"),
    path("<int:pk>/record.pdf", views.record_pdf, name="pdf"),
]
