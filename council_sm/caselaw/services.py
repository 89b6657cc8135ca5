"""Reading and writing the casebook in the database, and building the engine's casebook from it."""

from __future__ import annotations

import contextlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from council_sm.engine import Casebook, InvalidCasebook, Problem, build_casebook

from . import models
from .fixtures import read_fixture_data


def casebook_data_from_db() -> dict[str, Any]:
    """Return the casebook held in the database, in fixture form."""
    ruleset = models.Ruleset.objects.order_by("-pk").first()
    return {
        "ruleset": ruleset.to_data() if ruleset else {},
        "authorities": [item.to_data() for item in models.Authority.objects.all()],
        "factors": [
            item.to_data() for item in models.Factor.objects.prefetch_related("values").all()
        ],
        "regimes": [
            item.to_data() for item in models.Regime.objects.prefetch_related("paragraphs").all()
        ],
        "cases": [item.to_data() for item in models.Case.objects.all()],
        "advice": [item.to_data() for item in models.AdviceRule.objects.all()],
    }


class NothingToPublish(Exception):
    """Raised when the working copy is the same as the latest published ruleset."""


def latest_published() -> models.RulesetSnapshot | None:
    """Return the ruleset the service assesses against now."""
    return models.RulesetSnapshot.objects.order_by("-published_at").first()


def get_casebook() -> Casebook:
    """Return the latest published casebook: one query while it has not changed, a rebuild
    when a new version has been published. Raises InvalidCasebook if none is published."""
    sha = (
        models.RulesetSnapshot.objects.order_by("-published_at")
        .values_list("sha256", flat=True)
        .first()
    )
    casebook = casebook_for_sha(sha) if sha else None
    if casebook is None:
        raise InvalidCasebook([Problem("casebook", "no ruleset has been published")])
    return casebook


def working_casebook() -> Casebook:
    """Return the casebook as edited in the admin, not yet published (validated)."""
    return build_casebook(casebook_data_from_db())


def _next_version(previous: str | None) -> str:
    year = timezone.localdate().year
    if previous and previous.startswith(f"{year}."):
        number = previous.split(".", 1)[1]
        if number.isdigit():
            return f"{year}.{int(number) + 1}"
    return f"{year}.1"


@transaction.atomic
def publish_casebook(*, by: str, note: str = "", version: str | None = None) -> Casebook:
    """Publish the working copy as a new ruleset version and return it. Raises
    InvalidCasebook if the working copy is broken, NothingToPublish if it has not changed."""
    latest = latest_published()
    data = casebook_data_from_db()
    if latest is not None:
        unchanged = {**data, "ruleset": {**data["ruleset"], "version": latest.version}}
        if build_casebook(unchanged).sha256 == latest.sha256:
            raise NothingToPublish(latest.version)
    label = version or _next_version(latest.version if latest else None)
    data["ruleset"] = {**data["ruleset"], "version": label}
    casebook = build_casebook(data)
    models.Ruleset.objects.update(version=label)
    models.RulesetSnapshot.objects.create(
        sha256=casebook.sha256,
        version=label,
        data=casebook.to_data(),
        published_at=timezone.now(),
        published_by=by,
        note=note,
    )
    return casebook


@transaction.atomic
def replace_casebook(casebook: Casebook) -> None:
    """Replace everything in the casebook tables with a validated casebook, all or nothing."""
    for model in (
        models.FactorValue,
        models.Factor,
        models.Paragraph,
        models.Regime,
        models.Case,
        models.AdviceRule,
        models.Authority,
        models.Ruleset,
    ):
        model.objects.all().delete()
    data = casebook.to_data()
    models.Ruleset.objects.create(**data["ruleset"])
    models.Authority.objects.bulk_create(
        models.Authority(
            id=item["id"],
            title=item["title"],
            title_cy=item["title_cy"],
            citation=item.get("citation", ""),
            citation_cy=item.get("citation_cy", ""),
            url=item.get("url", ""),
            sections=item.get("sections", []),
            verified_on=item["verified_on"],
            note=item.get("note", ""),
            note_cy=item.get("note_cy", ""),
        )
        for item in data["authorities"]
    )
    for position, item in enumerate(data["factors"]):
        factor = models.Factor.objects.create(
            key=item["key"],
            position=position,
            name=item["name"],
            name_cy=item["name_cy"],
            direction=item["direction"],
            direction_cy=item["direction_cy"],
            sources=item["sources"],
        )
        models.FactorValue.objects.bulk_create(
            models.FactorValue(factor=factor, position=index, token=token, **value)
            for index, (token, value) in enumerate(item["values"].items())
        )
    for item in data["regimes"]:
        paragraphs = item.pop("paragraphs")
        regime = models.Regime.objects.create(**item)
        models.Paragraph.objects.bulk_create(
            models.Paragraph(regime=regime, position=index, **paragraph)
            for index, paragraph in enumerate(paragraphs)
        )
    for item in data["cases"]:
        outcome = item.pop("outcome")
        models.Case.objects.create(
            **item,
            official_capacity=outcome["official_capacity"],
            breach=outcome["breach"],
            paragraphs=outcome["paragraphs"],
            sanction=outcome["sanction"],
            sanction_cy=outcome["sanction_cy"],
            outcome_note=outcome["note"],
            outcome_note_cy=outcome["note_cy"],
        )
    models.AdviceRule.objects.bulk_create(
        models.AdviceRule(position=position, **item) for position, item in enumerate(data["advice"])
    )


