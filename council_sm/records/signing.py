"""References, verification codes and text seals for records.

A verification code is an HMAC of the record's content under RECORD_SIGNING_KEY, so a record
can be shown genuine even after its stored copy has been deleted, and cannot be forged without
the key. A seal does the same for what one rendering of the PDF shows on its pages."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from typing import Any

from django.conf import settings

from council_sm.engine import canonical_json

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix: str) -> str:
    """Return a random reference such as SA-4F7K-2QMD (unguessable, no 0/O or 1/I confusion)."""
    code = "".join(secrets.choice(CROCKFORD) for _ in range(8))
    return f"{prefix}-{code[:4]}-{code[4:]}"


def _mac(message: bytes) -> bytes:
    return hmac.new(settings.RECORD_SIGNING_KEY.encode(), message, hashlib.sha256).digest()


def signed_content(
    *,
    reference: str,
    kind: str,
    created_at: str,
    answers: dict[str, Any],
    description_sha256: str,
    result: dict[str, Any],
    details: dict[str, Any] | None = None,
) -> bytes:
    """Return the bytes a verification code is computed over (answers without description,
    and for an advice record the officer's details: member, matter, determination, advice)."""
    content = {
        "reference": reference,
        "kind": kind,
        "created_at": created_at,
        "answers": {key: value for key, value in answers.items() if key != "description"},
        "description_sha256": description_sha256,
        "result": result,
    }
    if details:
        content["details"] = details
    return canonical_json(content)


def verification_code(content: bytes) -> str:
    """Return the code printed on a record: 16 characters in four groups."""
    code = base64.b32encode(_mac(content)).decode()[:16]
    return "-".join(code[index : index + 4] for index in range(0, 16, 4))


def normalise_code(text: str) -> str:
    """Return a typed code in canonical form (case and spacing forgiven)."""
    letters = re.sub(r"[^A-Z2-7]", "", text.upper())
    return "-".join(letters[index : index + 4] for index in range(0, len(letters), 4))


def codes_match(given: str, expected: str) -> bool:
    """Return True when two codes are equal, compared in constant time."""
    return hmac.compare_digest(normalise_code(given), normalise_code(expected))


def description_hash(description: str) -> str:
    """Return the sha256 kept in place of a free-text description ('' for none)."""
    return hashlib.sha256(description.encode()).hexdigest() if description else ""


def content_hash(pages: list[bytes], fonts: list[bytes]) -> str:
    """Return the sha256 of what a PDF shows: every page's drawing instructions, in order, and
    every embedded font program (which gives the glyphs their shapes). Changing a word, a
    number or a glyph changes it; re-saving the file with another compression does not."""
    lines = [hashlib.sha256(page).hexdigest() for page in pages]
    lines.append("fonts")
    lines += sorted(hashlib.sha256(font).hexdigest() for font in fonts)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def text_seal(reference: str, language: str, content_sha256: str) -> str:
    """Return the seal over one rendering's visible content."""
    return _mac(f"{reference}\n{language}\n{content_sha256}".encode()).hex()[:32]


def seal_matches(given: str, *, reference: str, language: str, content_sha256: str) -> bool:
    """Return True when a record's seal fits the content read from the file."""
    expected = text_seal(reference, language, content_sha256)
    return bool(given) and hmac.compare_digest(given, expected)
