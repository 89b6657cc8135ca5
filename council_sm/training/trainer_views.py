"""The trainer's side of a facilitated session: choosing scenarios and starting, the room's
screen (join code, QR code, the scenario, the votes, the outcome), moving on, ending, and the
training record. For trainers and monitoring officers; each session only for whoever started it."""

from __future__ import annotations

import io
import logging

import segno
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from council_sm.accounts.access import trainer_required
from council_sm.engine import InvalidAnswers, InvalidCasebook

from .chart import vote_chart
from .forms import StartSessionForm
from .labels import SCENARIO_HEADLINES
from .models import Scenario, TrainingSession
from .pdf import RenderingFailed, render_training_record
from .presenter import scenario_outcome
from .services import ACTIONS, advance, attendance, start_session, tally
from .summary import session_summary
from .views import problem

logger = logging.getLogger(__name__)

RECENT_SESSIONS = 20


def _own_session(request: HttpRequest, pk: int) -> TrainingSession:
    """Return a session started by the signed-in trainer; anyone else's is not found."""
    return get_object_or_404(TrainingSession, pk=pk, started_by=request.user)


@trainer_required
@require_http_methods(["GET", "POST"])
def sessions(request: HttpRequest) -> HttpResponse:
    """Choose scenarios and start a session; the trainer's recent sessions."""
    scenarios = list(Scenario.objects.all())
    choices = [(item.id, item.in_language("title")) for item in scenarios]
    if request.method == "POST":
        form = StartSessionForm(request.POST, scenario_choices=choices)
        if form.is_valid():
            training = start_session(
                user=request.user,
                scenario_ids=form.cleaned_data["scenarios"],
                language=get_language(),
            )
            return redirect("training:session", pk=training.pk)
        chosen = form["scenarios"].value() or []
    else:
        form = StartSessionForm(scenario_choices=choices)
        chosen = [item.id for item in scenarios]
    recent = TrainingSession.objects.filter(started_by=request.user)[:RECENT_SESSIONS]
    return render(
        request,
        "training/sessions.html",
        {
            "form": form,
            "choices": [
                {"scenario": item, "title": title, "checked": item.id in chosen}
                for item, (_id, title) in zip(scenarios, choices, strict=True)
            ],
            "recent": recent,
            "code_hours": settings.TRAINING_JOIN_CODE_HOURS,
            "retention_days": settings.TRAINING_SESSION_RETENTION_DAYS,
        },
        status=400 if form.errors else 200,
    )


def _join_url(request: HttpRequest, training: TrainingSession, *, with_code: bool) -> str:
    url = request.build_absolute_uri(reverse("training:join"))
    return f"{url}?code={training.code}" if with_code else url


def _panel_context(training: TrainingSession) -> dict:
    scenario_id = training.current_scenario_id
    counts = tally(training, scenario_id) if scenario_id else None
    return {
        "training": training,
        "joined": attendance(training),
        "tally": counts,
        "chart": vote_chart(counts) if counts is not None else None,
        "show_votes": training.stage
        in (TrainingSession.Stage.VOTES, TrainingSession.Stage.OUTCOME),
    }


@trainer_required
@require_GET
def session_screen(request: HttpRequest, pk: int) -> HttpResponse:
    """The room's screen, and the trainer's controls."""
    training = _own_session(request, pk)
    context = _panel_context(training)
    scenario_id = training.current_scenario_id
    item = Scenario.objects.filter(pk=scenario_id).first() if scenario_id else None
    outcome = None
    if item is not None and training.stage == TrainingSession.Stage.OUTCOME:
        try:
            outcome = scenario_outcome(item)
        except (InvalidAnswers, InvalidCasebook):
            return problem(request)
    summary = None
    if training.stage == TrainingSession.Stage.ENDED:
        summary = session_summary(training)
    context.update(
        {
            "item": item,
            "title": item.in_language("title") if item else "",
            "text": item.in_language("text") if item else "",
            "number": training.position + 1,
            "count": len(training.scenario_ids),
            "outcome": outcome,
            "headline": SCENARIO_HEADLINES[outcome.band] if outcome else "",
            "join_url": _join_url(request, training, with_code=False),
            "expired": training.ended_at is None and timezone.now() >= training.expires_at,
            "summary": summary,
            "poll_seconds": settings.TRAINING_POLL_SECONDS,
        }
    )
    return render(request, "training/session.html", context)


@trainer_required
@require_GET
def session_panel(request: HttpRequest, pk: int) -> HttpResponse:
    """The parts of the screen that change without the trainer acting (who has joined, the
    votes), for the script that refreshes them. Without JavaScript, the Refresh link reloads
    the whole screen instead."""
    training = _own_session(request, pk)
    response = render(request, "training/_panel.html", _panel_context(training))
    response["Cache-Control"] = "no-store"
    return response


@trainer_required
@require_POST
def session_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Start, show the votes, show the outcome, move on, or end."""
    training = _own_session(request, pk)
    action = request.POST.get("action", "")
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = None
    if action not in ACTIONS or revision is None:
        return render(request, "training/problem.html", status=400)
    advance(training.pk, action, revision=revision)
    return redirect("training:session", pk=training.pk)


@trainer_required
@require_GET
def session_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """A QR code for the join page with this session's code, as an SVG file made here (no
    network)."""
    training = _own_session(request, pk)
    qr = segno.make(_join_url(request, training, with_code=True), error="m")
    buffer = io.BytesIO()
    qr.save(
        buffer,
        kind="svg",
        scale=8,
        border=4,
        xmldecl=False,
        title=_("QR code to join the training session"),
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    return response


@trainer_required
@require_GET
def session_record(request: HttpRequest, pk: int) -> HttpResponse:
    """The training record for the committee's minutes, in the trainer's language, once the
    session has ended. Names nobody."""
    training = _own_session(request, pk)
    if training.stage != TrainingSession.Stage.ENDED:
        raise Http404
    try:
        pdf = render_training_record(training, language=get_language())
    except RenderingFailed:
        logger.exception("Rendering training record %s failed", training.reference)
        return render(request, "training/render_failed.html", {"training": training}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{training.reference}.pdf"'
    return response
