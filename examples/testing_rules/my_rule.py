"""A downstream project's own legitimacy doctrine, built from libyamodel's rules.

"A body is legitimate if it holds an electoral mandate and is recognised
abroad, or if it holds territory and no court has found against it."
"""

from __future__ import annotations

from libyamodel import rules

democratic_and_recognised = rules.all_of(rules.electoral_mandate, rules.international_recognition())
governing_and_lawful = rules.all_of(rules.effective_control(), rules.judicial_validity())
my_rule = rules.any_of(democratic_and_recognised, governing_and_lawful)
