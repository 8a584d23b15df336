"""Views and exports of a dataset: HTML for Jupyter, DataFrames and Parquet, plots, Popolo.

Each export is a module of its own, a function of a Dataset or of facts; the
Dataset's ``to_pandas``, ``plot``, ``to_popolo`` and ``_repr_html_`` delegate here.
"""
