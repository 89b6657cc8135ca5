"""Forms of the training pages. The templates write the GOV.UK markup themselves, so each form
only validates and gives its errors in the page's language."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import JOIN_ALPHABET, JOIN_CODE_LENGTH, normalise_code

NONE_OF_THESE = "none"


class QuizAnswerForm(forms.Form):
    """Official capacity (yes, no, not sure) and the paragraphs at risk, or "none of these"."""

    capacity = forms.ChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))],
        error_messages={
            "required": _("Select whether the member is acting in an official capacity"),
            "invalid_choice": _("Select whether the member is acting in an official capacity"),
        },
    )
    paragraphs = forms.MultipleChoiceField(
        required=True,
        error_messages={
            "required": _("Select the paragraphs at risk, or select 'None of these'"),
            "invalid_choice": _("Select the paragraphs at risk, or select 'None of these'"),
        },
    )

    def __init__(self, *args, paragraphs: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraphs"].choices = [(p, p) for p in paragraphs] + [
            (NONE_OF_THESE, _("None of these"))
        ]

    def clean_paragraphs(self) -> list[str]:
        chosen = self.cleaned_data["paragraphs"]
        if NONE_OF_THESE in chosen and len(chosen) > 1:
            raise forms.ValidationError(
                _("Select the paragraphs at risk, or 'None of these', but not both")
            )
        return [paragraph for paragraph in chosen if paragraph != NONE_OF_THESE]


class JoinForm(forms.Form):
    code = forms.CharField(
        max_length=20,
        error_messages={
            "required": _("Enter the code shown on the screen"),
            "max_length": _("The code is 6 letters and numbers"),
        },
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_ALPHABET for c in code):
            raise forms.ValidationError(_("The code is 6 letters and numbers"))
        return code


class VoteForm(forms.Form):
    scenario = forms.CharField(max_length=64)
    answer = forms.ChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))],
        error_messages={
            "required": _("Select yes, no or not sure"),
            "invalid_choice": _("Select yes, no or not sure"),
        },
    )


class StartSessionForm(forms.Form):
    scenarios = forms.MultipleChoiceField(
        error_messages={
            "required": _("Select at least one scenario"),
            "invalid_choice": _("Select scenarios from the list"),
        },
    )

    def __init__(self, *args, scenario_choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scenarios"].choices = scenario_choices
