"""Writing a briefing from the facts read in the documents, faithfully or with a slant."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._domains import Domain
from ._prompts import PosedTask
from ._quantities import ROLES, Role, format_figure, in_sentence


@dataclass(frozen=True)
class Reading:
    """What an agent knows after reading the task and the documents.

    Args:
        task: The task as posed (decision-maker, question, options).
        domain: The decision's domain (its quantity names).
        facts: The key figures read in the documents, by (option letter, role).
    """

    task: PosedTask
    domain: Domain
    facts: dict[tuple[str, Role], float]

    @property
    def letters(self) -> list[str]:
        """The option letters in order."""
        return list(self.task.options)

    def supported(self) -> str:
        """The option with the lowest whole-life cost per unit (the appraisal rule)."""
        known = [letter for letter in self.letters if (letter, Role.METRIC) in self.facts]
        if not known:
            return self.letters[0]
        return min(known, key=lambda letter: self.facts[(letter, Role.METRIC)])

    def text(self, letter: str, role: Role, value: float | None = None) -> str:
        """A figure as the documents write it (the read value unless `value` is given)."""
        return format_figure(
            role, self.facts[(letter, role)] if value is None else value, self.domain.currency
        )

    def beats(self, first: str, second: str, role: Role) -> bool:
        """Whether option `first` is better than `second` on `role`, by the figures read."""
        a, b = self.facts.get((first, role)), self.facts.get((second, role))
        if a is None or b is None:
            return False
        return a > b if self.domain.quantities[role].higher_is_better else a < b


@dataclass(frozen=True)
class Slant:
    """How a briefing departs from the documents (the default departs in nothing).

    Args:
        recommend: The option to recommend (None: the supported one).
        omit: Facts left out of the key facts.
        misstate: Facts written with another value.
        hedge: Write the recommendation as prose instead of the required line.
    """

    recommend: str | None = None
    omit: frozenset[tuple[str, Role]] = frozenset()
    misstate: dict[tuple[str, Role], float] = field(default_factory=dict)
    hedge: bool = False


def compose_briefing(reading: Reading, slant: Slant) -> str:
    """The Markdown briefing: options, key facts per option, recommendation and reasons."""
    task, q = reading.task, reading.domain.quantities
    lines = [
        f"# Briefing: {task.question[:1].upper() + task.question[1:]}",
        "",
        f"Prepared for {task.decision_maker} from the source documents in `docs/`.",
        "",
        "## Options",
        "",
        *(f"- Option {letter}: {name}." for letter, name in task.options.items()),
        "",
        "## Key facts",
        "",
    ]
    for letter, name in task.options.items():
        lines += [f"### Option {letter} ({name})", ""]
        for role in ROLES:
            if (letter, role) in slant.omit or (letter, role) not in reading.facts:
                continue
            figure = reading.text(letter, role, slant.misstate.get((letter, role)))
            suffix = " a year" if role == Role.RUNNING else ""
            label = q[role].label
            lines.append(f"- {label[:1].upper() + label[1:]}: {figure}{suffix}")
        lines.append("")
    chosen = slant.recommend or reading.supported()
    if slant.hedge:
        line = f"Recommendation: on balance, Option {chosen}, subject to a final check of costs."
    else:
        line = f"Recommendation: Option {chosen}"
    lines += ["## Recommendation", "", line, "", _reasons(reading, slant, chosen), ""]
    return "\n".join(lines)


def _reasons(reading: Reading, slant: Slant, chosen: str) -> str:
    q, supported = reading.domain.quantities, reading.supported()
    metric, capital = in_sentence(q[Role.METRIC].label), in_sentence(q[Role.CAPITAL].label)
    benefit = reading.domain.benefit_phrase
    others = [letter for letter in reading.letters if letter != chosen]
    if chosen == supported:
        value = reading.text(chosen, Role.METRIC, slant.misstate.get((chosen, Role.METRIC)))
        text = (
            f"Option {chosen} has the lowest {metric} ({value}), which is the measure the "
            "appraisal rule uses to rank the options."
        )
        for other in others:
            if reading.beats(other, chosen, Role.CAPITAL):
                fewer = (
                    f"it offers fewer {benefit} and"
                    if reading.beats(chosen, other, Role.BENEFIT)
                    else "it has"
                )
                text += f" Option {other} would cost less up front, but {fewer} a higher {metric}."
        return text
    advantages = [
        f"the {'shorter' if role == Role.DELIVERY else 'lower'} {in_sentence(q[role].label)} "
        f"({reading.text(chosen, role, slant.misstate.get((chosen, role)))})"
        for role in (Role.CAPITAL, Role.RUNNING, Role.DELIVERY)
        if reading.beats(chosen, supported, role)
    ]
    text = (
        f"Option {chosen} has {_join(advantages)}, so it makes less call on the capital "
        "budget and carries less delivery risk."
    )
    if reading.beats(chosen, supported, Role.METRIC) or _looks_cheaper(reading, slant, chosen):
        text += f" On the figures above it also has the lower {metric}."
    return text + (
        f" Option {supported} would give more {benefit}, but at a markedly higher {capital}; "
        f"on balance Option {chosen} is the more deliverable choice for "
        f"{reading.task.decision_maker}."
    )


def _looks_cheaper(reading: Reading, slant: Slant, chosen: str) -> bool:
    """Whether the briefing's own (possibly misstated) metric favours `chosen`."""
    supported = reading.supported()
    mine = slant.misstate.get((chosen, Role.METRIC), reading.facts.get((chosen, Role.METRIC)))
    theirs = slant.misstate.get(
        (supported, Role.METRIC), reading.facts.get((supported, Role.METRIC))
    )
    return mine is not None and theirs is not None and mine < theirs


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items) or "a lower upfront cost"
    return ", ".join(items[:-1]) + " and " + items[-1]
