"""The monitoring officer's advice form: the member and the matter, the self-assessment's
questions, and the officer's own determination and advice. Built from the same question data
as the wizard, so the two never ask different things."""

from __future__ import annotations

from datetime import date
from typing import Any

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council_sm.assessments.forms import question_field
from council_sm.assessments.labels import BAND_LABELS
from council_sm.assessments.questions import (
    NONE_OF_THESE,
    QUESTIONS,
    QUESTIONS_BY_KEY,
    contract_value,
    is_asked,
    unasked_value,
)
from council_sm.assessments.services import assess_answers
from council_sm.engine import InvalidAnswers
from council_sm.engine.answers import CONTROL_CHARACTERS

from .models import BANDS, OFFICER_FIELDS, AdviceRecord

ANSWER_KEYS = tuple(question.key for question in QUESTIONS)


class AdviceDateField(DateInputField):
    """GOV.UK date input with messages in the project's own, translatable words."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error_messages["required"] = _("Enter the date of the advice")
        self.error_messages["incomplete"] = _("Enter the day, month and year of the advice")
        for field, missing in zip(
            self.fields,
            (_("Enter the day"), _("Enter the month"), _("Enter the year")),
            strict=True,
        ):
            field.error_messages["incomplete"] = missing
            field.validators = [RegexValidator(r"^[0-9]+$", _("Enter the date as numbers"))]

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            value = date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise ValidationError(_("Enter a real date"), code="invalid") from error
        if value > timezone.localdate():
            raise ValidationError(_("The date of the advice must be today or in the past"))
        return value


def _answer_field(question) -> forms.Field:
    """The wizard's field for a question; a question that an earlier answer may settle is
    optional here and says so, since the officer sees every question on one page."""
    field = question_field(question)
    if question.settled_by:
        field.required = False
        field.help_text = _(
            "%(hint)s If the account is council-provided, this is taken as settled: %(why)s"
        ) % {"hint": question.hint, "why": question.settled_by.reason}
    if question.kind == "text":
        field.widget.attrs["rows"] = 3
    return field


def _asked() -> list:
    return [q for q in QUESTIONS if not q.site_choice or is_asked(q, {})]


class AdviceRecordForm(forms.Form):
    """All of an advice record on one page, in the order an officer works through it."""

    member_name = forms.CharField(
        label=_("Member's name"),
        max_length=200,
        error_messages={"required": _("Enter the member's name")},
    )
    member_ward = forms.CharField(label=_("Ward or division"), max_length=200, required=False)
    member_role = forms.CharField(
        label=_("Role"),
        max_length=200,
        required=False,
        help_text=_("For example cabinet member for housing"),
    )
    matter = forms.CharField(
        label=_("The matter"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the member asked about, or the post in question"),
        error_messages={"required": _("Describe the matter")},
    )
    advice_date = AdviceDateField(
        label=_("Date of the advice"), help_text=_("For example 27 3 2026")
    )
    channel = forms.ChoiceField(
        label=_("How was the advice given?"),
        choices=AdviceRecord.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the advice was given")},
    )
    determination = forms.ChoiceField(
        label=_("Your determination: is official capacity likely?"),
        help_text=_("You may agree with the engine's assessment or depart from it, with reasons."),
        choices=BANDS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select your determination")},
    )
    departure_reasons = forms.CharField(
        label=_("Reasons for departing from the engine's assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when your determination differs from the engine's"),
    )
    advice_given = forms.CharField(
        label=_("Advice given"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter the advice you gave")},
    )
    follow_up = forms.CharField(
        label=_("Follow-up actions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in _asked():
            self.fields[question.key] = _answer_field(question)
        self.engine_band: str | None = None
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(
                Field.text("member_name"),
                Field.text("member_ward"),
                Field.text("member_role"),
                legend=_("The member"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("matter"),
                Field("advice_date"),
                Field.radios("channel", inline=True),
                legend=_("The matter"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *[
                    Field.checkboxes(key)
                    if QUESTIONS_BY_KEY[key].kind == "checkboxes"
                    else Field.textarea(key)
                    if QUESTIONS_BY_KEY[key].kind == "text"
                    else Field.radios(key, small=True)
                    for key in ANSWER_KEYS
                ],
                legend=_("The questions"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("determination"),
                Field.textarea("departure_reasons"),
                Field.textarea("advice_given"),
                Field.textarea("follow_up"),
                legend=_("Your determination and advice"),
                legend_size=Size.MEDIUM,
            ),
            Button("submit", _("Save as draft")),
        )

    @classmethod
    def initial_from(cls, record: AdviceRecord) -> dict[str, Any]:
        """Return the form's initial values for an existing record."""
        initial = {name: getattr(record, name) for name in OFFICER_FIELDS}
        for key in ANSWER_KEYS:
            value = record.answers.get(key)
            if isinstance(value, bool):
                value = "true" if value else "false"
            if key == "content_risks":
                value = value or [NONE_OF_THESE]
            initial[key] = value
        return initial

    def _clean_text(self, name: str) -> None:
        value = self.cleaned_data.get(name)
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            self.add_error(name, _("Remove the unusual characters"))

    def answers(self) -> dict[str, Any]:
        """Return the contract answers from the cleaned form, with settled values applied."""
        data = self.cleaned_data
        answers: dict[str, Any] = {}
        for question in QUESTIONS:
            if question.site_choice and question.key not in self.fields:
                answers[question.key] = unasked_value(question)
                continue
            value = data.get(question.key)
            settled = question.settled_by
            if settled and data.get(settled.when_key) == settled.when_value:
                value = settled.value
            if question.key == "content_risks":
                value = [risk for risk in value or [] if risk != NONE_OF_THESE]
            if value in (None, "") and question.kind != "text":
                continue
            answers[question.key] = contract_value(question, value)
        return answers

    def details(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in OFFICER_FIELDS}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in (
            "member_name",
            "member_ward",
            "member_role",
            "matter",
            "advice_given",
            "follow_up",
            "departure_reasons",
            "description",
        ):
            self._clean_text(name)
        risks = data.get("content_risks") or []
        if NONE_OF_THESE in risks and len(risks) > 1:
            self.add_error("content_risks", QUESTIONS_BY_KEY["content_risks"].extra["both_error"])
        for question in QUESTIONS:
            settled = question.settled_by
            if (
                settled
                and not data.get(question.key)
                and data.get(settled.when_key) != settled.when_value
            ):
                self.add_error(question.key, question.required_error)
        if self.errors:
            return data
        try:
            assessment, _casebook = assess_answers(self.answers())
        except InvalidAnswers as error:
            for problem in error.problems:
                self.add_error(None, str(problem))
            return data
        self.engine_band = assessment.official_capacity.band
        if (
            data.get("determination")
            and data["determination"] != self.engine_band
            and not (data.get("departure_reasons") or "").strip()
        ):
            self.add_error(
                "departure_reasons",
                _("Give your reasons for departing from the engine's assessment (%(band)s)")
                % {"band": BAND_LABELS[self.engine_band]},
            )
        return data


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does this record need correcting?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why the record needs correcting")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.textarea("reason"), Button("submit", _("Start a correction"))
        )
