"""Small random edits of function inputs, kept within the size of the known inputs."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ValuePool:
    """Values a mutation may insert: leaves of the known inputs and the code's constants."""

    ints: list[int] = field(default_factory=list)
    floats: list[float] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    chars: str = ""
    int_bound: int = 1000
    length_bound: int = 20

    @staticmethod
    def from_values(inputs: list[tuple[Any, ...]], constants: list[Any]) -> ValuePool:
        """A pool from example inputs (their leaves) and constants found in the code."""
        pool = ValuePool()
        leaves: list[Any] = []
        for args in inputs:
            _leaves(args, leaves)
        lengths = [len(v) for v in leaves if isinstance(v, str)] + _container_lengths(inputs)
        for value in leaves + constants:
            if isinstance(value, bool):
                continue
            if isinstance(value, int):
                pool.ints.append(value)
            elif isinstance(value, float):
                pool.floats.append(value)
            elif isinstance(value, str):
                pool.strings.append(value)
        biggest = max((abs(v) for v in pool.ints), default=0)
        pool.int_bound = max(1000, 4 * biggest)
        pool.length_bound = max(20, 2 * max(lengths, default=0) + 4)
        chars = "".join(sorted(set("".join(pool.strings))))
        pool.chars = chars + chars + string.ascii_lowercase + "Z0 "
        return pool


class Mutator:
    """Applies one random edit to an argument tuple (the number of arguments is kept)."""

    def __init__(self, rng: random.Random, pool: ValuePool) -> None:
        self.rng = rng
        self.pool = pool

    def mutate_args(self, args: tuple[Any, ...]) -> tuple[Any, ...]:
        """A copy of `args` with one argument edited."""
        if not args:
            return args
        index = self.rng.randrange(len(args))
        edited = list(args)
        edited[index] = self.mutate(args[index])
        return tuple(edited)

    def mutate(self, value: Any) -> Any:
        """An edited copy of one value (dispatching on its type)."""
        if isinstance(value, bool):
            return not value
        if isinstance(value, int):
            return self._int(value)
        if isinstance(value, float):
            return self._float(value)
        if isinstance(value, str):
            return self._str(value)
        if isinstance(value, (list, tuple)):
            items = self._sequence(list(value))
            return tuple(items) if isinstance(value, tuple) else items
        if isinstance(value, dict):
            return self._dict(dict(value))
        return value

    def _int(self, value: int) -> int:
        rng, bound = self.rng, self.pool.int_bound
        choice = rng.randrange(9)
        if choice == 0:
            new = value + rng.choice((-1, 1))
        elif choice == 1:
            new = value + rng.choice((-1, 1)) * rng.randint(2, 10)
        elif choice == 2:
            new = -value
        elif choice == 3:
            new = value * rng.choice((2, 10))
        elif choice == 4:
            new = value // rng.choice((2, 10))
        elif choice == 5 and self.pool.ints:
            new = rng.choice(self.pool.ints) + rng.choice((-1, 0, 0, 1))
        elif choice == 6:
            new = value + rng.choice((-1, 1)) * rng.randint(11, 100)
        else:
            new = value + rng.choice((-1, 1))
        return max(-bound, min(bound, new))

    def _float(self, value: float) -> float:
        rng = self.rng
        choice = rng.randrange(5)
        if choice == 0:
            return value + rng.choice((-1.0, -0.5, 0.5, 1.0))
        if choice == 1:
            return -value
        if choice == 2 and self.pool.floats:
            return rng.choice(self.pool.floats)
        if choice == 3:
            return float(self._int(int(value)))
        return round(value + rng.uniform(-2, 2), 2)

    def _str(self, value: str) -> str:
        rng, pool = self.rng, self.pool
        if " " in value.strip() and rng.random() < 0.6:
            return self._words(value.split(" "))[: pool.length_bound * 2]
        chars = list(value)
        choice = rng.randrange(8)
        if choice == 0 and chars:
            chars[rng.randrange(len(chars))] = rng.choice(pool.chars)
        elif choice == 1 and len(chars) < pool.length_bound:
            chars.insert(rng.randint(0, len(chars)), rng.choice(pool.chars))
        elif choice == 2 and chars:
            del chars[rng.randrange(len(chars))]
        elif choice == 3 and chars:
            i = rng.randrange(len(chars))
            chars[i] = chars[i].swapcase()
        elif choice == 4 and pool.strings:
            return rng.choice(pool.strings)
        elif choice == 5 and chars and len(chars) < pool.length_bound:
            i = rng.randrange(len(chars))
            chars.insert(i, chars[i])
        elif choice == 6 and len(chars) > 1:
            i, j = rng.randrange(len(chars)), rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        else:
            chars.append(rng.choice(pool.chars))
        return "".join(chars)[: pool.length_bound]

    def _words(self, words: list[str]) -> str:
        """Word-level edits of a sentence: duplicate, drop, swap or edit one word."""
        rng = self.rng
        i = rng.randrange(len(words))
        choice = rng.randrange(7)
        if choice < 2:
            words.insert(rng.randint(0, len(words)), words[i])
        elif choice < 4 and len(words) > 1:
            del words[i]
        elif choice < 6:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        else:
            words[i] = self._str(words[i]) if words[i] else rng.choice(self.pool.chars)
        return " ".join(words)

    def _sequence(self, items: list[Any]) -> list[Any]:
        rng = self.rng
        choice = rng.random()
        if items and choice < 0.5:
            i = rng.randrange(len(items))
            items[i] = self.mutate(items[i])
        elif choice < 0.75 and len(items) < self.pool.length_bound:
            items.insert(rng.randint(0, len(items)), self._new_item(items))
        elif items and choice < 0.95:
            del items[rng.randrange(len(items))]
        elif len(items) > 1:
            i, j = rng.randrange(len(items)), rng.randrange(len(items))
            items[i], items[j] = items[j], items[i]
        return items

    def _new_item(self, items: list[Any]) -> Any:
        if items:
            template = self.rng.choice(items)
            return self.mutate(template) if self.rng.random() < 0.7 else template
        pools: list[list[Any]] = [p for p in (self.pool.ints, self.pool.strings) if p]
        return self.rng.choice(self.rng.choice(pools)) if pools else 0

    def _dict(self, mapping: dict[Any, Any]) -> dict[Any, Any]:
        rng = self.rng
        keys = list(mapping)
        choice = rng.randrange(3)
        if keys and choice == 0:
            key = rng.choice(keys)
            mapping[key] = self.mutate(mapping[key])
        elif keys and choice == 1:
            del mapping[rng.choice(keys)]
        elif keys:
            key = rng.choice(keys)
            mapping[self.mutate(key)] = mapping[key]
        return mapping


def _leaves(value: Any, out: list[Any]) -> None:
    if isinstance(value, (list, tuple, set)):
        for item in value:
            _leaves(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _leaves(key, out)
            _leaves(item, out)
    else:
        out.append(value)


def _container_lengths(inputs: list[tuple[Any, ...]]) -> list[int]:
    return [len(arg) for args in inputs for arg in args if isinstance(arg, (list, tuple, dict))]
