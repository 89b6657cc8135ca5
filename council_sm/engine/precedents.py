"""Ranking the decided cases by how closely their facts match the answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from .answers import Answers
from .casebook import Case, Casebook
from .result import PrecedentComparison


@dataclass(frozen=True, slots=True)
class PrecedentRanking(Sequence[PrecedentComparison]):
    """Every case, most similar first (ties by case id). Comparisons are made when read, so a
    caller that shows the closest five does not pay for ten thousand."""

    cases: tuple[Case, ...]
    order: tuple[int, ...]
    similarities: tuple[float, ...]
    answers: Answers
    keys: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.order)

    def _comparison(self, position: int) -> PrecedentComparison:
        return PrecedentComparison(
            self.cases[position], self.similarities[position], self.answers, self.keys
        )

    @overload
    def __getitem__(self, index: int) -> PrecedentComparison: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[PrecedentComparison, ...]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self._comparison(position) for position in self.order[index])
        return self._comparison(self.order[index])


def rank_precedents(casebook: Casebook, answers: Answers) -> PrecedentRanking:
    """Return every case in the casebook ranked by similarity to the answers.

    Similarity on a factor is 1 minus the distance between the two answers' weights over the
    factor's span, so "unsure" sits part-way between yes and no; factors count by their span.
    The ranking uses the similarity as reported (three decimals), so equal figures are listed in
    case-id order; grouping by that figure also keeps the ranking linear in the number of cases.
    """
    entries = [entry for entry in casebook.index if entry.span > 0]
    total_span = sum(entry.span for entry in entries)
    cases = casebook.cases
    keys = tuple(entry.key for entry in entries)
    if not cases or not total_span:
        zeros = (0.0,) * len(cases)
        return PrecedentRanking(cases, tuple(range(len(cases))), zeros, answers, ())
    totals = [0.0] * len(cases)
    for entry in entries:
        mine = entry.weights[answers.token(entry.key)]
        closeness = {weight: entry.span - abs(mine - weight) for weight in entry.weights.values()}
        totals = list(map(float.__add__, totals, map(closeness.__getitem__, entry.case_weights)))
    similarities = tuple(round(total / total_span, 3) for total in totals)
    groups: dict[float, list[int]] = {}
    for position, similarity in enumerate(similarities):  # cases are held in id order
        groups.setdefault(similarity, []).append(position)
    order = tuple(
        position for similarity in sorted(groups, reverse=True) for position in groups[similarity]
    )
    return PrecedentRanking(cases, order, similarities, answers, keys)
