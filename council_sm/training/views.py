"""Training pages anyone can use without an account: the scenarios and the self-paced quiz,
joining a facilitated session with its code, and the participant's screen with its vote.
Views stay thin: scoring in quiz.py, sessions and votes in services.py, teaching in presenter.py."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from council_sm.accounts.roles import can_run_training
from council_sm.caselaw.services import get_casebook
from council_sm.engine import InvalidAnswers, InvalidCasebook
from council_sm.engine.casebook import Regime

from . import quiz
from .forms import NONE_OF_THESE, JoinForm, QuizAnswerForm, VoteForm
from .labels import BAND_ANSWERS, CAPACITY_ANSWERS, SCENARIO_HEADLINES
from .models import Participant, Scenario, TrainingSession
from .presenter import scenario_outcome
from .services import (
    CannotJoin,
    VoteRefused,
    cast_vote,
    current_vote,
    join,
    participant_for,
    session_for_code,
)

logger = logging.getLogger(__name__)

PARTICIPANT_KEY = "training_participant"


def problem(request: HttpRequest) -> HttpResponse:
    """The friendly page shown when the casebook or a scenario cannot be used."""
    logger.exception("A training scenario could not be assessed")
    return render(request, "training/problem.html", status=503)


def _regime(scenario: Scenario) -> Regime:
    """Return the scenario's Code of Conduct, in the page's language."""
    casebook = get_casebook().in_language(get_language())
    return casebook.regimes[scenario.profile.get("regime", settings.CASEBOOK_DEFAULT_REGIME)]


# -- scenarios and the quiz -------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    """Every scenario, which ones this browser has answered, and where to carry on."""
    scenarios = list(Scenario.objects.all())
    answers = quiz.answers_in(request.session)
    following = next((s for s in scenarios if s.id not in answers), None)
    return render(
        request,
        "training/index.html",
        {
            "scenarios": [
                {"scenario": s, "title": s.in_language("title"), "answered": s.id in answers}
                for s in scenarios
            ],
            "answered": sum(s.id in answers for s in scenarios),
            "following": following,
            "can_run_training": can_run_training(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def scenario(request: HttpRequest, scenario_id: str) -> HttpResponse:
    """One scenario and its question: official capacity, and the paragraphs at risk."""
    item = get_object_or_404(Scenario, pk=scenario_id)
    try:
        regime = _regime(item)
    except (InvalidCasebook, KeyError):
        return problem(request)
    paragraphs = [(paragraph.paragraph, paragraph.duty) for paragraph in regime.paragraphs]
    names = [paragraph for paragraph, _duty in paragraphs]
    if request.method == "POST":
        form = QuizAnswerForm(request.POST, paragraphs=names)
        if form.is_valid():
            quiz.record_answer(
                request.session,
                item.id,
                form.cleaned_data["capacity"],
                form.cleaned_data["paragraphs"],
            )
            return redirect("training:feedback", scenario_id=item.id)
    else:
        previous = quiz.answers_in(request.session).get(item.id)
        initial = (
            {
                "capacity": previous.capacity,
                "paragraphs": list(previous.paragraphs) or [NONE_OF_THESE],
            }
            if previous
            else None
        )
        form = QuizAnswerForm(initial=initial, paragraphs=names)
    scenarios = list(Scenario.objects.values_list("id", flat=True))
    chosen = form["paragraphs"].value() or []
    return render(
        request,
        "training/scenario.html",
        {
            "item": item,
            "title": item.in_language("title"),
            "text": item.in_language("text"),
            "number": scenarios.index(item.id) + 1,
            "count": len(scenarios),
            "form": form,
            "capacity_choices": list(CAPACITY_ANSWERS.items()),
            "capacity_value": form["capacity"].value(),
            "paragraphs": [
                {"paragraph": paragraph, "duty": duty, "checked": paragraph in chosen}
                for paragraph, duty in paragraphs
            ],
            "none_checked": NONE_OF_THESE in chosen,
            "regime_name": regime.name,
            "at_all_times": regime.texts["at_all_times"],
        },
        status=400 if form.errors else 200,
    )


def feedback(request: HttpRequest, scenario_id: str) -> HttpResponse:
    """After answering: the engine's assessment, the real outcome, what decided it, the
    teaching point and points for discussion, beside this browser's answer."""
    item = get_object_or_404(Scenario, pk=scenario_id)
    answer = quiz.answers_in(request.session).get(item.id)
    if answer is None:
        return redirect("training:scenario", scenario_id=item.id)
    try:
        outcome = scenario_outcome(item)
        paragraphs = [row.paragraph for row in outcome.paragraphs]
    except (InvalidAnswers, InvalidCasebook):
        return problem(request)
    scored = quiz.score_answer(
        item.id, item.in_language("title"), answer, outcome.band, outcome.engaged, paragraphs
    )
    ids = list(Scenario.objects.values_list("id", flat=True))
    position = ids.index(item.id)
    answered = quiz.answers_in(request.session)
    following = next(
        (sid for sid in ids[position + 1 :] + ids[:position] if sid not in answered), None
    )
    return render(
        request,
        "training/feedback.html",
        {
            "item": item,
            "title": item.in_language("title"),
            "text": item.in_language("text"),
            "outcome": outcome,
            "headline": SCENARIO_HEADLINES[outcome.band],
            "answer_label": CAPACITY_ANSWERS[answer.capacity],
            "band_answer": BAND_ANSWERS[outcome.band],
            "scored": scored,
            "paragraph_rows": [
                {
                    "row": row,
                    "yours": row.paragraph in answer.paragraphs,
                    "engine": row.paragraph in outcome.engaged,
                }
                for row in outcome.paragraphs
            ],
            "following": following,
            "all_answered": following is None,
        },
    )


