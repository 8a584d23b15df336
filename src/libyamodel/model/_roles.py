"""The roles a body may claim to hold legitimately: one vocabulary, each word defined.

A :class:`~libyamodel.LegitimacyClaim` names its role with a word of this
vocabulary, so that "which bodies claimed to be the legislature?" finds every
such claim. Data files write the word itself; queries also take the common
synonyms ("parliament", "cabinet", "army") in any letter case. Users extend the
vocabulary for their own data with :meth:`Roles.with_roles` and pass it to
:func:`~libyamodel.load`, as name variants are extended.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final, Self

import attrs

from libyamodel._suggest import close_matches
from libyamodel.errors import UnknownRole

__all__ = ["DEFAULT_ROLES", "ROLES", "ROLE_FIELD", "SYNONYMS", "Roles", "role_fields", "spelling"]

ROLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "legislature": "the body that makes the laws, approves the budget and "
        "holds the government to account: a parliament or congress",
        "government": "the executive that runs the ministries and the administration: "
        "a cabinet led by a prime minister",
        "head_of_state": "the person or body that represents the state and holds its "
        "highest office",
        "head_of_government": "the person who leads the government: a prime minister",
        "presidency": "a council that holds the powers of a head of state together, "
        "such as the Presidency Council of the 2015 Libyan Political Agreement",
        "state_council": "a consultative chamber whose opinion the legislature must seek "
        "on laws and senior appointments, such as the High Council of State",
        "constituent_assembly": "the elected body that drafts the constitution",
        "national_army": "the state's armed forces under one command",
        "central_bank": "the state's monetary authority, which holds its reserves and "
        "pays public salaries",
        "national_oil_company": "the state body entitled to produce and sell the country's oil",
        "supreme_court": "the highest court, which rules on the constitution and on "
        "the validity of laws and elections",
    }
)
"""Each role of the vocabulary with its one-line definition."""

SYNONYMS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "parliament": "legislature",
        "legislative": "legislature",
        "legislative_body": "legislature",
        "congress": "legislature",
        "cabinet": "government",
        "council_of_ministers": "government",
        "chief_of_state": "head_of_state",
        "prime_minister": "head_of_government",
        "premier": "head_of_government",
        "presidential_council": "presidency",
        "presidency_council": "presidency",
        "council_of_state": "state_council",
        "high_council_of_state": "state_council",
        "constitutional_assembly": "constituent_assembly",
        "constitution_drafting_assembly": "constituent_assembly",
        "army": "national_army",
        "armed_forces": "national_army",
        "military": "national_army",
        "national_armed_forces": "national_army",
        "monetary_authority": "central_bank",
        "national_oil_corporation": "national_oil_company",
        "oil_company": "national_oil_company",
        "highest_court": "supreme_court",
    }
)
"""Other words people use for the roles, each with the vocabulary's word."""

_SEPARATORS: Final = re.compile(r"[\s_\-]+")


def spelling(text: str) -> str:
    """A role as the vocabulary writes its words: lower case, words joined by ``_``."""
    return _SEPARATORS.sub("_", text.strip().casefold()).strip("_")


def _frozen(words: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(words))


@attrs.frozen(eq=False)
class Roles:
    """The roles legitimacy claims may name, each defined, and the synonyms queries accept."""

    definitions: Mapping[str, str] = attrs.field(default=ROLES, converter=_frozen)
    synonyms: Mapping[str, str] = attrs.field(default=SYNONYMS, converter=_frozen)

    def with_roles(
        self, definitions: Mapping[str, str], synonyms: Mapping[str, str] | None = None
    ) -> Self:
        """A vocabulary that also has these roles (word: definition) and synonyms (word: role)."""
        added: dict[str, str] = {}
        for word, definition in definitions.items():
            key = spelling(word)
            if key != word or not key:
                raise ValueError(
                    f"a role is written in lower case with words joined by _, "
                    f"such as {key or 'oil_guards'!r}; got {word!r}"
                )
            if not isinstance(definition, str) or not definition.strip():
                raise ValueError(f"the role {word!r} needs a one-line definition")
            if key in self.synonyms:
                raise ValueError(f"{word!r} is already a synonym of {self.synonyms[key]!r}")
            added[key] = definition.strip()
        merged = {**self.definitions, **added}
        more: dict[str, str] = {}
        for word, role in (synonyms or {}).items():
            key, target = spelling(word), spelling(role)
            if target not in merged:
                raise ValueError(f"the synonym {word!r} names {role!r}, which is not a role")
            if key in merged:
                raise ValueError(f"{word!r} is a role itself, so it cannot be a synonym")
            more[key] = target
        return attrs.evolve(self, definitions=merged, synonyms={**self.synonyms, **more})

    def __iter__(self) -> Iterator[str]:
        return iter(self.definitions)

    def __len__(self) -> int:
        return len(self.definitions)

    def __contains__(self, word: object) -> bool:
        return word in self.definitions

    def get(self, text: str) -> str | None:
        """The vocabulary's word for a role in any letter case, spacing or synonym, or ``None``."""
        key = spelling(text)
        if key in self.definitions:
            return key
        return self.synonyms.get(key)

    def word(self, text: str) -> str:
        """The vocabulary's word for ``text``; raises :class:`~libyamodel.UnknownRole` if none."""
        found = self.get(text) if isinstance(text, str) else None
        if found is None:
            raise UnknownRole(text, tuple(self.definitions), self.suggest(str(text)))
        return found

    def suggest(self, text: str) -> tuple[str, ...]:
        """The roles nearest to a word the vocabulary does not know, nearest first."""
        key = spelling(text)
        near = close_matches(key, [*self.definitions, *self.synonyms])
        return tuple(dict.fromkeys(self.synonyms.get(word, word) for word in near))


DEFAULT_ROLES: Final = Roles()
"""The vocabulary libyamodel uses unless told otherwise."""


ROLE_FIELD: Final = MappingProxyType({"role": True})
"""Field metadata marking a field whose value is a word of the role vocabulary."""


_ROLE_FIELDS: Final[dict[type, tuple[str, ...]]] = {}


def role_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class that hold a role of the vocabulary."""
    found = _ROLE_FIELDS.get(cls)
    if found is None:
        fields = attrs.fields(cls)
        found = _ROLE_FIELDS[cls] = tuple(f.name for f in fields if f.metadata.get("role"))
    return found
