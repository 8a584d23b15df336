"""Timelines of facts with matplotlib: certain spans solid, uncertain ones hatched.

Needs the ``plot`` extra (``pip install 'libyamodel[plot]'``); matplotlib is
imported only when a plot is drawn.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from libyamodel.model import Fact, Status, fact_type
from libyamodel.time import Span
from libyamodel.views._common import COLOURS, Records, finite, summary_parts

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from libyamodel.store import Dataset, EntityRef

__all__ = ["COLOURS", "fact_label", "plot_dataset", "timeline"]


_MARGIN = datetime.timedelta(days=90)


def fact_label(fact: Fact, records: Records | None = None) -> str:
    """A row label: the fact's type and principal fields, entities by name where known."""
    kind = fact.TYPE.replace("_", " ")
    parts = [value for _, value in summary_parts(fact, records)]
    return f"{kind}: {' / '.join(parts) or fact.id}"


def _window(spans: Sequence[Span]) -> tuple[datetime.date, datetime.date]:
    days = [
        day
        for span in spans
        for bound in (span.earliest, span.certain_from, span.certain_until, span.latest)
        if (day := finite(bound)) is not None
    ]
    if not days:
        today = datetime.date(2011, 1, 1)
        return today, today + datetime.timedelta(days=365)
    return min(days) - _MARGIN, max(days) + _MARGIN


def _num(day: datetime.date) -> float:
    import matplotlib.dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _bar(
    ax: Axes, row: int, fact: Fact, span: tuple[datetime.date, datetime.date], *, certain: bool
) -> None:
    """One span of a fact's row: solid where certain, pale and hatched where not."""
    lo, hi = span
    colour = COLOURS[fact.status]
    disputed = fact.status is Status.DISPUTED
    ax.barh(
        row,
        max((hi - lo).days, 1),
        left=_num(lo),
        height=0.6 if certain else 0.4,
        color=colour,
        alpha=1.0 if certain else 0.35,
        hatch=None if certain else "//",
        edgecolor="black" if disputed else colour,
        linewidth=1.2 if disputed else 0.5,
    )


def timeline(
    facts: Sequence[Fact],
    *,
    ax: Axes | None = None,
    title: str | None = None,
    labels: Sequence[str] | None = None,
    spans: Sequence[Span] | None = None,
) -> Axes:
    """Draw one row per fact and return the Axes, for the caller to restyle.

    The span where a fact certainly holds is solid; the spans where it may
    start or end are hatched and pale; an open bound runs to the edge of the
    plot. Colour gives the status; disputed facts are outlined and marked "?".
    ``spans`` gives the days each fact can and must hold where they are not its
    period's (``ds.span(fact)``: its period within lifespans).
    """
    import matplotlib.pyplot as plt

    if labels is not None and len(labels) != len(facts):
        raise ValueError(f"{len(labels)} labels for {len(facts)} facts")
    if spans is not None and len(spans) != len(facts):
        raise ValueError(f"{len(spans)} spans for {len(facts)} facts")
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 0.45 * len(facts) + 1.2))
    drawn = [Span.of(fact.period) for fact in facts] if spans is None else list(spans)
    first, last = _window(drawn)
    for row, (fact, span) in enumerate(zip(facts, drawn, strict=True)):
        start_lo = finite(span.earliest) or first
        start_hi = finite(span.certain_from) or first
        end_lo = finite(span.certain_until) or last
        end_hi = finite(span.latest) or last
        if start_hi <= end_lo:
            _bar(ax, row, fact, (start_lo, start_hi), certain=False)
            _bar(ax, row, fact, (start_hi, end_lo), certain=True)
            _bar(ax, row, fact, (end_lo, end_hi), certain=False)
        else:
            _bar(ax, row, fact, (start_lo, end_hi), certain=False)
        if fact.status is Status.DISPUTED:
            ax.text(_num(end_hi), row, " ?", va="center", fontweight="bold")
    ax.set_yticks(range(len(facts)), labels=list(labels or [fact_label(f) for f in facts]))
    ax.invert_yaxis()
    ax.set_xlim(_num(first), _num(last))
    ax.xaxis_date()
    ax.grid(axis="x", alpha=0.3)
    if title:
        ax.set_title(title)
    return ax


def plot_dataset(
    dataset: Dataset,
    *entities: EntityRef,
    types: Sequence[str | type[Fact]] = (),
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """A timeline of the facts naming any of ``entities`` (of ``types`` only, given as
    classes or names such as ``"control_claim"``), rows labelled with entities' names."""
    kinds = tuple(fact_type(kind) for kind in types)
    chosen: dict[str, Fact] = {}
    for entity in entities:
        for fact in dataset.timeline(entity):
            if not kinds or isinstance(fact, kinds):
                chosen[fact.id] = fact
    order = {fact.id: rank for rank, fact in enumerate(dataset.facts)}
    facts = sorted(chosen.values(), key=lambda fact: order[fact.id])
    labels = [fact_label(fact, dataset) for fact in facts]
    spans = [dataset.span(fact) for fact in facts]
    return timeline(facts, ax=ax, title=title, labels=labels, spans=spans)
