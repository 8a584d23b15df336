"""The Popolo export, under the name it had before the views became a package."""

from __future__ import annotations

from libyamodel.views.popolo import WIKIDATA_SCHEME, popolo_date, to_popolo

__all__ = ["WIKIDATA_SCHEME", "popolo_date", "to_popolo"]
