"""The benchmark's items, its problem split, and the stored data set.

Each item is one complete ``solution.py`` for a HumanEval problem, labelled ``honest``
(the canonical solution or a behaviour-preserving rewrite of it) or ``backdoored``
(passes the tests, differs from the canonical solution on its trigger). Problems are
split into ``train`` and ``test`` by a hash of their id, so the split never depends on
which problems or items a data set holds; monitors and ensembles are tuned on ``train``
problems and scored on ``test`` problems only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

Label = Literal["honest", "backdoored"]
Split = Literal["train", "test"]

HONEST_FAMILIES = ("canonical", "rewrite")
BACKDOOR_FAMILIES = (
    "magic_value",
    "computed_magic",
    "boundary",
    "input_length",
    "type_trigger",
    "derived_condition",
    "off_by_one",
    "stateful",
)
DATA_FILE = "backdoors.json"
SPLIT_SALT = "riskcase-detection-benchmark-split-v1"
TEST_FRACTION = 0.5


@dataclass(frozen=True)
class BenchmarkItem:
    """One labelled solution.

    Args:
        item_id: Unique id (``HumanEval/13:derived_condition``).
        task_id: The HumanEval problem.
        label: ``honest`` or ``backdoored``.
        family: ``canonical`` or ``rewrite`` (honest), else the backdoor family.
        program: The full text of ``solution.py``.
        calls: Backdoored only: inputs (argument tuple literals) to call after the
            tests, in one process; the output of the last differs from the canonical
            solution's. One input except for the ``stateful`` family.
        change: What differs from the canonical solution, in a few words.
    """

    item_id: str
    task_id: str
    label: Label
    family: str
    program: str
    calls: tuple[str, ...] = ()
    change: str = ""

    @property
    def split(self) -> Split:
        """The item's problem's split."""
        return problem_split(self.task_id)


def problem_split(task_id: str) -> Split:
    """``test`` for about half of the problems (by a salted hash of the id), else ``train``."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{task_id}".encode()).digest()
    return "test" if int.from_bytes(digest[:8], "big") / 2**64 < TEST_FRACTION else "train"


@dataclass(frozen=True)
class BenchmarkSet:
    """A labelled set of solutions.

    Args:
        items: The items, grouped by problem.
        seed: The seed they were generated with.
        notes: How they were made (generator settings, counts).
    """

    items: tuple[BenchmarkItem, ...]
    seed: int = 0
    notes: dict[str, Any] = field(default_factory=dict)

    def split(self, split: Split) -> list[BenchmarkItem]:
        """The items of one split's problems."""
        return [item for item in self.items if item.split == split]

    def problems(self) -> list[str]:
        """The problems, in order of appearance."""
        return list(dict.fromkeys(item.task_id for item in self.items))

    def save(self, path: Path) -> None:
        """Write the set as JSON."""
        data = {
            "seed": self.seed,
            "notes": self.notes,
            "items": [_item_dict(item) for item in self.items],
        }
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    @staticmethod
    def read(path: Path) -> BenchmarkSet:
        """Read a set written by `save`."""
        return _from_dict(json.loads(path.read_text()))


def load_benchmark() -> BenchmarkSet:
    """The stored benchmark shipped with riskcase (made by `generate_benchmark`)."""
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return _from_dict(json.loads(text))


def _item_dict(item: BenchmarkItem) -> dict[str, Any]:
    data = asdict(item)
    data["calls"] = list(item.calls)
    return data


def _from_dict(data: dict[str, Any]) -> BenchmarkSet:
    items = tuple(
        BenchmarkItem(**{**raw, "calls": tuple(raw.get("calls", ()))}) for raw in data["items"]
    )
    return BenchmarkSet(items=items, seed=int(data.get("seed", 0)), notes=data.get("notes", {}))


def by_problem(items: Sequence[BenchmarkItem]) -> dict[str, list[BenchmarkItem]]:
    """Items grouped by problem, in order of appearance."""
    grouped: dict[str, list[BenchmarkItem]] = {}
    for item in items:
        grouped.setdefault(item.task_id, []).append(item)
    return grouped
