"""Timeline plots, under the name they had before the views became a package."""

from __future__ import annotations

from libyamodel.views.plot import COLOURS, fact_label, timeline

__all__ = ["COLOURS", "fact_label", "timeline"]
