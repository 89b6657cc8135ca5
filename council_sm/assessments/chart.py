"""Geometry for the server-rendered SVG of precedent similarity: each case's name above its
bar and its outcome below, so that the chart stays legible when it shrinks to a 320 px screen
and its words fit in Welsh as in English. The template draws it; a table beside it is the text
alternative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .presenter import PrecedentRow

WIDTH = 400
BAR_SPAN = 300
ROW = 78
BAR_HEIGHT = 20


@dataclass(frozen=True)
class Bar:
    label: str
    outcome: str
    value_label: str
    label_y: int
    bar_y: int
    outcome_y: int
    width: int
    value_x: int
    highlight: bool


@dataclass(frozen=True)
class SimilarityChart:
    width: int
    height: int
    bar_height: int
    axis_height: int
    bars: tuple[Bar, ...]
    title: str
    description: str


def similarity_chart(rows: Sequence[PrecedentRow]) -> SimilarityChart:
    """Return the chart of the given precedents' similarity, most similar first."""
    bars = []
    for index, row in enumerate(rows):
        width = round(BAR_SPAN * row.similarity)
        bars.append(
            Bar(
                label=row.name,
                outcome=row.outcome_label,
                value_label=f"{row.similarity_percent}%",
                label_y=index * ROW + 18,
                bar_y=index * ROW + 26,
                outcome_y=index * ROW + 64,
                width=max(width, 1),
                value_x=max(width, 1) + 8,
                highlight=row.official_capacity,
            )
        )
    description = "; ".join(
        _("%(name)s: %(percent)s%% similar, %(outcome)s")
        % {"name": row.name, "percent": row.similarity_percent, "outcome": row.outcome_label}
        for row in rows
    )
    height = len(rows) * ROW + 4
    return SimilarityChart(
        width=WIDTH,
        height=height,
        bar_height=BAR_HEIGHT,
        axis_height=height,
        bars=tuple(bars),
        title=_("How similar the closest decided cases are to your answers"),
        description=description,
    )
