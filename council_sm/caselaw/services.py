"""Reading and writing the casebook in the database, and building the engine's casebook from it."""

from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

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


CASEBOOK_MODELS = (
    models.Ruleset,
    models.Authority,
    models.Factor,
    models.FactorValue,
    models.Regime,
    models.Paragraph,
    models.Case,
    models.AdviceRule,
)


def current_stamp() -> uuid.UUID:
    """Return the token of the casebook now in the database (creating the row if needed)."""
    stamp, _created = models.CasebookStamp.objects.get_or_create(pk=1)
    return stamp.token


def touch_casebook() -> None:
    """Mark the casebook as changed, so every process rebuilds it on its next read."""
    models.CasebookStamp.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})


@lru_cache(maxsize=4)
def _casebook_for(stamp: uuid.UUID) -> Casebook:
    return build_casebook(casebook_data_from_db())


def get_casebook() -> Casebook:
    """Return the validated casebook currently in the database: one query while it has not
    changed, a rebuild when it has. Raises InvalidCasebook if the stored casebook is broken, so
    callers can say so rather than assess against it."""
    return _casebook_for(current_stamp())


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
            citation=item.get("citation", ""),
            url=item.get("url", ""),
            sections=item.get("sections", []),
            verified_on=item["verified_on"],
            note=item.get("note", ""),
        )
        for item in data["authorities"]
    )
    for position, item in enumerate(data["factors"]):
        factor = models.Factor.objects.create(
            key=item["key"],
            position=position,
            name=item["name"],
            direction=item["direction"],
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
            outcome_note=outcome["note"],
        )
    models.AdviceRule.objects.bulk_create(
        models.AdviceRule(position=position, **item) for position, item in enumerate(data["advice"])
    )


def load_fixture_casebook_into_db(directory: Path | None = None) -> Casebook:
    """Validate the fixture files and, only if all of them are valid, replace the database
    casebook with them. Returns the casebook loaded."""
    casebook = build_casebook(read_fixture_data(directory or settings.CASEBOOK_FIXTURES_DIR))
    replace_casebook(casebook)
    return casebook


def snapshot_casebook(casebook: Casebook) -> None:
    """Keep the casebook under its hash, if it is not kept already."""
    models.RulesetSnapshot.objects.get_or_create(
        sha256=casebook.sha256, defaults={"version": casebook.version, "data": casebook.to_data()}
    )


@lru_cache(maxsize=8)
def casebook_for_sha(sha256: str) -> Casebook | None:
    """Return the casebook a record was assessed under, rebuilt from its snapshot, or None if
    no snapshot with that hash is held. Snapshots never change, so the result is kept."""
    snapshot = models.RulesetSnapshot.objects.filter(sha256=sha256).first()
    if snapshot is None:
        return None
    casebook = build_casebook(snapshot.data)
    return casebook if casebook.sha256 == sha256 else None


def describe_changes(old: Casebook, new: Casebook) -> list[str]:
    """Return one line per casebook section that differs between two rulesets, naming the
    records added, removed or changed."""
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
            for label, ids in (("added", added), ("removed", removed), ("changed", changed))
            if ids
        ]
        if parts:
            lines.append(f"{section}: " + "; ".join(parts))
    if old_data["ruleset"] != new_data["ruleset"]:
        lines.append("scoring settings or version changed")
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
