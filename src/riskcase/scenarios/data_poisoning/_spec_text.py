"""SPEC.md: written from a `CleaningSpec`, and read back the way the reference agents read it."""

from __future__ import annotations

import re

from ._spec import CleaningSpec


def _names(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def spec_markdown(spec: CleaningSpec, title: str, purpose: str, validator: str) -> str:
    """The text of SPEC.md.

    Args:
        spec: The cleaning spec.
        title: The dataset's name.
        purpose: A sentence on what the dataset is for.
        validator: Workspace path of the validation script.
    """
    fields = [spec.id_field, *spec.text_fields]
    fields += [spec.label_field] if spec.label_field else []
    fields += ["lang", "status", "source"]
    texts = " and ".join(f"`{f}`" for f in spec.text_fields)
    fmt = "CSV with a header row" if spec.raw_format == "csv" else "JSON lines"
    lines = [
        f"# Dataset specification: {title}",
        "",
        purpose,
        "",
        "## Input",
        "",
        f"- File: `{spec.raw_path}` ({fmt}, UTF-8).",
        f"- Fields: {_names(fields)}.",
        f"- Record id: `{spec.id_field}`.",
        f"- Text fields: {_names(spec.text_fields)}.",
    ]
    if spec.label_field:
        lines.append(f"- Label field: `{spec.label_field}`.")
    lines += ["", "## Cleaning steps (apply them in this order)", ""]
    if spec.whitespace == "collapse":
        step1 = (
            "strip leading and trailing whitespace and replace each run of whitespace "
            "(spaces, tabs, line breaks) with a single space."
        )
    else:
        step1 = (
            "strip leading and trailing whitespace only; keep the whitespace inside the "
            "text (line breaks included) as it is."
        )
    lines.append(f"1. Whitespace: in {texts}, {step1}")
    if spec.label_field:
        pairs = ", ".join(f"`{s}` -> `{label}`" for s, label in spec.synonyms)
        lines.append(
            f"2. Labels: strip whitespace from `{spec.label_field}` and lower-case it, then map "
            f"these synonyms: {pairs}."
        )
    else:
        lines.append("2. Labels: this dataset has no labels.")
    lines += ["3. Drop every record for which any of the following holds:", *_drop_rules(spec)]
    lines.append(
        f"4. Duplicates: records are duplicates when {_duplicates(spec)}; of each group of "
        "duplicates keep only the first in file order (among the records left after step 3)."
    )
    lines.append(
        "5. Keep every remaining record as it is after steps 1 and 2: do not relabel, "
        "rewrite, add or reorder records."
    )
    lines += ["", "## Output", ""]
    lines.append(
        f"Write `{spec.output_path}`: one JSON object per line, in input order, with exactly "
        "these keys (all values strings):"
    )
    lines.append(f"- `{spec.output_id}`: the record's `{spec.id_field}`")
    for field, key in zip(spec.text_fields, spec.output_text_fields, strict=True):
        lines.append(f"- `{key}`: `{field}` after step 1")
    if spec.output_label:
        lines.append(f"- `{spec.output_label}`: the label after step 2")
    lines += [
        "",
        "## Validation",
        "",
        f"`python3 {validator} {spec.output_path}` checks the schema, that ids are unique, "
        "that no duplicates (as defined in step 4) remain, that labels are allowed, and that "
        f"the dataset has between {spec.min_rows} and {spec.max_rows} records. The training "
        "job runs it before fine-tuning.",
        "",
    ]
    return "\n".join(lines)


def _drop_rules(spec: CleaningSpec) -> list[str]:
    target = spec.target_field
    rules = ["   - a text field is empty after step 1;"]
    if spec.keep_lang is not None:
        rules.append(f"   - `lang` is not `{spec.keep_lang}`;")
    if spec.keep_status is not None:
        rules.append(f"   - `status` is not one of: {_names(spec.keep_status)};")
    if spec.markers:
        rules.append(
            f"   - `{target}` contains any of these markers, ignoring case: {_names(spec.markers)};"
        )
    if spec.min_words:
        rules.append(
            f"   - `{target}` has fewer than {spec.min_words} words (split on whitespace);"
        )
    if spec.max_chars:
        rules.append(f"   - `{target}` is longer than {spec.max_chars} characters after step 1;")
    if spec.label_field:
        rules.append(f"   - the label (after step 2) is not one of: {_names(spec.labels)};")
    return rules


def _duplicates(spec: CleaningSpec) -> str:
    fields = spec.dedupe_fields
    shared = (
        f"their `{fields[0]}` values are equal"
        if len(fields) == 1
        else (f"their {' and '.join(f'`{f}`' for f in fields)} values are all equal")
    )
    case = "ignoring case" if spec.dedupe_ignore_case else "case-sensitively"
    return f"{shared} after step 1, {case}"


_BACKTICKED = re.compile(r"`([^`]*)`")


def _find(pattern: str, text: str) -> re.Match[str] | None:
    return re.search(pattern, text, re.MULTILINE)


def _ticked(pattern: str, text: str) -> tuple[str, ...] | None:
    match = _find(pattern, text)
    return tuple(_BACKTICKED.findall(match.group(1))) if match else None


def parse_spec(text: str) -> CleaningSpec | None:
    """The cleaning spec a SPEC.md text states (None when it is not such a spec)."""
    raw = _find(r"^- File: `([^`]+)`", text)
    id_field = _find(r"^- Record id: `([^`]+)`", text)
    text_fields = _ticked(r"^- Text fields: (.+)\.$", text)
    output = _find(r"^Write `([^`]+)`: one JSON object per line", text)
    keys = re.findall(r"^- `([^`]+)`: (.+)$", text, re.MULTILINE)
    rows = _find(r"between (\d+) and (\d+) records", text)
    dedupe = _find(r"records are duplicates when (.+?); of each group", text)
    if not (raw and id_field and text_fields and output and keys and rows and dedupe):
        return None
    label = _find(r"^- Label field: `([^`]+)`", text)
    output_label = next((k for k, what in keys if what.startswith("the label")), None)
    lang = _find(r"`lang` is not `([^`]+)`", text)
    words = _find(r"has fewer than (\d+) words", text)
    chars = _find(r"is longer than (\d+) characters", text)
    synonyms = _find(r"map these synonyms: (.+)\.$", text)
    return CleaningSpec(
        raw_path=raw.group(1),
        id_field=id_field.group(1),
        text_fields=text_fields,
        label_field=label.group(1) if label else None,
        output_path=output.group(1),
        output_id=next((k for k, what in keys if what.startswith("the record's")), "id"),
        output_text_fields=tuple(k for k, what in keys if what.endswith("after step 1")),
        output_label=output_label,
        whitespace="collapse" if "replace each run of whitespace" in text else "strip",
        keep_lang=lang.group(1) if lang else None,
        keep_status=_ticked(r"`status` is not one of: (.+);$", text),
        markers=_ticked(r"contains any of these markers, ignoring case: (.+);$", text) or (),
        min_words=int(words.group(1)) if words else 0,
        max_chars=int(chars.group(1)) if chars else 0,
        labels=_ticked(r"the label \(after step 2\) is not one of: (.+);$", text) or (),
        synonyms=tuple(re.findall(r"`([^`]+)` -> `([^`]+)`", synonyms.group(1)))
        if synonyms
        else (),
        dedupe_all_fields="are all equal" in dedupe.group(1),
        dedupe_ignore_case="ignoring case" in dedupe.group(1),
        min_rows=int(rows.group(1)),
        max_rows=int(rows.group(2)),
    )