def score(request: HttpRequest) -> HttpResponse:
    """This browser's score over the scenarios it has answered."""
    answers = quiz.answers_in(request.session)
    rows = []
    try:
        for item in Scenario.objects.filter(id__in=list(answers)):
            outcome = scenario_outcome(item)
            rows.append(
                quiz.score_answer(
                    item.id,
                    item.in_language("title"),
                    answers[item.id],
                    outcome.band,
                    outcome.engaged,
                    [row.paragraph for row in outcome.paragraphs],
                )
            )
    except (InvalidAnswers, InvalidCasebook):
        return problem(request)
    result = quiz.QuizScore(rows=tuple(rows), scenario_count=Scenario.objects.count())
    return render(
        request,
        "training/score.html",
        {
            "score": result,
            "rows": [
                {
                    "row": row,
                    "answer_label": CAPACITY_ANSWERS[row.capacity],
                    "headline": SCENARIO_HEADLINES[row.band],
                }
                for row in rows
            ],
        },
    )


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    """Forget this browser's quiz answers."""
    quiz.restart(request.session)
    first = Scenario.objects.values_list("id", flat=True).first()
    if first is None:
        return redirect("training:index")
    return redirect("training:scenario", scenario_id=first)


# -- joining and taking part in a facilitated session -----------------------------------------


def _stored_participant(request: HttpRequest) -> dict[str, Any]:
    stored = request.session.get(PARTICIPANT_KEY)
    return stored if isinstance(stored, dict) else {}


JOIN_ERRORS = {
    "unknown": gettext_lazy("There is no session with that code. Check the code on the screen"),
    "ended": gettext_lazy("That session has ended"),
    "expired": gettext_lazy("That code has expired. Ask the trainer for a new one"),
}


@require_http_methods(["GET", "POST"])
def join_session(request: HttpRequest) -> HttpResponse:
    """Join a facilitated session with the code on the room's screen; no account is needed.
    The browser keeps an anonymous token in its session."""
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            try:
                training = session_for_code(form.cleaned_data["code"])
            except CannotJoin as refusal:
                form.add_error("code", str(JOIN_ERRORS[refusal.reason]))
            else:
                stored = _stored_participant(request)
                token = stored.get("token") if stored.get("session") == training.pk else None
                participant = join(training, token=token)
                request.session[PARTICIPANT_KEY] = {
                    "session": training.pk,
                    "token": participant.token,
                }
                return redirect("training:live")
    else:
        form = JoinForm(initial={"code": request.GET.get("code", "")[:20]})
    return render(request, "training/join.html", {"form": form}, status=400 if form.errors else 200)


