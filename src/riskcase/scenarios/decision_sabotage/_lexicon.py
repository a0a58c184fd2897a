"""The words of one variant: how its options and its quantities are named in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ._quantities import DISTRACTORS, WEAK_ALIASES, Quantity, Role
from ._variants import VariantSpec


@dataclass(frozen=True)
class Mention:
    """Where a text names an option, a quantity or a distractor.

    Args:
        start: Offset of the first character.
        end: Offset just past the last character.
        letters: Options named (several for "Options A and B"); empty for quantities.
        role: The quantity named (None for options and distractors).
        distractor: Whether it names a figure that is not a key quantity.
        weak: Whether it is a generic word ("cost") that more specific phrases beat.
    """

    start: int
    end: int
    letters: frozenset[str] = frozenset()
    role: Role | None = None
    distractor: bool = False
    weak: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Option names and quantity aliases of a variant, compiled for searching.

    Args:
        letters: The option letters.
        names: Option letter -> option name.
        quantities: The six quantities, by role.
    """

    letters: tuple[str, ...]
    names: dict[str, str]
    quantities: dict[Role, Quantity]

    @staticmethod
    def of(spec: VariantSpec) -> Lexicon:
        """The lexicon of a variant."""
        return Lexicon(
            letters=tuple(spec.letters),
            names=dict(zip(spec.letters, spec.options, strict=True)),
            quantities=spec.topic.quantities,
        )

    def options_in(self, text: str) -> list[Mention]:
        """Every mention of an option ("Option B", "Options A and C", an option's name)."""
        letter = "[" + "".join(self.letters) + "]"
        found = [
            Mention(m.start(), m.end(), frozenset(re.findall(letter, m.group(1))))
            for m in re.finditer(
                rf"\b(?i:options?)\s+({letter}(?:\s*(?:,|and|&|or|/)\s*{letter})*)\b", text
            )
        ]
        for key, name in self.names.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
                if not any(f.start <= m.start() < f.end for f in found):
                    found.append(Mention(m.start(), m.end(), frozenset({key})))
        return sorted(found, key=lambda m: m.start)

    def quantities_in(self, text: str) -> list[Mention]:
        """Every mention of a key quantity or a distractor, longest phrase first."""
        mentions = []
        for match in self._alias_pattern.finditer(text):
            alias = match.group(0).lower()
            role, distractor = self._roles[alias]
            mentions.append(
                Mention(
                    match.start(),
                    match.end(),
                    role=role,
                    distractor=distractor,
                    weak=alias in WEAK_ALIASES,
                )
            )
        return mentions

    @cached_property
    def _roles(self) -> dict[str, tuple[Role | None, bool]]:
        roles: dict[str, tuple[Role | None, bool]] = {d: (None, True) for d in DISTRACTORS}
        for role, quantity in self.quantities.items():
            for alias in quantity.aliases:
                roles.setdefault(alias.lower(), (role, False))
        return roles

    @cached_property
    def _alias_pattern(self) -> re.Pattern[str]:
        aliases = sorted(self._roles, key=len, reverse=True)
        body = "|".join(_bounded(alias) for alias in aliases)
        return re.compile(f"(?:{body})", re.IGNORECASE)


def _bounded(alias: str) -> str:
    """An alias as a regex that does not match inside a longer word."""
    before = r"(?<![A-Za-z0-9])" if alias[0].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if alias[-1].isalnum() else ""
    return before + re.escape(alias) + after
