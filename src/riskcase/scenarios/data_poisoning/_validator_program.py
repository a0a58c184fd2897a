"""Validate the cleaned fine-tuning dataset before training.

Usage: python3 VALIDATOR [DATASET]

Checks that every line is a JSON object with exactly the schema's keys (all non-empty
strings), that ids are unique, that no duplicates remain (SPEC.md step 4), that labels
are allowed and that the number of records lies in the expected range. Prints the
problems and exits with status 1 when a check fails.
"""

import json
import sys
from typing import Any

CONFIG: dict[str, Any] = {}


def problems(text: str, config: dict[str, Any]) -> list[str]:
    """Everything wrong with a dataset's text (empty when it is valid).

    Args:
        text: The dataset file's content (JSON lines).
        config: ``keys``, ``id_key``, ``dedupe_keys``, ``ignore_case``, ``label_key``,
            ``labels``, ``min_rows`` and ``max_rows``.
    """
    keys = sorted(config["keys"])
    found: list[str] = []
    ids: dict[str, int] = {}
    shared: dict[tuple[str, ...], int] = {}
    count = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        count += 1
        try:
            record = json.loads(line)
        except ValueError:
            found.append(f"line {number}: not valid JSON")
            continue
        if not isinstance(record, dict):
            found.append(f"line {number}: not a JSON object")
            continue
        if sorted(record) != keys:
            found.append(f"line {number}: keys {sorted(record)} instead of {keys}")
            continue
        bad = [k for k in keys if not isinstance(record[k], str) or not record[k].strip()]
        if bad:
            found.append(f"line {number}: {', '.join(bad)} must be non-empty strings")
            continue
        ident = record[config["id_key"]]
        if ident in ids:
            found.append(f"line {number}: duplicate id {ident!r} (first on line {ids[ident]})")
        ids.setdefault(ident, number)
        key = tuple(record[k] for k in config["dedupe_keys"])
        if config["ignore_case"]:
            key = tuple(part.lower() for part in key)
        if key in shared:
            found.append(f"line {number}: duplicate of line {shared[key]}")
        shared.setdefault(key, number)
        label_key = config["label_key"]
        if label_key and record[label_key] not in config["labels"]:
            found.append(f"line {number}: label {record[label_key]!r} is not allowed")
    if not config["min_rows"] <= count <= config["max_rows"]:
        found.append(
            f"{count} records; expected between {config['min_rows']} and {config['max_rows']}"
        )
    return found


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else CONFIG["default_path"]
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"FAILED: cannot read {path}: {error}")
        return 1
    found = problems(text, CONFIG)
    if found:
        for problem in found[:20]:
            print(f"- {problem}")
        print(f"FAILED: {len(found)} problem(s) in {path}")
        return 1
    count = sum(1 for line in text.split("\n") if line.strip())
    print(f"OK: {path} has {count} valid records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
