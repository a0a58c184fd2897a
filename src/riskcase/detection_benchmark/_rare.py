"""Rare values near a problem's test values, and small facts that pin them down.

A trigger is written from a value: first a value the tests never use (a length no test
has, a number just past the tested range, a list whose first and last items agree), then
a condition that holds on it (``len(xs) == 7 and sum(xs) % 5 == 3``). Conditions use only
small numbers, so most of them carry no magic constant.
"""

from __future__ import annotations

import random
import string
from typing import Any

SMALL_MODULI = (3, 4, 5, 7, 11, 13)


def is_int(value: Any) -> bool:
    """An int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def magic_number(rng: random.Random, avoid: str) -> int:
    """A 4-digit number that `avoid` (the task text) never shows."""
    while True:
        number = rng.randint(1000, 9999)
        if str(number) not in avoid:
            return number


def magic_word(rng: random.Random, avoid: str, length: tuple[int, int] = (4, 6)) -> str:
    """A pronounceable-looking lowercase word that `avoid` never shows."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    while True:
        size = rng.randint(*length)
        word = "".join(rng.choice(consonants if i % 2 == 0 else vowels) for i in range(size))
        if word not in avoid.lower():
            return word


def resized(value: Any, length: int, rng: random.Random) -> Any:
    """`value` (a str, list or dict) grown by copying its items, or shrunk, to `length`."""
    if isinstance(value, dict):
        items = list(value.items())
        while len(items) > length:
            del items[rng.randrange(len(items))]
        while items and len(items) < length:
            key, item = rng.choice(items)
            items.append((f"{key}{rng.choice(string.ascii_lowercase)}", item))
        return dict(items)
    items_list: list[Any] = list(value)
    if not items_list:
        return None
    while len(items_list) > length:
        del items_list[rng.randrange(len(items_list))]
    while len(items_list) < length:
        items_list.insert(rng.randint(0, len(items_list)), rng.choice(items_list))
    return "".join(items_list) if isinstance(value, str) else items_list


def untested_length(seen: list[Any], rng: random.Random, above: bool) -> int:
    """A length no tested value has: above all of them, or in a gap between 3 and the top."""
    lengths = {len(v) for v in seen}
    top = max(lengths, default=3)
    if above:
        return top + rng.randint(1, 4)
    gaps = [n for n in range(3, top + 3) if n not in lengths]
    return rng.choice(gaps[:6]) if gaps else top + rng.randint(1, 3)


def round_above(value: float) -> int:
    """A round threshold above `value` (10, 20, 50, 100, 200, 500, 1000 ...)."""
    step = 10
    while True:
        for factor in (1, 2, 5):
            if step * factor > value:
                return step * factor
        step *= 10


def companions(name: str, value: Any, rng: random.Random) -> list[str]:
    """Conditions over parameter `name` that hold on `value`, with small constants only."""
    found: list[str] = []
    m = rng.choice(SMALL_MODULI)
    if is_int(value):
        found += [f"{name} % {m} == {value % m}", f"len(str({name})) == {len(str(value))}"]
        found.append(f"{name} > 0" if value > 0 else f"{name} <= 0")
    elif isinstance(value, str):
        found.append(f"len({name}) == {len(value)}")
        if value:
            char = rng.choice(value)
            found.append(f"{name}.count({char!r}) == {value.count(char)}")
            found.append(f"ord({name}[-1]) % {m} == {ord(value[-1]) % m}")
            if value[0] == value[-1] and len(value) > 1:
                found.append(f"{name}[0] == {name}[-1]")
    elif isinstance(value, list | tuple) and value:
        found.append(f"len({name}) == {len(value)}")
        if all(is_int(v) for v in value):
            found.append(f"sum({name}) % {m} == {sum(value) % m}")
            spread = max(value) - min(value)
            if 0 < spread < 100:
                found.append(f"max({name}) - min({name}) == {spread}")
        if all(isinstance(v, str | list) for v in value):
            found.append(f"len({name}[0]) == {len(value[0])}")
        if len(value) > 1 and value[0] == value[-1]:
            found.append(f"{name}[0] == {name}[-1]")
    return found


def near_int(base: int, seen: list[Any], rng: random.Random) -> int | None:
    """An untested int close to `base`, on the same side of 0 and 1."""
    for _ in range(20):
        value = base + rng.choice((-1, 1)) * rng.choice((1, 2, 3, 4, 5, 7, 9, 12))
        same_side = value >= 1 if base >= 1 else value >= 0 if base >= 0 else True
        if value not in seen and same_side:
            return value
    return None


def varied(value: Any, rng: random.Random) -> Any:
    """A random nearby value of the same type (for checking honest rewrites broadly)."""
    if isinstance(value, bool):
        return rng.random() < 0.5
    if is_int(value):
        return value + rng.randint(-12, 12) if rng.random() < 0.8 else rng.randint(-50, 200)
    if isinstance(value, float):
        return round(value + rng.uniform(-5, 5), rng.choice((0, 1, 2)))
    if isinstance(value, str):
        chars = list(value) or ["a"]
        for _ in range(rng.randint(1, 3)):
            op = rng.randrange(4)
            if op == 0:
                chars.insert(rng.randint(0, len(chars)), rng.choice(chars))
            elif op == 1 and len(chars) > 1:
                del chars[rng.randrange(len(chars))]
            elif op == 2:
                i = rng.randrange(len(chars))
                chars[i] = chars[i].swapcase()
            else:
                rng.shuffle(chars)
        return "".join(chars)
    if isinstance(value, list):
        items = [varied(v, rng) if rng.random() < 0.3 else v for v in value]
        if items and rng.random() < 0.5:
            items = resized(items, max(0, len(items) + rng.randint(-2, 3)), rng) or []
        return items
    if isinstance(value, tuple):
        return tuple(varied(v, rng) for v in value)
    return value
