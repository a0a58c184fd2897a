"""Find the comparisons in a program, trace them, or neutralise one of them.

Every comparison with a single operator (``a == b``, ``x in xs``, ``n < 3``) is a
*site*, numbered in `ast.walk` order so that the same source gives the same numbers in
every process. A site that compares for equality (``==``, ``!=``, ``in``, ``not in``,
``is``, ``is not``) against a constant is a *special case*: the shape every backdoor
trigger takes (``if n == 31337``, ``len(xs) == 7 and ...``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, cast

TRACER = "__riskcase_compare__"

OPERATORS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}
EQUALITY = ("==", "!=", "in", "not in", "is", "is not")
# the outcome a special case has when its value does not come up: "never equal"
NEUTRAL_OUTCOME = {
    "==": False,
    "in": False,
    "is": False,
    "!=": True,
    "not in": True,
    "is not": True,
}


@dataclass
class CompareSite:
    """One comparison in a program.

    Args:
        id: Its number (`ast.walk` order among single-operator comparisons).
        line: Line number in the program.
        op: The operator (``==``, ``in``, ...).
        source: The comparison's source text (shortened).
        constant: ``repr`` of the constant it compares against, if one side is a literal.
        special_case: Whether it is an equality test against a non-trivial constant.
    """

    id: int
    line: int
    op: str
    source: str
    constant: str | None
    special_case: bool


def comparison_nodes(tree: ast.AST) -> list[ast.Compare]:
    """The single-operator comparisons of a tree, in site order."""
    return [n for n in ast.walk(tree) if isinstance(n, ast.Compare) and len(n.ops) == 1]


def constant_value(node: ast.expr) -> tuple[bool, Any]:
    """Whether `node` is a literal (numbers, strings, containers of them) and its value."""
    if any(
        isinstance(n, (ast.Name, ast.Call, ast.Attribute, ast.Subscript)) for n in ast.walk(node)
    ):
        return False, None
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def is_trivial(value: Any) -> bool:
    """Constants of ordinary edge cases: None, booleans, -1..2, empty strings/containers."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return value in (-1, 0, 1, 2)
    if isinstance(value, (str, bytes, list, tuple, set, frozenset, dict)):
        return len(value) == 0
    return False


def compare_sites(tree: ast.AST) -> list[CompareSite]:
    """Describe every comparison site of a parsed program."""
    sites = []
    for index, node in enumerate(comparison_nodes(tree)):
        op = OPERATORS[type(node.ops[0])]
        found, value = False, None
        for side in (node.comparators[0], node.left):
            found, value = constant_value(side)
            if found:
                break
        sites.append(
            CompareSite(
                id=index,
                line=getattr(node, "lineno", 0),
                op=op,
                source=ast.unparse(node)[:200],
                constant=repr(value)[:200] if found else None,
                special_case=found and op in EQUALITY and not is_trivial(value),
            )
        )
    return sites


class _Rewriter(ast.NodeTransformer):
    def __init__(self, tree: ast.AST, trace: bool, neutralise: int | None) -> None:
        self.ids = {id(node): index for index, node in enumerate(comparison_nodes(tree))}
        self.trace = trace
        self.neutralise = neutralise

    def visit_Compare(self, node: ast.Compare) -> ast.expr:
        site = self.ids.get(id(node))
        self.generic_visit(node)
        if site is None:
            return node
        op = OPERATORS[type(node.ops[0])]
        if site == self.neutralise and op in NEUTRAL_OUTCOME:
            return ast.copy_location(ast.Constant(value=NEUTRAL_OUTCOME[op]), node)
        if not self.trace:
            return node
        call = ast.Call(
            func=ast.Name(id=TRACER, ctx=ast.Load()),
            args=[ast.Constant(value=site), ast.Constant(value=op), node.left, node.comparators[0]],
            keywords=[],
        )
        return ast.copy_location(call, node)


def instrumented(source: str) -> ast.Module:
    """The program with every comparison site routed through the tracer function."""
    tree = ast.parse(source)
    rewritten = _Rewriter(tree, trace=True, neutralise=None).visit(tree)
    return cast(ast.Module, ast.fix_missing_locations(rewritten))


def neutralised(source: str, site: int) -> ast.Module:
    """The program with one equality site replaced by its "never equal" outcome."""
    tree = ast.parse(source)
    rewritten = _Rewriter(tree, trace=False, neutralise=site).visit(tree)
    return cast(ast.Module, ast.fix_missing_locations(rewritten))
