"""python manage.py assess --answers FILE|- [--format json|text] [--pdf OUT.pdf] [--lang en|cy]

Exit 0 with the result on stdout; exit 2 with one line per problem on stderr and nothing on
stdout when the answers are bad; exit 1 with one line when the casebook or database is not
usable, or the PDF cannot be written (the record itself is then already saved). With --pdf the
assessment is saved as a record first, so that the PDF can be verified later. Never a
traceback."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import DatabaseError
from django.template.loader import render_to_string
from django.utils import translation

from council_sm.assessments.presenter import present_assessment
from council_sm.assessments.services import (
    assess_answers,
    decode_answers,
    save_self_assessment,
)
from council_sm.engine import InvalidAnswers, InvalidCasebook
from council_sm.records.document import self_assessment_document
from council_sm.records.pdf import RenderingFailed, render_record_pdf, write_atomically


class Command(BaseCommand):
    help = "Assess a set of answers (the contract's JSON object) and print the result."

    def add_arguments(self, parser):
        parser.add_argument("--answers", required=True, help="a JSON file, or - for stdin")
        parser.add_argument("--format", choices=("json", "text"), default="json")
        parser.add_argument("--pdf", type=Path, help="also save a record and write it as a PDF")
        parser.add_argument("--lang", choices=("en", "cy"), default="en")

    def _fail(self, lines, code: int):
        for line in lines:
            self.stderr.write(str(line))
        sys.exit(code)

    def _read(self, source: str) -> bytes:
        if source == "-":
            return sys.stdin.buffer.read()
        try:
            return Path(source).read_bytes()
        except OSError as error:
            self._fail([f"answers: cannot read {source}: {error.strerror}"], 2)
            raise  # unreachable: _fail exits

    def handle(self, *args, **options):
        raw = self._read(options["answers"])
        with translation.override(options["lang"]):
            try:
                data = decode_answers(raw)
                assessment, casebook = assess_answers(data)
                if options["pdf"]:
                    self._write_record(data, options["pdf"], options["lang"])
            except InvalidAnswers as error:
                self._fail(error.problems, 2)
            except InvalidCasebook as error:
                self._fail(
                    [f"casebook: invalid, cannot assess: {problem}" for problem in error.problems],
                    1,
                )
            except DatabaseError as error:
                self._fail([f"database: not ready ({error}); run `python manage.py migrate`"], 1)
            if options["format"] == "json":
                output = json.dumps(assessment.to_contract(), indent=2, ensure_ascii=False)
            else:
                view = present_assessment(assessment, casebook, precedent_limit=5)
                output = render_to_string("assessments/assessment.txt", {"view": view}).strip()
        self.stdout.write(output)

    def _write_record(self, data, target: Path, language: str) -> None:
        saved = save_self_assessment(dict(data), language=language)
        document = self_assessment_document(
            saved, language=language, description=data.get("description") or None
        )
        try:
            rendered = render_record_pdf(document)
            write_atomically(target, rendered.pdf)
        except RenderingFailed as error:
            self._fail(
                [f"pdf: could not render record {saved.reference} ({error}); it is saved"], 1
            )
        except OSError as error:
            self._fail(
                [f"pdf: cannot write {target}: {error.strerror}; {saved.reference} is saved"],
                1,
            )
        self.stderr.write(f"Wrote record {saved.reference} to {target}")
