"""The store: the Dataset, its answers, its indexes, and loading."""

from __future__ import annotations

from libyamodel.store._dataset import Dataset, indexes_of
from libyamodel.store._facts import Certainty, EntityRef, Facts
from libyamodel.store._history import History, Stretch
from libyamodel.store._load import bundled_data_path, load

__all__ = [
    "Certainty",
    "Dataset",
    "EntityRef",
    "Facts",
    "History",
    "Stretch",
    "bundled_data_path",
    "indexes_of",
    "load",
]
