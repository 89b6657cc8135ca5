"""URLs: English unprefixed, Welsh under /cy/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from council_sm.assessments import views as assessment_views

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", assessment_views.start, name="start"),
    prefix_default_language=False,
)
