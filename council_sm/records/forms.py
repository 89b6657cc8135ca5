"""The public verification form: upload a record, or give its reference and code."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout, Size
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class VerifyForm(forms.Form):
    record = forms.FileField(
        label=_("Upload the record (PDF)"),
        help_text=_("The PDF file exactly as you received it, at most 5 MB."),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": "application/pdf,.pdf"}
        ),
    )
    reference = forms.CharField(
        label=_("Reference"),
        help_text=_("For example SA-4F7K-2QMD"),
        required=False,
        max_length=20,
    )
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("16 letters and numbers, for example ABCD-EFGH-JKLM-NPQR"),
        required=False,
        max_length=40,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("record"),
            Fieldset(
                Field.text("reference", field_width=10),
                Field.text("code", field_width=20),
                legend=_("Or enter its reference and verification code"),
                legend_size=Size.MEDIUM,
            ),
            Button("submit", _("Check the record")),
        )

    TOO_LARGE = _("The file must be smaller than 5 MB")

    @classmethod
    def refused_as_too_large(cls) -> VerifyForm:
        """A form showing only the size error, for an upload refused before it was read."""
        form = cls(data={}, files={})
        form.is_valid()
        form.errors.clear()
        form.add_error("record", forms.ValidationError(cls.TOO_LARGE, code="size"))
        return form

    def clean_record(self):
        upload = self.cleaned_data.get("record")
        if upload is None:
            return None
        if upload.size > settings.RECORD_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(self.TOO_LARGE, code="size")
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("The file must be a PDF"), code="type")
        return upload

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("record"))
        has_reference = bool(data.get("reference") or data.get("code"))
        if not has_file and not has_reference and not self.errors:
            raise forms.ValidationError(
                _("Upload the record, or enter its reference and verification code"), code="empty"
            )
        if has_reference and not has_file:
            for name, message in (
                ("reference", _("Enter the reference")),
                ("code", _("Enter the verification code")),
            ):
                if not data.get(name):
                    self.add_error(name, message)
        return data
