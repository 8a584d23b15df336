"""HTML views for Jupyter: datasets, records, query results, profiles and verdicts."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from libyamodel.model import Coverage, Evidence, Fact, Record, Status, headline
from libyamodel.time import PartialDate, Period, Truth
from libyamodel.views._common import (
    COLOURS,
    TRUTH_COLOURS,
    Records,
    completeness,
    finite,
    name_of,
)

if TYPE_CHECKING:
    from libyamodel.legitimacy import Assessed, LegitimacyProfile, Verdict
    from libyamodel.store import Dataset

__all__ = ["dataset_html", "facts_html", "profile_html", "record_html", "verdict_html"]


def _e(value: object) -> str:
    return html.escape(str(value))


def _badge(text: str, colour: str) -> str:
    return (
        f'<span style="color:white;background:{colour};border-radius:3px;'
        f'padding:0 4px;font-size:90%">{_e(text)}</span>'
    )


def status_badge(status: Status) -> str:
    """A coloured label for a status."""
    return _badge(status.value, COLOURS[status])


def truth_badge(truth: Truth) -> str:
    """A coloured label for a truth value."""
    return _badge(truth.name, TRUTH_COLOURS[truth])


def _day(day: Any) -> str:
    return "open" if finite(day) is None else str(day)


def _bounds(date: PartialDate) -> str:
    if date.exact:
        return _e(date)
    return f"{_e(date)} <small>({_day(date.earliest)} to {_day(date.latest)})</small>"


def period_html(period: Period) -> str:
    """A period with the calendar bounds of its dates, so certainty can be read off."""
    observed = period.observation
    if observed is not None:
        return f"observed on {_e(observed)} <small>(definite that day only)</small>"
    end = "not ended" if period.end is None else _bounds(period.end)
    return f"{_bounds(period.start)} &rarr; {end}"


def _value(value: object) -> str:
    if isinstance(value, Period):
        return period_html(value)
    if isinstance(value, tuple):
        return ", ".join(_value(item) for item in value) or "&mdash;"
    if attrs.has(type(value)):
        return _e(repr(value))
    return _e(getattr(value, "value", value))


def evidence_html(items: Iterable[Evidence]) -> str:
    """Evidence items as quotes with their source, locator and stance."""
    rows = []
    for item in items:
        where = ", ".join(_e(x) for x in (item.source, item.locator) if x)
        who = f" &mdash; {_e(item.attributed_to)}" if item.attributed_to else ""
        said = (
            f"&ldquo;{_e(item.quote)}&rdquo;"
            if item.quote is not None
            else f"<i>{_e(item.paraphrase)}</i>"
        )
        rows.append(
            f"<li><b>{_e(item.stance.value)}</b>: {said} <small>({where}{who})</small></li>"
        )
    return f"<ul style='margin:0'>{''.join(rows)}</ul>"


def record_html(record: Record) -> str:
    """A record as a two-column table of its fields, with status and evidence for a fact."""
    rows = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if not field.init or field.name in ("id", "evidence") or value in (None, ()):
            continue
        rows.append(
            f"<tr><th style='text-align:left'>{_e(field.name)}</th>"
            f"<td style='text-align:left'>{_value(value)}</td></tr>"
        )
    heading = f"<b>{_e(record.TYPE)}</b> <code>{_e(record.id)}</code>"
    if isinstance(record, Fact):
        heading += " " + status_badge(record.status)
        rows.append(
            f"<tr><th style='text-align:left'>evidence</th>"
            f"<td style='text-align:left'>{evidence_html(record.evidence)}</td></tr>"
        )
    return f"<div>{heading}<table>{''.join(rows)}</table></div>"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th style='text-align:left'>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _named(value: str, names: Records | None) -> str:
    """An entity's name, with its id on hover; the value itself where it names no entity."""
    shown = name_of(value, names)
    if shown != value:
        return f"<span title='{_e(value)}'>{_e(shown)}</span>"
    return f"<code>{_e(value)}</code>"


def _says(fact: Fact, names: Records | None = None) -> str:
    parts = headline(fact)
    if parts and parts[0][0] == "name":
        return _e(parts[0][1])
    return ", ".join(f"{field}: {_named(value, names)}" for field, value in parts)


def facts_html(
    facts: Sequence[Fact],
    truths: Sequence[Truth] | None = None,
    *,
    names: Records | None = None,
    complete: Truth | None = None,
    gaps: Sequence[Coverage] = (),
) -> str:
    """Facts as a table: id, what it says, period, status (and truth on a date if given).

    With ``names`` (a dataset's records by id), entities are shown by name, not id.
    With ``complete`` (a query's answer's), a line says whether the answer is complete,
    from the coverage records in ``gaps``: "none" only for a complete empty answer.
    """
    header = ["fact", "says", "period", "status"] + ([] if truths is None else ["truth"])
    rows = []
    for index, fact in enumerate(facts):
        row = [
            f"<code>{_e(fact.id)}</code>",
            _says(fact, names),
            period_html(fact.period),
            status_badge(fact.status),
        ]
        if truths is not None:
            row.append(truth_badge(truths[index]))
        rows.append(row)
    said = (
        ""
        if complete is None
        else f" {truth_badge(complete)} <i>{_e(completeness(len(facts), complete, gaps))}</i>"
    )
    return f"<div><b>{len(facts)} facts</b>{said}{_table(header, rows)}</div>"


def dataset_html(dataset: Dataset) -> str:
    """A dataset summary: counts by type, the dates facts start, and the sources."""
    counts = dataset.counts()
    first_last = dataset.start_span()
    span = (
        ""
        if first_last is None
        else (f"<p>Facts start between {first_last[0]} and {first_last[1]}.</p>")
    )
    sources = dataset.sources
    source_rows = [[_e(s.published), _e(s.title), _e(s.publisher or "")] for s in sources]
    return (
        f"<div><b>libyamodel Dataset</b>: {len(dataset.entities)} entities, "
        f"{len(dataset.facts)} facts"
        + _table(["type", "records"], [[_e(k), str(v)] for k, v in sorted(counts.items())])
        + span
        + (_table(["published", "source", "publisher"], source_rows) if sources else "")
        + "</div>"
    )


def _assessed(title: str, items: Sequence[Assessed[Fact]], names: Records | None) -> str:
    if not items:
        return f"<p><b>{_e(title)}</b>: none</p>"
    return f"<p><b>{_e(title)}</b></p>" + facts_html(
        [item.fact for item in items], [item.truth for item in items], names=names
    )


def profile_html(profile: LegitimacyProfile) -> str:
    """A legitimacy profile: each part as a table with truth on the date and status."""
    parts = [
        ("claims", profile.claims),
        ("recognitions for", profile.recognitions_for),
        ("recognitions against", profile.recognitions_against),
        ("mandates", profile.mandates),
        ("rulings so far", profile.rulings),
        ("territory", profile.territory),
        ("support received", profile.support),
    ]
    names = profile.dataset
    body = "".join(_assessed(title, items, names) for title, items in parts)
    return (
        f"<div><b>Legitimacy of {_named(profile.body, names)} on {_e(profile.on)}</b>{body}</div>"
    )


def verdict_html(verdict: Verdict) -> str:
    """A verdict: its truth, its reasons and the facts it rests on."""
    reasons = "".join(f"<li>{_e(reason)}</li>" for reason in verdict.reasons)
    facts = facts_html(verdict.facts) if verdict.facts else ""
    return f"<div><b>Verdict</b> {truth_badge(verdict.truth)}<ul>{reasons}</ul>{facts}</div>"
