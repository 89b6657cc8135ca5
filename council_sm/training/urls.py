"""Training, under /training/ (and /cy/training/)."""

from django.urls import path

from . import trainer_views, views

app_name = "training"

urlpatterns = [
    path("", views.index, name="index"),
    path("scenarios/<slug:scenario_id>/", views.scenario, name="scenario"),
    path("scenarios/<slug:scenario_id>/answer/", views.feedback, name="feedback"),
    path("score/", views.score, name="score"),
    path("restart/", views.restart, name="restart"),
    path("join/", views.join_session, name="join"),
    path("live/", views.live, name="live"),
    path("live/vote/", views.vote, name="vote"),
    path("live/state/", views.live_state, name="live-state"),
    path("sessions/", trainer_views.sessions, name="sessions"),
    path("sessions/<int:pk>/", trainer_views.session_screen, name="session"),
    path("sessions/<int:pk>/action/", trainer_views.session_action, name="session-action"),
    path("sessions/<int:pk>/panel/", trainer_views.session_panel, name="session-panel"),
    path("sessions/<int:pk>/qr.svg", trainer_views.session_qr, name="session-qr"),
    path("sessions/<int:pk>/record.pdf", trainer_views.session_record, name="session-record"),
]
