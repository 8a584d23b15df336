"""The Dataset and loading, under the name they had before the store became a package."""

from __future__ import annotations

from libyamodel.store import Certainty, Dataset, EntityRef, Facts, bundled_data_path, load

__all__ = ["Certainty", "Dataset", "EntityRef", "Facts", "bundled_data_path", "load"]
