"""One small form per question, built from the question's data and rendered with the GOV.UK
Design System patterns through crispy-forms-gds."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from council_sm.engine.answers import CONTROL_CHARACTERS, DESCRIPTION_MAX_CHARS

from .questions import NONE_OF_THESE, Question, offered_regimes


class QuestionForm(forms.Form):
    """Base for every question page: one field named after the contract key."""

    question: Question

    def __init__(self, *args: Any, caption: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if caption:
            # GOV.UK question pages put the caption inside the legend's heading.
            self.fields[self.question.key].label = format_html(
                '<span class="govuk-caption-l">{}</span>{}', caption, self.question.title
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own form carries the token
        question = self.question
        if question.kind == "radios":
            layout_field = Field.radios(question.key, legend_size=Size.LARGE, legend_tag="h1")
        elif question.kind == "checkboxes":
            layout_field = Field.checkboxes(question.key, legend_size=Size.LARGE, legend_tag="h1")
        else:
            layout_field = Field.textarea(question.key, label_size=Size.LARGE, label_tag="h1")
        self.helper.layout = Layout(layout_field, Button("submit", _("Continue")))


def _regime_choices() -> list[Choice]:
    """Return the Codes of Conduct the site offers, named as the published casebook names
    them in the active language."""
    from council_sm.caselaw.services import get_casebook

    regimes = get_casebook().in_language(get_language()).regimes
    return [Choice(code, regimes[code].name) for code in offered_regimes() if code in regimes]


def _radio_field(question: Question) -> forms.ChoiceField:
    choices = (
        _regime_choices
        if question.site_choice
        else [Choice(option.value, option.label, hint=option.hint) for option in question.options]
    )
    return forms.ChoiceField(
        label=question.title,
        help_text=question.hint,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": question.required_error,
            "invalid_choice": question.required_error,
        },
    )


class RisksMixin:
    """Content risks: checkboxes with an exclusive 'None of these'."""

    def clean_content_risks(self) -> list[str]:
        values = self.cleaned_data["content_risks"]
        if NONE_OF_THESE in values and len(values) > 1:
            raise forms.ValidationError(self.question.extra["both_error"], code="both")
        return [value for value in values if value != NONE_OF_THESE]


def _risks_field(question: Question) -> forms.MultipleChoiceField:
    choices = [Choice(option.value, option.label) for option in question.options]
    choices[-1] = Choice(choices[-1].value, choices[-1].label, divider=question.extra["or"])
    choices.append(Choice(NONE_OF_THESE, question.extra["none"], exclusive=True))
    return forms.MultipleChoiceField(
        label=question.title,
        help_text=question.hint,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": question.required_error,
            "invalid_choice": question.required_error,
        },
    )


class DescriptionMixin:
    """Free text: length and control characters checked as the contract checks them."""

    def clean_description(self) -> str:
        value = self.cleaned_data["description"]
        if CONTROL_CHARACTERS.search(value):
            raise forms.ValidationError(
                _("Remove the unusual characters from the description"), code="control"
            )
        return value


def _text_field(question: Question) -> forms.CharField:
    return forms.CharField(
        label=question.title,
        help_text=question.hint,
        required=not question.optional,
        max_length=DESCRIPTION_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": question.required_error,
            "max_length": _("The description must be %(limit_value)s characters or fewer")
            % {"limit_value": f"{DESCRIPTION_MAX_CHARS:,}"},
        },
    )


def question_field(question: Question) -> forms.Field:
    """Return the form field that asks a question (radios, checkboxes or free text); the
    wizard and the monitoring officer's form both use it."""
    if question.kind == "radios":
        return _radio_field(question)
    if question.kind == "checkboxes":
        return _risks_field(question)
    return _text_field(question)


def form_for(question: Question) -> type[QuestionForm]:
    """Return the form class that asks one question."""
    field = question_field(question)
    if question.kind == "radios":
        bases: tuple[type, ...] = (QuestionForm,)
    elif question.kind == "checkboxes":
        bases = (RisksMixin, QuestionForm)
    else:
        bases = (DescriptionMixin, QuestionForm)
    name = "".join(part.title() for part in question.step.split("-")) + "Form"
    return type(name, bases, {"question": question, question.key: field})


class CheckAnswersForm(forms.Form):
    """The last step: nothing to fill in; submitting it asks for the result."""
