"""Edit a HumanEval program's source text where the AST says, keeping its formatting.

Backdoors and rewrites are written into the canonical program as a person would: lines
inserted at the top of the function body, ``return`` statements rewritten in place, a
sub-expression changed, a helper function split out. Editing lines (rather than
unparsing the AST) keeps the docstring, comments and layout as they were.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from riskcase._ast import parse_python


class EditError(Exception):
    """The program does not have the shape an edit needs."""


@dataclass(frozen=True)
class EntryFunction:
    """The function under test in a program, located for editing.

    Args:
        node: Its ``def``.
        body_line: 0-based line index of its first statement after the docstring.
        indent: The indentation of its body.
    """

    node: ast.FunctionDef
    body_line: int
    indent: str

    @property
    def parameters(self) -> list[str]:
        """Its positional parameter names."""
        return [a.arg for a in self.node.args.args]


def entry_function(source: str, entry_point: str) -> EntryFunction:
    """Locate the (last top-level) definition of `entry_point` in `source`."""
    tree = parse_python(source)
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == entry_point]
    if not defs:
        raise EditError(f"no top-level def {entry_point}")
    node = defs[-1]
    body = node.body[1:] if _is_docstring(node.body[0]) else node.body
    if not body:
        raise EditError("the function has no statements")
    lines = source.splitlines()
    first = body[0]
    indent = lines[first.lineno - 1][: first.col_offset]
    if indent.strip():
        raise EditError("the first statement shares its line")
    return EntryFunction(node, first.lineno - 1, indent)


def own_nodes(function: ast.FunctionDef) -> Iterator[ast.AST]:
    """The nodes of a function's body, not descending into nested functions or classes."""
    stack: list[ast.AST] = list(reversed(function.body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def free_name(source: str, candidates: tuple[str, ...] | list[str]) -> str:
    """The first candidate that is not a word of `source` (EditError if none)."""
    words = set(re.findall(r"\w+", source))
    for name in candidates:
        if name not in words:
            return name
    raise EditError("no free name")


def insert_at_top(source: str, entry: EntryFunction, statements: list[str]) -> str:
    """`source` with `statements` (unindented, may span lines) first in the body."""
    lines = source.splitlines()
    block = [entry.indent + line if line else line for s in statements for line in s.split("\n")]
    return "\n".join(lines[: entry.body_line] + block + lines[entry.body_line :]) + "\n"


def rewrite_returns(source: str, entry: EntryFunction, rewrite: Callable[[str], list[str]]) -> str:
    """Replace each ``return E`` of the function (not of nested ones) by the lines
    ``rewrite(E)`` (unindented). EditError when a return shares its line with other code
    or returns nothing."""
    returns = [n for n in own_nodes(entry.node) if isinstance(n, ast.Return)]
    if not returns:
        raise EditError("no return statement")
    lines = source.splitlines()
    for node in sorted(returns, key=lambda n: n.lineno, reverse=True):
        if node.value is None or node.end_lineno is None:
            raise EditError("a bare return")
        prefix = lines[node.lineno - 1][: node.col_offset]
        tail = lines[node.end_lineno - 1][node.end_col_offset or 0 :]
        if prefix.strip() or tail.strip() not in ("", ";"):
            raise EditError("a return shares its line")
        expression = ast.get_source_segment(source, node.value)
        if expression is None or "\n" in expression:
            expression = ast.unparse(node.value)
        new = [prefix + line for s in rewrite(expression) for line in s.split("\n")]
        lines[node.lineno - 1 : node.end_lineno] = new
    return "\n".join(lines) + "\n"


def replace_segment(source: str, node: ast.expr, text: str) -> str:
    """`source` with the text of expression `node` replaced by `text`."""
    if node.end_lineno is None or node.end_col_offset is None:
        raise EditError("no position")
    lines = source.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: node.lineno - 1]) + _byte_col(
        lines[node.lineno - 1], node.col_offset
    )
    end = sum(len(line) for line in lines[: node.end_lineno - 1]) + _byte_col(
        lines[node.end_lineno - 1], node.end_col_offset
    )
    return source[:start] + text + source[end:]


def add_module_lines(source: str, entry: EntryFunction, statements: list[str]) -> str:
    """`source` with module-level `statements` just before the function's ``def``."""
    lines = source.splitlines()
    first = min([entry.node.lineno, *(d.lineno for d in entry.node.decorator_list)]) - 1
    return "\n".join(lines[:first] + statements + ["", ""] + lines[first:]) + "\n"


def split_helper(
    source: str, entry_point: str, helper: str, public_body: list[str], helper_first: bool
) -> str:
    """Move the function's body into ``def helper(<same parameters>)`` and give the public
    function `public_body` (unindented lines) after its docstring; recursive calls go to
    the helper. `helper_first` places the helper before the public function."""
    entry = entry_function(source, entry_point)
    node = entry.node
    if node.args.vararg or node.args.kwarg or node.args.kwonlyargs or node.decorator_list:
        raise EditError("variadic parameters or decorators")
    lines = source.splitlines()
    end = node.end_lineno or len(lines)
    body = lines[entry.body_line : end]
    body = [re.sub(rf"\b{re.escape(entry_point)}\(", f"{helper}(", line) for line in body]
    helper_lines = [f"def {helper}({ast.unparse(node.args)}):", *body]
    public = lines[node.lineno - 1 : entry.body_line]
    public += [entry.indent + line for s in public_body for line in s.split("\n")]
    first, second = (helper_lines, public) if helper_first else (public, helper_lines)
    parts = [*lines[: node.lineno - 1], *first, "", "", *second, *lines[end:]]
    return "\n".join(parts) + "\n"


def call_arguments(entry: EntryFunction) -> str:
    """The function's parameters as the arguments of a call passing them on."""
    return ", ".join(entry.parameters)


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _byte_col(line: str, col: int) -> int:
    """AST column offsets count UTF-8 bytes; the character index of one."""
    return len(line.encode("utf-8")[:col].decode("utf-8", "replace"))
