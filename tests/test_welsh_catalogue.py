"""The Welsh catalogue is complete: msgfmt reports nothing untranslated and nothing fuzzy; the
compiled catalogue matches it; and Django's wrong or missing Welsh for the messages the
service shows is overridden."""

import re
import shutil
import subprocess

import polib
import pytest
from django.utils import translation

from .support import PROJECT_ROOT

PO = PROJECT_ROOT / "council_sm" / "locale" / "cy" / "LC_MESSAGES" / "django.po"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="msgfmt (gettext) is not installed")
def test_msgfmt_reports_nothing_untranslated_or_fuzzy(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(PO)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages\.", report), report


def test_every_catalogue_entry_is_translated_and_compiled():
    catalogue = polib.pofile(str(PO))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    with translation.override("cy"):
        for entry in catalogue:
            if not entry.msgid_plural:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    ("english", "welsh"),
    [
        ("Enter a valid date.", "Rhowch ddyddiad dilys."),
        ("Null characters are not allowed.", None),
        ("This field is required.", None),
    ],
    ids=["valid-date", "null-characters", "required"],
)
def test_django_s_own_messages_are_overridden(english, welsh):
    with translation.override("cy"):
        translated = translation.gettext(english)
    assert translated != english
    if welsh:
        assert translated == welsh
