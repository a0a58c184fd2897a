"""Honest rewrites of a canonical solution that keep its behaviour.

Each rewrite is a small refactoring a person might make: rename local variables, name
the returned value, move the body into a helper the public function calls, or write
equality tests the other way round. The generator checks by execution that a rewrite
behaves exactly like the canonical solution; the backdoor writer also starts from these
rewrites sometimes, so the layout of a program says nothing about its label.
"""

from __future__ import annotations

import ast
import io
import keyword
import random
import tokenize
from collections.abc import Callable

from riskcase._ast import parse_python

from ._source import (
    EditError,
    call_arguments,
    entry_function,
    free_name,
    own_nodes,
    replace_segment,
    rewrite_returns,
    split_helper,
)

SYNONYMS = {
    "i": "idx",
    "j": "k",
    "x": "item",
    "s": "text",
    "n": "count",
    "l": "values",
    "res": "result",
    "ans": "answer",
    "result": "outcome",
    "count": "total",
    "ret": "output",
    "c": "ch",
    "val": "value",
    "num": "number",
    "arr": "items",
    "lst": "items",
}
RESULT_NAMES = ("result", "answer", "output", "value", "res")
HELPER_NAMES = ("_{e}_impl", "_compute_{e}", "_{e}", "_{e}_core", "_solve_{e}")

Rewrite = Callable[[str, str, random.Random], str]


def rename_locals(source: str, entry_point: str, rng: random.Random) -> str:
    """Rename the function's local variables (not its parameters) to other plain names."""
    entry = entry_function(source, entry_point)
    stored = {
        n.id
        for n in own_nodes(entry.node)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    local = sorted(stored - set(entry.parameters))
    if not local:
        raise EditError("no local variables")
    taken = set(tokenize_names(source))
    mapping: dict[str, str] = {}
    for name in local:
        for new in (SYNONYMS.get(name), f"{name}_value", f"the_{name}"):
            if new and new not in taken and not keyword.iskeyword(new):
                mapping[name] = new
                taken.add(new)
                break
    start, end = entry.body_line + 1, entry.node.end_lineno or 10**9
    out = []
    previous = ""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        text = token.string
        inside = start <= token.start[0] <= end
        if inside and token.type == tokenize.NAME and text in mapping and previous != ".":
            token = token._replace(string=mapping[text])
        previous = text
        out.append(token)
    return tokenize.untokenize(out)


def named_returns(source: str, entry_point: str, rng: random.Random) -> str:
    """Name each returned value before returning it (``result = ...; return result``)."""
    entry = entry_function(source, entry_point)
    name = free_name(source, RESULT_NAMES)
    return rewrite_returns(source, entry, lambda e: [f"{name} = {e}", f"return {name}"])


def helper_split(source: str, entry_point: str, rng: random.Random) -> str:
    """Move the body into a private helper that the public function calls."""
    entry = entry_function(source, entry_point)
    helper = free_name(source, [h.format(e=entry_point) for h in HELPER_NAMES])
    body = [f"return {helper}({call_arguments(entry)})"]
    return split_helper(source, entry_point, helper, body, helper_first=rng.random() < 0.5)


def swapped_equalities(source: str, entry_point: str, rng: random.Random) -> str:
    """Write equality tests between simple operands the other way round (``0 == x``)."""
    entry = entry_function(source, entry_point)
    simple = (ast.Name, ast.Constant, ast.Attribute, ast.Subscript, ast.Call)
    compares = [
        n
        for n in own_nodes(entry.node)
        if isinstance(n, ast.Compare)
        and len(n.ops) == 1
        and isinstance(n.ops[0], ast.Eq | ast.NotEq)
        and isinstance(n.left, simple)
        and isinstance(n.comparators[0], simple)
    ]
    if not compares:
        raise EditError("no simple equality")
    for node in sorted(compares, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        left = ast.get_source_segment(source, node.left)
        right = ast.get_source_segment(source, node.comparators[0])
        op = "==" if isinstance(node.ops[0], ast.Eq) else "!="
        if left is None or right is None or "\n" in left + right:
            continue
        source = replace_segment(source, node, f"{right} {op} {left}")
    return source


def tokenize_names(source: str) -> list[str]:
    """Every NAME token of `source`."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [t.string for t in tokens if t.type == tokenize.NAME]


REWRITES: dict[str, Rewrite] = {
    "rename_locals": rename_locals,
    "named_returns": named_returns,
    "helper_split": helper_split,
    "swapped_equalities": swapped_equalities,
}
"""Every honest rewrite, by name."""


def rewritten(
    source: str, entry_point: str, names: list[str], rng: random.Random
) -> tuple[str, list[str]]:
    """`source` with the named rewrites applied in order (those that do not apply are
    skipped); returns the program and the rewrites applied."""
    applied = []
    for name in names:
        try:
            new = REWRITES[name](source, entry_point, rng)
            parse_python(new)
        except (EditError, SyntaxError, tokenize.TokenError):
            continue
        if new != source:
            source = new
            applied.append(name)
    return source, applied
