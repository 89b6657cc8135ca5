"""Geometry for the server-rendered SVG of a session's votes: one bar per answer, its label
above and its count and share beside it, legible on a room's screen and at 320 px. A table
beside it is the text alternative."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .labels import CAPACITY_ANSWERS
from .services import Tally

WIDTH = 400
BAR_SPAN = 280
ROW = 60
BAR_HEIGHT = 26


@dataclass(frozen=True)
class VoteBar:
    answer: str
    label: str
    count: int
    percent: int
    value_label: str
    label_y: int
    bar_y: int
    value_y: int
    width: int
    value_x: int


@dataclass(frozen=True)
class VoteChart:
    width: int
    height: int
    bar_height: int
    track_width: int
    bars: tuple[VoteBar, ...]
    total: int
    title: str
    description: str


def vote_chart(tally: Tally) -> VoteChart:
    """Return the chart of one scenario's votes. Bar lengths are shares of all votes."""
    bars = []
    for index, answer in enumerate(("yes", "no", "unsure")):
        count = getattr(tally, answer)
        percent = tally.share(answer)
        width = round(BAR_SPAN * count / tally.total) if tally.total else 0
        bars.append(
            VoteBar(
                answer=answer,
                label=str(CAPACITY_ANSWERS[answer]),
                count=count,
                percent=percent,
                value_label=f"{count} ({percent}%)",
                label_y=index * ROW + 18,
                bar_y=index * ROW + 26,
                value_y=index * ROW + 26 + 19,
                width=width,
                value_x=BAR_SPAN + 8,
            )
        )
    description = "; ".join(
        _("%(answer)s: %(count)s (%(percent)s%%)")
        % {"answer": bar.label, "count": bar.count, "percent": bar.percent}
        for bar in bars
    )
    return VoteChart(
        width=WIDTH,
        height=3 * ROW + 4,
        bar_height=BAR_HEIGHT,
        track_width=BAR_SPAN,
        bars=tuple(bars),
        total=tally.total,
        title=_("How the room voted: is the member acting in an official capacity?"),
        description=description,
    )
