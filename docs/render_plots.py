"""Render the plots shown in docs/views.md and docs/timeline.md from the bundled data (run
before building the docs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")

import libyamodel as lm

if TYPE_CHECKING:
    from matplotlib.axes import Axes

IMAGES = Path(__file__).parent / "img"


def main() -> None:
    """Draw the rival legislatures, the control of Sirte and the count of claims to govern,
    as PNG files."""
    IMAGES.mkdir(exist_ok=True)
    ds = lm.load()
    ax = ds.plot(
        "general-national-congress",
        "house-of-representatives",
        types=[lm.LegitimacyClaim, lm.Mandate, lm.Ruling],
        title="Rival claims to be the legislature",
    )
    ax.figure.savefig(IMAGES / "legislatures.png", bbox_inches="tight", dpi=90)
    ax = ds.plot("sirte", types=[lm.ControlClaim], title="Who held Sirte")
    ax.figure.savefig(IMAGES / "sirte.png", bbox_inches="tight", dpi=90)
    history = ds.history("controllers", "sirte", between=("2011", "2025"))
    ax = history.plot(title="Who held Sirte, day by day")
    ax.figure.savefig(IMAGES / "sirte-history.png", bbox_inches="tight", dpi=90)
    governments = ds.history("claimants", between=("2011", "2025"), role="government")
    ax = governments.plot(kind="count", title="How many bodies claimed to be the government")
    ax.figure.savefig(IMAGES / "governments-count.png", bbox_inches="tight", dpi=90)
    timeline(ds)


def timeline(ds: lm.Dataset) -> None:
    """The claims to govern and to legislate over 2011-2025, and the heads of the UN effort
    (spans only: the documents' one-day observations would crowd the rows)."""
    import datetime

    import matplotlib.dates as mdates

    from libyamodel.plot import fact_label
    from libyamodel.plot import timeline as draw

    def drawn(facts: list[lm.Fact], title: str) -> Axes:
        ax = draw(facts, title=title, labels=[fact_label(fact, ds) for fact in facts])
        ax.set_xlim(
            mdates.date2num(datetime.date(2011, 1, 1)), mdates.date2num(datetime.date(2026, 1, 1))
        )
        return ax

    def spans(facts: list[lm.Fact]) -> list[lm.Fact]:
        return [fact for fact in facts if fact.period.observation is None]

    claims = spans(
        [
            fact
            for fact in ds.facts
            if isinstance(fact, lm.LegitimacyClaim)
            and fact.role in ("government", "legislature")
            and fact.period.latest.year >= 2011
        ]
    )
    ax = drawn(claims, "Claims to be Libya's government or legislature, 2011-2025")
    ax.figure.savefig(IMAGES / "claims-2011-2025.png", bbox_inches="tight", dpi=80)
    heads = spans(
        [fact for fact in ds.facts if isinstance(fact, lm.Tenure) and fact.office in UN_HEADS]
    )
    ax = drawn(heads, "Heads of the UN effort on Libya, 2011-2025")
    ax.figure.savefig(IMAGES / "un-envoys.png", bbox_inches="tight", dpi=80)


UN_HEADS = (
    "un-special-envoy-for-libya",
    "un-special-representative-for-libya",
    "acting-head-of-unsmil",
    "un-special-adviser-on-libya",
)


if __name__ == "__main__":
    main()