@transaction.atomic
def load_fixture_casebook_into_db(directory: Path | None = None) -> Casebook:
    """Validate the fixture files and, only if all of them are valid, replace the working copy
    with them and publish it: under the fixtures' own version label if that label is free,
    otherwise as the next version. Nothing is published if the rules are already the latest.
    Returns the casebook the service now assesses against."""
    casebook = build_casebook(read_fixture_data(directory or settings.CASEBOOK_FIXTURES_DIR))
    replace_casebook(casebook)
    label_taken = models.RulesetSnapshot.objects.filter(version=casebook.version).exists()
    with contextlib.suppress(NothingToPublish):  # these rules are already the latest
        publish_casebook(
            by="fixtures",
            note="Loaded from fixtures/casebook",
            version=None if label_taken else casebook.version,
        )
    return get_casebook()


@lru_cache(maxsize=8)
def casebook_for_sha(sha256: str) -> Casebook | None:
    """Return the published casebook with this hash, rebuilt from its snapshot, or None if no
    ruleset with that hash was published. Snapshots never change, so the result is kept."""
    snapshot = models.RulesetSnapshot.objects.filter(sha256=sha256).first()
    if snapshot is None:
        return None
    casebook = build_casebook(snapshot.data)
    return casebook if casebook.sha256 == sha256 else None


SECTION_LABELS = {
    "authorities": gettext_lazy("authorities"),
    "factors": gettext_lazy("factors"),
    "regimes": gettext_lazy("Codes of Conduct"),
    "cases": gettext_lazy("cases"),
    "advice": gettext_lazy("advice points"),
}


def describe_changes(old: Casebook, new: Casebook) -> list[str]:
    """Return one line per casebook section that differs between two rulesets, naming the
    records added, removed or changed, in the active language."""
    lines = []
    old_data, new_data = old.to_data(), new.to_data()
    keys = {"authorities": "id", "factors": "key", "regimes": "id", "cases": "id", "advice": "id"}
    for section, key in keys.items():
        before = {item[key]: item for item in old_data[section]}
        after = {item[key]: item for item in new_data[section]}
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
        parts = [
            f"{label} {', '.join(ids)}"
            for label, ids in (
                (gettext("added"), added),
                (gettext("removed"), removed),
                (gettext("changed"), changed),
            )
            if ids
        ]
        if parts:
            lines.append(f"{SECTION_LABELS[section]}: " + "; ".join(parts))
    if old_data["ruleset"] != new_data["ruleset"]:
        lines.append(gettext("scoring settings or version changed"))
    return lines


def public_casebook(casebook: Casebook, regime_id: str) -> dict[str, Any]:
    """Return what the API publishes of a casebook: the ruleset's version and hash, the given
    regime with its paragraphs, the factors with their weights, the decided cases with their
    outcomes and sources, and the authorities that citations name. Fields are chosen here, not
    passed through, so the published shape does not change when the fixture format grows."""
    data = casebook.to_data()
    regime = next((item for item in data["regimes"] if item["id"] == regime_id), None)
    if regime is None:
        raise InvalidCasebook([Problem("regimes", f"no regime {regime_id!r} in the casebook")])
    return {
        "ruleset": {"version": casebook.version, "sha256": casebook.sha256},
        "default_regime": {
            "id": regime["id"],
            "name": regime["name"],
            "citation": regime["citation"],
            "capacity_test": regime["capacity_test"],
            "sources": regime["sources"],
            "paragraphs": [
                {
                    "paragraph": item["paragraph"],
                    "duty": item["duty"],
                    "applies": item["applies"],
                    "sources": item["sources"],
                    "triggers": [
                        {
                            "key": trigger["key"],
                            "values": trigger["values"],
                            "reason": trigger["reason"],
                        }
                        for trigger in item["triggers"]
                    ],
                }
                for item in regime["paragraphs"]
            ],
        },
        "factors": [
            {
                "key": item["key"],
                "name": item["name"],
                "direction": item["direction"],
                "sources": item["sources"],
                "values": {
                    token: {
                        "weight": value["weight"],
                        "reason": value["reason"],
                        "sources": value["sources"],
                    }
                    for token, value in item["values"].items()
                },
            }
            for item in data["factors"]
        ],
        "cases": [
            {
                "id": item["id"],
                "name": item["name"],
                "authority": item["authority"],
                "tribunal": item["tribunal"],
                "citation": item["citation"],
                "year": item.get("year"),
                "year_note": item.get("year_note") or "",
                "jurisdiction": item["jurisdiction"],
                "summary": item["summary"],
                "profile": item["profile"],
                "outcome": {
                    "official_capacity": item["outcome"]["official_capacity"],
                    "breach": item["outcome"]["breach"],
                    "paragraphs": item["outcome"]["paragraphs"],
                    "sanction": item["outcome"]["sanction"],
                    "note": item["outcome"].get("note") or "",
                },
                "sources": [
                    {
                        "title": source["title"],
                        "citation": source.get("citation") or "",
                        "url": source.get("url") or "",
                        "account": source["account"],
                        "checked": source["checked"],
                        "note": source.get("note") or "",
                    }
                    for source in item["sources"]
                ],
            }
            for item in data["cases"]
        ],
        "authorities": [
            {
                "id": item["id"],
                "title": item["title"],
                "citation": item.get("citation") or "",
                "url": item.get("url") or "",
                "sections": item.get("sections") or [],
                "verified_on": item["verified_on"],
                "note": item.get("note") or "",
            }
            for item in data["authorities"]
        ],
    }