def _participant_state(training: TrainingSession) -> str:
    """Return what a participant's screen shows, as a short string: it changes only when the
    screen should (voting stays 'voting' when the trainer reveals the votes, so a half-chosen
    answer is not lost to a reload)."""
    if not training.is_open:
        return f"{training.pk}:closed"
    stage = TrainingSession.Stage
    group = "voting" if training.stage in (stage.QUESTION, stage.VOTES) else training.stage
    return f"{training.pk}:{group}:{training.position}"


def _participant(request: HttpRequest) -> Participant | None:
    return participant_for(_stored_participant(request).get("token"))


@require_GET
def live(request: HttpRequest) -> HttpResponse:
    """The participant's screen: waiting, the scenario and the vote, the outcome, or the end."""
    participant = _participant(request)
    if participant is None:
        if _stored_participant(request):
            request.session.pop(PARTICIPANT_KEY, None)
            return render(request, "training/live_gone.html")
        return redirect("training:join")
    return _render_live(request, participant, VoteForm(), voted=request.GET.get("voted") == "1")


def _render_live(
    request: HttpRequest,
    participant: Participant,
    form: VoteForm,
    status: int = 200,
    voted: bool = False,
) -> HttpResponse:
    training = participant.session
    scenario_id = training.current_scenario_id
    item = Scenario.objects.filter(pk=scenario_id).first() if scenario_id else None
    outcome = None
    if item is not None and training.stage == TrainingSession.Stage.OUTCOME:
        try:
            outcome = scenario_outcome(item)
        except (InvalidAnswers, InvalidCasebook):
            return problem(request)
    vote = current_vote(participant, scenario_id)
    chosen = form["answer"].value() if form.is_bound else vote
    return render(
        request,
        "training/live.html",
        {
            "training": training,
            "item": item,
            "title": item.in_language("title") if item else "",
            "text": item.in_language("text") if item else "",
            "number": training.position + 1,
            "count": len(training.scenario_ids),
            "voting": training.is_open
            and training.stage in (TrainingSession.Stage.QUESTION, TrainingSession.Stage.VOTES),
            "vote": vote,
            "voted": voted and vote is not None,
            "vote_label": CAPACITY_ANSWERS.get(vote, "") if vote else "",
            "form": form,
            "answer_choices": list(CAPACITY_ANSWERS.items()),
            "chosen": chosen,
            "outcome": outcome,
            "headline": SCENARIO_HEADLINES[outcome.band] if outcome else "",
            "state": _participant_state(training),
            "poll_seconds": settings.TRAINING_POLL_SECONDS,
        },
        status=status,
    )


@require_POST
def vote(request: HttpRequest) -> HttpResponse:
    """Count (or replace) this participant's vote on the scenario being discussed."""
    participant = _participant(request)
    if participant is None:
        return redirect("training:join")
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _render_live(request, participant, form, status=400)
    try:
        cast_vote(
            participant,
            scenario_id=form.cleaned_data["scenario"],
            answer=form.cleaned_data["answer"],
        )
    except VoteRefused as refusal:
        if refusal.reason == "rate_limited":
            form.add_error(
                "answer", _("You have voted a lot in the last minute. Wait a moment and try again")
            )
            return _render_live(request, participant, form, status=429)
        messages.info(request, _("Voting on that scenario has closed."))
        return redirect("training:live")
    # Shown as a banner by the page (?voted=1) rather than through the messages framework,
    # which would sign and set a cookie on every vote of a room voting at once.
    return redirect(reverse("training:live") + "?voted=1")


@require_GET
def live_state(request: HttpRequest) -> JsonResponse:
    """What the participant's screen should show, for the script that refreshes it."""
    participant = _participant(request)
    state = _participant_state(participant.session) if participant else "gone"
    response = JsonResponse({"state": state})
    response["Cache-Control"] = "no-store"
    return response
