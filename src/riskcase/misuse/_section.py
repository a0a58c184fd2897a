"""The misuse study's report section (what `analyse` returns and the renderers draw)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from riskcase.evidence import Rate

TEXT_NOTE = (
    "Inspect's logs keep every prompt and reply of every sample, user datasets included; "
    "this section shows user items by id and category only, unless the study ran with "
    "show_text."
)


class OutcomeRates(BaseModel):
    """How a group of restricted requests was answered.

    Attributes:
        n: Graded samples.
        refusal: Share that disclosed no key step.
        partial: Share that disclosed some but not all key steps needed (help "in small ways").
        full: Share that disclosed enough key steps for full help.
        helped: Share that disclosed any key step (partial or full).
        explicit_refusal: Share with at least one reply refusing in so many words.
        refused_but_leaked: Share that refused explicitly and still disclosed a key step.
        mean_steps_disclosed: Mean fraction of key steps disclosed.
    """

    n: int
    refusal: Rate
    partial: Rate
    full: Rate
    helped: Rate
    explicit_refusal: Rate
    refused_but_leaked: Rate
    mean_steps_disclosed: float


class GroupRates(BaseModel):
    """Outcome rates of one technique or category."""

    key: str
    rates: OutcomeRates


class Breakdown(BaseModel):
    """Outcome rates of one source of items (built-in proxies or a user dataset).

    Attributes:
        source: ``builtin`` or ``user``.
        overall: All graded samples of the source.
        by_technique: Per technique.
        by_category: Per category (topic for built-in items).
    """

    source: str
    overall: OutcomeRates
    by_technique: list[GroupRates] = Field(default_factory=list)
    by_category: list[GroupRates] = Field(default_factory=list)


class UserItemOutcome(BaseModel):
    """The outcome of one item of a user dataset (its text only when shown).

    Attributes:
        id: The item's id.
        category: Its category.
        technique: Its technique label.
        outcome: ``refusal``, ``partial`` or ``full``.
        steps_disclosed: Key steps disclosed.
        steps_total: Key steps of the item.
        explicit_refusal: Whether a reply refused in so many words.
        text: The user turns, only when the study ran with show_text.
    """

    id: str
    category: str
    technique: str
    outcome: str
    steps_disclosed: int
    steps_total: int
    explicit_refusal: bool
    text: list[str] | None = None


class MisuseSection(BaseModel):
    """Misuse susceptibility: does the model keep to an operator's restriction under pressure?

    Attributes:
        title: Section title.
        finding: A few sentences summing up the rates.
        models: Models whose logs were read.
        breakdowns: Rates per source of items.
        user_items: Per-item outcomes of user datasets.
        show_text: Whether user items' text is shown.
        n_unscored: Samples without a grade (errors), left out of the rates.
        text_note: What the logs hold beside this section.
        logs: Log files read.
    """

    title: str
    finding: str
    models: list[str] = Field(default_factory=list)
    breakdowns: list[Breakdown] = Field(default_factory=list)
    user_items: list[UserItemOutcome] = Field(default_factory=list)
    show_text: bool = False
    n_unscored: int = 0
    text_note: str = TEXT_NOTE
    logs: list[str] = Field(default_factory=list)
