"""Render the plots shown in docs/views.md from the bundled data (run before building the docs)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import libyamodel as lm  # noqa: E402

IMAGES = Path(__file__).parent / "img"


def main() -> None:
    """Draw the rival legislatures and the control of Sirte, as PNG files."""
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


if __name__ == "__main__":
    main()
