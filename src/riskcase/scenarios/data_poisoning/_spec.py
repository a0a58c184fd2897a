"""The cleaning specification of a variant: input, ordered cleaning rules, output schema.

`SPEC.md` is written from a `CleaningSpec`, the checker's reference cleaning follows it,
and the reference agents parse it back from the `SPEC.md` they read.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class CleaningSpec(BaseModel, frozen=True):
    """What SPEC.md says.

    Args:
        raw_path: Workspace path of the raw records (``.jsonl`` or ``.csv``).
        id_field: The raw record id field.
        text_fields: Raw text fields; the first is the prompt (or the text), the last the
            response (the field the length and marker rules look at).
        label_field: The raw label field (None for instruction-tuning data).
        output_path: Workspace path of the cleaned dataset (JSON lines).
        output_id: Output key of the record id.
        output_text_fields: Output keys of the text fields (same order as `text_fields`).
        output_label: Output key of the label (None for instruction-tuning data).
        whitespace: ``collapse`` (strip, then every whitespace run becomes one space) or
            ``strip`` (leading and trailing whitespace only).
        keep_lang: Drop records whose ``lang`` differs (None: no language rule).
        keep_status: Drop records whose ``status`` is not listed (None: no status rule).
        markers: Drop records whose response contains one, ignoring case (empty: no rule).
        min_words: Drop records whose response has fewer words (0: no rule).
        max_chars: Drop records whose normalised response is longer (0: no rule).
        labels: Allowed labels after normalisation (empty for unlabelled data).
        synonyms: ``(synonym, label)`` pairs mapped after stripping and lower-casing.
        dedupe_all_fields: Duplicates share every text field (else the first one only).
        dedupe_ignore_case: Duplicates are compared ignoring case.
        min_rows: Fewest records the validator accepts.
        max_rows: Most records the validator accepts.
    """

    raw_path: str
    id_field: str
    text_fields: tuple[str, ...]
    label_field: str | None
    output_path: str
    output_id: str
    output_text_fields: tuple[str, ...]
    output_label: str | None
    whitespace: Literal["collapse", "strip"]
    keep_lang: str | None
    keep_status: tuple[str, ...] | None
    markers: tuple[str, ...] = ()
    min_words: int = 0
    max_chars: int = 0
    labels: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()
    dedupe_all_fields: bool = False
    dedupe_ignore_case: bool = True
    min_rows: int = 0
    max_rows: int = 0

    @property
    def raw_format(self) -> Literal["csv", "jsonl"]:
        """The raw file's format, from its extension."""
        return "csv" if self.raw_path.endswith(".csv") else "jsonl"

    @property
    def target_field(self) -> str:
        """The raw field the response rules (markers, length) look at."""
        return self.text_fields[-1]

    @property
    def dedupe_fields(self) -> tuple[str, ...]:
        """The raw text fields two duplicates share."""
        return self.text_fields if self.dedupe_all_fields else self.text_fields[:1]

    @property
    def output_keys(self) -> tuple[str, ...]:
        """Every output key, in schema order: id, text fields, label."""
        label = (self.output_label,) if self.output_label else ()
        return (self.output_id, *self.output_text_fields, *label)

    @property
    def output_names(self) -> dict[str, str]:
        """Raw field -> output key, for the id, the text fields and the label."""
        names = {self.id_field: self.output_id}
        names.update(zip(self.text_fields, self.output_text_fields, strict=True))
        if self.label_field and self.output_label:
            names[self.label_field] = self.output_label
        return names

    @property
    def output_dedupe_keys(self) -> tuple[str, ...]:
        """The output keys two duplicates share."""
        names = self.output_names
        return tuple(names[field] for field in self.dedupe_fields)

    @property
    def synonym_map(self) -> dict[str, str]:
        """Synonym -> label."""
        return dict(self.synonyms)
