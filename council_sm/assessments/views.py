"""Pages of the self-assessment: start, the wizard (one question per page, check your answers),
the result, and friendly pages for expired or tampered forms. Views stay thin: routing comes
from questions.py, assessing and saving from services.py, display from presenter.py."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from formtools.wizard.views import NamedUrlSessionWizardView

from council_sm.caselaw.services import casebook_for_sha, get_casebook
from council_sm.engine import InvalidAnswers, InvalidCasebook

from .chart import similarity_chart
from .forms import CheckAnswersForm, form_for
from .labels import KEY_LABELS, answer_label
from .models import SavedAssessment
from .presenter import present_result
from .questions import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    QUESTIONS_BY_STEP,
    Question,
    contract_value,
    is_asked,
    unasked_value,
)
from .services import result_in_language, save_self_assessment

logger = logging.getLogger(__name__)

CHECK_STEP = "check"
DONE_STEP = "done"
WIZARD_PREFIX = "self_assessment"
SHOWN_PRECEDENTS = 5


def start(request: HttpRequest) -> HttpResponse:
    """The start page: what the tool is for, how long it takes, what is kept."""
    return render(request, "assessments/start.html", {"question_count": len(QUESTIONS)})


def _condition(question: Question):
    """Return the formtools condition for a question that an earlier answer, or the site's
    settings, may settle."""
    if question.site_choice:
        return lambda wizard: is_asked(question, {})
    settling_step = QUESTIONS_BY_KEY[question.settled_by.when_key].step

    def is_needed(wizard: AssessmentWizard) -> bool:
        return is_asked(question, wizard.get_cleaned_data_for_step(settling_step) or {})

    return is_needed


class AssessmentWizard(NamedUrlSessionWizardView):
    """The self-assessment, one question per URL. Answers live in the session, so the back
    link, the browser's back button, a refresh, a language switch and a Change link never lose
    them. One wizard per browser session: a second tab shares and updates the same answers."""

    form_list = [(question.step, form_for(question)) for question in QUESTIONS] + [
        (CHECK_STEP, CheckAnswersForm)
    ]
    condition_dict = {
        question.step: _condition(question)
        for question in QUESTIONS
        if question.settled_by or question.site_choice
    }
    storage_name = "council_sm.assessments.storage.ChangeTrackingSessionStorage"

    def get_prefix(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return WIZARD_PREFIX

    def get_template_names(self) -> list[str]:
        if self.steps.current == CHECK_STEP:
            return ["assessments/check.html"]
        return ["assessments/question.html"]

    # -- answers -----------------------------------------------------------------------------

    def _has_answers(self) -> bool:
        return bool(self.storage.data.get(self.storage.step_data_key))

    def collected_answers(self) -> dict[str, Any]:
        """Return the contract answers from the stored steps, with settled values filled in."""
        answers: dict[str, Any] = {}
        for question in QUESTIONS:
            if question.step in self.get_form_list():
                value = (self.get_cleaned_data_for_step(question.step) or {}).get(question.key)
            else:
                value = unasked_value(question)
            if value is None:
                continue
            answers[question.key] = contract_value(question, value)
        return answers

    def check_rows(self) -> list[dict[str, Any]]:
        """Return the check-your-answers rows: each answer, with a Change link when asked."""
        answers = self.collected_answers()
        regime_names = {
            code: regime.name
            for code, regime in get_casebook().in_language(get_language()).regimes.items()
        }
        rows = []
        for question in QUESTIONS:
            asked = question.step in self.get_form_list()
            value = answers.get(question.key, "" if question.optional else None)
            if question.site_choice and not asked:
                continue  # a site with one Code does not ask, and need not say
            rows.append(
                {
                    "key": question.key,
                    "question": KEY_LABELS[question.key],
                    "answer": regime_names.get(value, value)
                    if question.site_choice
                    else answer_label(question.key, value),
                    "change_url": f"{self.get_step_url(question.step)}?change=1" if asked else "",
                    "settled_reason": "" if asked else question.settled_by.reason,
                }
            )
        return rows

    # -- navigation --------------------------------------------------------------------------

    def _first_unanswered_step(self) -> str | None:
        for step in self.get_form_list():
            if step != CHECK_STEP and self.storage.get_step_data(step) is None:
                return step
        return None

    def render_next_step(self, form, **kwargs: Any) -> HttpResponse:
        """After a Change, ask any follow-up the change made necessary, then return to the
        summary; otherwise go on to the next question."""
        if self.storage.extra_data.get("changing"):
            next_step = self._first_unanswered_step() or CHECK_STEP
            if next_step == CHECK_STEP:
                self.storage.extra_data = {**self.storage.extra_data, "changing": False}
            self.storage.current_step = next_step
            return redirect(self.get_step_url(next_step))
        return super().render_next_step(form, **kwargs)

    def render_done(self, form, **kwargs: Any) -> HttpResponse:
        """Revalidate every step, then save and show the result. Unlike formtools' default the
        answers are kept, so going back from the result to change an answer still works."""
        if kwargs.get("step") != self.done_step_name:
            return redirect(self.get_step_url(self.done_step_name))
        for step in self.get_form_list():
            stored = self.get_form(step=step, data=self.storage.get_step_data(step))
            if not stored.is_valid():
                return self.render_revalidation_failure(step, stored, **kwargs)
        return self.done(None, **kwargs)

    def done(self, form_list, **kwargs: Any) -> HttpResponse:
        answers = self.collected_answers()
        try:
            saved = save_self_assessment(answers, language=get_language())
        except (InvalidAnswers, InvalidCasebook):
            logger.exception("A completed self-assessment could not be assessed")
            return render(self.request, "assessments/problem.html", status=500)
        return redirect("assessment-result", pk=saved.pk)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        if step and step not in (self.steps.first, DONE_STEP) and not self._has_answers():
            return render(request, "assessments/expired.html", status=200)
        if step and "change" in request.GET and step in self.get_form_list():
            self.storage.extra_data = {**self.storage.extra_data, "changing": True}
        return super().get(request, *args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        if step != self.steps.first and not self._has_answers():
            return render(self.request, "assessments/expired.html", status=400)
        posted_step = self.request.POST.get(f"{self.prefix}-current_step")
        if posted_step is not None and posted_step not in self.get_form_list():
            # A step that does not exist, or that earlier answers have since settled.
            return render(self.request, "assessments/problem.html", status=400)
        try:
            return super().post(*args, **kwargs)
        except SuspiciousOperation:
            return render(self.request, "assessments/problem.html", status=400)

    # -- display -----------------------------------------------------------------------------

    def _progress(self, step: str) -> tuple[int, int]:
        steps = [name for name in self.get_form_list() if name != CHECK_STEP]
        return steps.index(step) + 1, len(steps)

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(step)
        if step and step != CHECK_STEP and step in self.get_form_list():
            number, total = self._progress(step)
            kwargs["caption"] = _("Question %(number)s of %(total)s") % {
                "number": number,
                "total": total,
            }
        return kwargs

    def get_context_data(self, form, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        changing = self.storage.extra_data.get("changing")
        if current == CHECK_STEP:
            context["rows"] = self.check_rows()
            back = self.get_step_url(self.steps.prev)
        else:
            question = QUESTIONS_BY_STEP[current]
            context["question"] = question
            context["form_caption"] = "{}/{}".format(*self._progress(current))
            context["form_value"] = repr(form[question.key].value())
            previous = self.steps.prev
            if changing:
                back = self.get_step_url(CHECK_STEP)
            else:
                back = self.get_step_url(previous) if previous else reverse("start")
        context["back_url"] = back
        return context


def result(request: HttpRequest, pk: str) -> HttpResponse:
    """The explained result of a saved self-assessment."""
    saved = get_object_or_404(SavedAssessment, pk=pk)
    language = get_language()
    casebook = casebook_for_sha(saved.ruleset_sha256)
    result = result_in_language(
        saved.result, saved.answers, stored_language=saved.language, language=language
    )
    view = present_result(
        result,
        saved.answers,
        casebook.in_language(language) if casebook else None,
        precedent_limit=SHOWN_PRECEDENTS,
    )
    return render(
        request,
        "assessments/result.html",
        {
            "saved": saved,
            "view": view,
            "chart": similarity_chart(view.precedents),
            "can_change": bool(request.session.get(f"wizard_{WIZARD_PREFIX}")),
        },
    )


def session_description(request: HttpRequest) -> str | None:
    """Return the description typed in this session's wizard, if any. It is never stored with
    the assessment, so only the browser session that typed it can put it in a record."""
    wizard = request.session.get(f"wizard_{WIZARD_PREFIX}") or {}
    step = (wizard.get("step_data") or {}).get("description") or {}
    values = step.get("description-description") or []
    return values[0].strip() if values and isinstance(values[0], str) else None


@require_POST
def start_again(request: HttpRequest) -> HttpResponse:
    """Forget the answers in this session and go to the first question."""
    request.session.pop(f"wizard_{WIZARD_PREFIX}", None)
    return redirect("assessment-step", step=QUESTIONS[0].step)
