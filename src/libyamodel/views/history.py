"""Histories as tables, plots and HTML: who was in force when, and how many.

``history_frame`` needs the ``frames`` extra and ``plot_history`` the ``plot``
extra; pandas and matplotlib are imported only when they are called.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal

from libyamodel.model import Fact, Status, headline
from libyamodel.views._common import COLOURS, Records, finite, name_of
from libyamodel.views._html import _e, _table

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes

    from libyamodel.store import History, Stretch

__all__ = ["WHO", "history_frame", "history_html", "plot_history", "who"]

WHO: Final[Mapping[str, str]] = MappingProxyType(
    {
        "claimants": "claimant",
        "controllers": "controller",
        "territory": "place",
        "holders": "holder",
        "mandates": "holder",
    }
)
"""For each question, the field of its facts that says who (or what) is in force."""

_COLUMNS: Final = ("first", "last", "days", "facts", "fact", "type", "status")
_STATUS_ORDER: Final = (Status.CONFIRMED, Status.REPORTED, Status.DISPUTED, Status.DENIED)


def _records(stretch: Stretch[Any]) -> Records | None:
    """The records of the dataset that answered, for names (see ``Facts.naming``)."""
    records: Records | None = getattr(type(stretch.facts), "_records", None)
    return records


def who(history: History[Any], stretch: Stretch[Any]) -> tuple[str, ...]:
    """The ids in force over a stretch (controllers, places, holders, claimants), each once."""
    field = WHO[history.question]
    return tuple(dict.fromkeys(getattr(fact, field) for fact in stretch.facts))


def _subject(history: History[Any]) -> str:
    """What the history is about, for titles: ``controllers of Sirte``."""
    records = next((_records(s) for s in history), None)
    parts = [
        name_of(value, records) if field != "role" else value for field, value in history.about
    ]
    joiner = " of " if history.question != "claimants" else " to "
    return history.question + (joiner + ", ".join(parts) if parts else "")


def history_frame(history: History[Any]) -> pandas.DataFrame:
    """One row per stretch and fact: ``first``, ``last`` (``datetime64[s]``), ``days``,
    ``facts`` (how many in the stretch), ``fact`` (its id; empty stretches have one row
    with none), ``type``, ``status`` and the fact's principal fields, as ids."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for stretch in history:
        base = {
            "first": pd.Timestamp(stretch.first),
            "last": pd.Timestamp(stretch.last),
            "days": stretch.days,
            "facts": len(stretch.facts),
        }
        if not stretch.facts:
            rows.append({**base, "fact": None, "type": None, "status": None})
        for fact in stretch.facts:
            row = {**base, "fact": fact.id, "type": fact.TYPE, "status": fact.status.value}
            row.update(headline(fact))
            rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(columns=list(_COLUMNS))
    for column in ("first", "last"):
        frame[column] = frame[column].astype("datetime64[s]")
    return frame


def _num(day: datetime.date) -> float:
    import matplotlib.dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _edges(stretch: Stretch[Any]) -> tuple[float, float]:
    """A stretch's days on the plot's axis: from its first day to the day after its last."""
    first = finite(stretch.first) or datetime.date(1, 1, 1)
    last = finite(stretch.last) or datetime.date(9999, 12, 30)
    return _num(first), _num(last + datetime.timedelta(days=1))


def _best_status(facts: Sequence[Fact]) -> Status:
    return min((fact.status for fact in facts), key=_STATUS_ORDER.index)


def plot_history(
    history: History[Any],
    *,
    kind: Literal["entities", "count"] = "entities",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw a history and return the Axes.

    ``"entities"``: one row per controller, place, holder or claimant, solid over the
    stretches it is in force, coloured by the best status of its facts there.
    ``"count"``: a step plot of how many are in force, stretch by stretch.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    if kind not in ("entities", "count"):
        raise ValueError(f"kind must be 'entities' or 'count', got {kind!r}")
    names = next((_records(s) for s in history), None)
    rows: dict[str, int] = {}
    for stretch in history:
        for ident in who(history, stretch):
            rows.setdefault(ident, len(rows))
    if ax is None:
        height = 0.45 * len(rows) + 1.2 if kind == "entities" else 3.0
        _, ax = plt.subplots(figsize=(10, height), layout="constrained")
    field = WHO[history.question]
    if kind == "count":
        edges = [_edges(stretch)[0] for stretch in history] + [_edges(history[-1])[1]]
        counts = [len(who(history, stretch)) for stretch in history]
        ax.stairs(counts, edges, baseline=0, fill=True, alpha=0.35, color=COLOURS[Status.CONFIRMED])
        ax.stairs(counts, edges, baseline=None, color=COLOURS[Status.CONFIRMED])
        ax.set_ylabel(f"{field}s in force")
        ax.set_ylim(0, max(counts, default=0) + 1)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        for stretch in history:
            lo, hi = _edges(stretch)
            for ident in who(history, stretch):
                facts = [fact for fact in stretch.facts if getattr(fact, field) == ident]
                colour = COLOURS[_best_status(facts)]
                # An edge keeps a stretch of one day visible over fifteen years.
                ax.barh(rows[ident], hi - lo, left=lo, height=0.6, color=colour, edgecolor=colour)
        ax.set_yticks(range(len(rows)), labels=[name_of(ident, names) for ident in rows])
        ax.invert_yaxis()
    ax.set_xlim(_edges(history[0])[0], _edges(history[-1])[1])
    ax.xaxis_date()
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title or f"{_subject(history)}, {history.first} to {history.last}")
    return ax


def history_html(history: History[Any]) -> str:
    """A history as a table: each stretch's first and last day, days, and who is in force
    (by name, with how many facts say so)."""
    names = next((_records(s) for s in history), None)
    rows = []
    for stretch in history:
        ids = who(history, stretch)
        field = WHO[history.question]
        shown = ", ".join(
            f"<span title='{_e(ident)}'>{_e(name_of(ident, names))}</span>"
            f" ({sum(getattr(f, field) == ident for f in stretch.facts)})"
            for ident in ids
        )
        rows.append([str(stretch.first), str(stretch.last), str(stretch.days), shown or "-"])
    caption = f"{_e(_subject(history))} ({history.certainty}), {history.first} to {history.last}"
    return (
        f"<div><b>{caption}: {len(history)} stretches</b>"
        f"{_table(['first', 'last', 'days', 'in force (facts)'], rows)}</div>"
    )
