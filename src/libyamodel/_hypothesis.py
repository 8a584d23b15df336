"""The hook Hypothesis calls through the ``hypothesis`` entry point.

It imports the strategies only when Hypothesis itself is being imported, so
``import libyamodel`` never imports Hypothesis.
"""

from __future__ import annotations


def register() -> None:
    """Register a strategy for every public libyamodel type with Hypothesis."""
    from libyamodel.strategies import register as register_all

    register_all()
