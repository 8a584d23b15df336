"""DataFrames and Parquet, under the name they had before the views became a package."""

from __future__ import annotations

from libyamodel.views.frames import ENTITIES, entity_rows, fact_rows, to_pandas, to_parquet

__all__ = ["ENTITIES", "entity_rows", "fact_rows", "to_pandas", "to_parquet"]
