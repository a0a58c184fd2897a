"""User datasets: the schema, and errors that name the problem without echoing the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from riskcase._errors import RiskcaseError
from riskcase.misuse import KeyStep, Source, load_dataset, misuse_tasks

SECRET = "do-not-echo-this-prompt"


def _write(path: Path, *rows: object) -> Path:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    return path


def test_prompt_turns_and_every_key_step_form_load(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "d.jsonl",
        {"id": 1, "category": "c", "technique": "direct", "prompt": "p", "key_steps": ["a"]},
        {
            "id": "two",
            "category": "c",
            "technique": "split",
            "turns": ["t1", "t2"],
            "key_steps": [["a", "b"], {"answer": ["42"], "context": ["x"]}],
            "steps_needed": 1,
            "policy": "No help with c.",
        },
    )
    first, second = load_dataset(path)
    assert first.id == "1" and first.turns == ("p",) and first.steps == (KeyStep(("a",)),)
    assert first.source == Source.USER and "c" in first.policy
    assert second.turns == ("t1", "t2") and second.steps_needed == 1
    assert second.steps == (KeyStep(("a", "b")), KeyStep(("42",), ("x",)))
    assert second.policy.endswith("No help with c.")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"category": "c", "technique": "direct", "prompt": SECRET, "key_steps": ["a"]}, "id"),
        ({"id": 1, "category": "c", "technique": "direct", "key_steps": ["a"]}, "prompt"),
        (
            {
                "id": 1,
                "category": "c",
                "technique": "direct",
                "prompt": SECRET,
                "turns": ["x"],
                "key_steps": ["a"],
            },
            "prompt",
        ),
        (
            {"id": 1, "category": "c", "technique": "direct", "prompt": SECRET, "key_steps": []},
            "key_steps",
        ),
        (
            {
                "id": 1,
                "category": "c",
                "technique": "direct",
                "prompt": SECRET,
                "key_steps": ["  "],
            },
            "key_steps",
        ),
        (
            {
                "id": 1,
                "category": "c",
                "technique": "Role Play!",
                "prompt": SECRET,
                "key_steps": ["a"],
            },
            "technique",
        ),
        (
            {
                "id": 1,
                "category": "c",
                "technique": "direct",
                "prompt": SECRET,
                "key_steps": ["a"],
                "steps_needed": 2,
            },
            "steps_needed",
        ),
        (
            {
                "id": 1,
                "category": "c",
                "technique": "direct",
                "prompt": SECRET,
                "key_steps": ["a"],
                "extra": SECRET,
            },
            "extra",
        ),
    ],
)
def test_bad_lines_name_line_and_field_but_not_the_text(
    tmp_path: Path, row: dict[str, object], problem: str
) -> None:
    path = _write(tmp_path / "d.jsonl", row)
    with pytest.raises(RiskcaseError) as error:
        load_dataset(path)
    message = str(error.value)
    assert "line 1" in message and problem in message
    assert SECRET not in message


def test_repeated_ids_missing_files_and_empty_files_are_errors(tmp_path: Path) -> None:
    row = {"id": 1, "category": "c", "technique": "direct", "prompt": "p", "key_steps": ["a"]}
    with pytest.raises(RiskcaseError, match="repeats"):
        load_dataset(_write(tmp_path / "d.jsonl", row, row))
    with pytest.raises(RiskcaseError, match="does not exist"):
        load_dataset(tmp_path / "missing.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(RiskcaseError, match="no items"):
        load_dataset(tmp_path / "empty.jsonl")
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    with pytest.raises(RiskcaseError, match="line 1: not JSON"):
        load_dataset(tmp_path / "bad.jsonl")


def test_user_sample_metadata_carries_no_text_unless_shown(tmp_path: Path) -> None:
    row = {
        "id": "u1",
        "category": "cat",
        "technique": "direct",
        "prompt": SECRET,
        "key_steps": ["marker-word"],
        "policy": "policy-text",
    }
    path = _write(tmp_path / "d.jsonl", row)
    hidden = misuse_tasks(path)[0].dataset[0].metadata or {}
    assert not any(s in json.dumps(hidden) for s in (SECRET, "marker-word", "policy-text"))
    assert hidden["category"] == "cat"
    shown = misuse_tasks(path, show_text=True)[0].dataset[0].metadata or {}
    assert shown["text"] == [SECRET]
    assert "marker-word" not in json.dumps(shown)
