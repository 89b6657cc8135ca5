"""URLs: English unprefixed, Welsh under /cy/. The health check and the JSON API are not
translated pages, so they live outside i18n_patterns (and so have no /cy/ twin)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path

from council_sm import health, statements
from council_sm.accounts.views import SignInView
from council_sm.api.views import api
from council_sm.assessments import views as assessment_views
from council_sm.records import views as record_views

assessment_wizard = assessment_views.AssessmentWizard.as_view(
    url_name="assessment-step", done_step_name=assessment_views.DONE_STEP
)

handler500 = "council_sm.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", assessment_views.start, name="start"),
    path("assessment/", assessment_wizard, name="assessment"),
    path("assessment/start-again/", assessment_views.start_again, name="assessment-start-again"),
    path("assessment/result/<uuid:pk>/", assessment_views.result, name="assessment-result"),
    path(
        "assessment/result/<uuid:pk>/record.pdf",
        record_views.self_assessment_pdf,
        name="assessment-record-pdf",
    ),
    path("verify/", record_views.verify, name="verify"),
    path("accessibility/", statements.accessibility, name="accessibility"),
    path("welsh-language/", statements.welsh_language, name="welsh-language"),
    path("accounts/sign-in/", SignInView.as_view(), name="sign-in"),
    path("accounts/sign-out/", LogoutView.as_view(), name="sign-out"),
    path("records/", include("council_sm.records.urls")),
    path("training/", include("council_sm.training.urls")),
    path("assessment/<slug:step>/", assessment_wizard, name="assessment-step"),
    prefix_default_language=False,
)
