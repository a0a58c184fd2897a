"""The agent's output as typed chunks: prose, shell commands, Python code, file text.

Only text the agent produced becomes a chunk (its messages and tool-call arguments),
never the task prompt or tool results. Code is found where agents put it: the
``python`` tool's ``code``, the ``bash`` tool's command, heredoc bodies
(``cat > f.py <<'EOF'``), ``python3 -c "..."``, ``bash -c "..."``, file text written by
an editor tool, and shell commands passed to ``os.system``/``subprocess``.
"""

from __future__ import annotations

import ast
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from riskcase._ast import parse_python

from ._shell import ShellCommand, parse_commands, split_heredocs
from ._transcript import Transcript, TranscriptEvent

Language = Literal["python", "shell", "text", "prose"]

SHELL_TOOLS = frozenset({"bash", "bash_session", "shell"})
PYTHON_TOOLS = frozenset({"python"})
EDITOR_TOOLS = frozenset({"text_editor", "str_replace_editor", "str_replace_based_edit_tool"})
_SHELL_ARGS = ("command", "cmd", "input")
_EDITOR_TEXT_ARGS = ("file_text", "new_str", "insert_text")
_PYTHON_PROGRAM = re.compile(r"python(\d+(\.\d+)?)?")
_SHELL_PROGRAMS = frozenset({"bash", "sh", "zsh", "dash"})
_SUBPROCESS_CALLS = frozenset(
    {"system", "popen", "run", "call", "check_call", "check_output", "Popen", "getoutput"}
)
_MAX_DEPTH = 4


@dataclass(frozen=True)
class CodeChunk:
    """A piece of agent-produced text, typed by how the rules should read it.

    Args:
        language: ``python`` (code), ``shell`` (a command line without heredoc bodies),
            ``text`` (file content of another kind) or ``prose`` (messages, answers).
        source: The chunk's text.
        message_index: Index in `state.messages` of the message that produced it.
        origin: Where it came from, for evidence (e.g. ``bash heredoc``).
        edited_path: The file an editor tool wrote this text into (editor chunks only).
    """

    language: Language
    source: str
    message_index: int
    origin: str
    edited_path: str | None = None


def agent_chunks(transcript: Transcript) -> list[CodeChunk]:
    """All chunks of the text the agent produced, in transcript order."""
    chunks: list[CodeChunk] = []
    for event in transcript.agent_events:
        if event.kind == "agent_text":
            chunks.append(CodeChunk("prose", event.text, event.message_index, "assistant text"))
        else:
            chunks.extend(_tool_call_chunks(event))
    return chunks


def _tool_call_chunks(event: TranscriptEvent) -> Iterator[CodeChunk]:
    function, args, index = event.function or "", event.arguments, event.message_index
    if function in SHELL_TOOLS:
        for key in _SHELL_ARGS:
            if isinstance(args.get(key), str):
                yield from shell_chunks(args[key], index, f"{function} tool")
    elif function in PYTHON_TOOLS and isinstance(args.get("code"), str):
        yield from python_chunks(args["code"], index, f"{function} tool")
    elif function in EDITOR_TOOLS:
        path = str(args.get("path", ""))
        for key in _EDITOR_TEXT_ARGS:
            text = args.get(key)
            if isinstance(text, str):
                origin = f"{function} {args.get('command', 'edit')} {path}"
                if path.endswith(".py"):
                    yield from python_chunks(text, index, origin, edited_path=path)
                else:
                    language: Language = "shell" if path.endswith(".sh") else "text"
                    yield CodeChunk(language, text, index, origin, edited_path=path)
    else:
        for key, value in args.items():
            if isinstance(value, str) and value.strip():
                yield CodeChunk("prose", value, index, f"{function} tool {key}")


def shell_chunks(text: str, index: int, origin: str, depth: int = 0) -> Iterator[CodeChunk]:
    """The chunks of a shell command: itself, heredoc bodies and embedded code."""
    rest, heredocs = split_heredocs(text)
    yield CodeChunk("shell", rest, index, origin)
    if depth >= _MAX_DEPTH:
        return
    for heredoc in heredocs:
        language = _heredoc_language(parse_commands(heredoc.start_line))
        heredoc_origin = f"{origin} heredoc ({heredoc.start_line.strip()[:60]})"
        if language == "python":
            yield from python_chunks(heredoc.body, index, heredoc_origin, depth=depth + 1)
        elif language == "shell":
            yield from shell_chunks(heredoc.body, index, heredoc_origin, depth + 1)
        else:
            yield CodeChunk("text", heredoc.body, index, heredoc_origin)
    for command in parse_commands(rest):
        embedded = _inline_code(command)
        if embedded is None:
            continue
        language, code = embedded
        if language == "python":
            yield from python_chunks(code, index, f"{origin} python -c", depth=depth + 1)
        else:
            yield from shell_chunks(code, index, f"{origin} {command.program} -c", depth + 1)


def python_chunks(
    code: str, index: int, origin: str, edited_path: str | None = None, depth: int = 0
) -> Iterator[CodeChunk]:
    """The chunks of Python code: itself and shell commands it passes to a subprocess."""
    yield CodeChunk("python", code, index, origin, edited_path)
    if depth >= _MAX_DEPTH:
        return
    for command in _subprocess_commands(code):
        yield from shell_chunks(command, index, f"{origin} subprocess", depth + 1)


def _heredoc_language(commands: list[ShellCommand]) -> Language:
    for command in commands:
        targets = [target for op, target in command.redirects if op in (">", ">>", ">|")]
        if command.program == "tee":
            targets += [word for word in command.argv[1:] if not word.startswith("-")]
        for target in targets:
            if target.endswith(".py"):
                return "python"
            if target.endswith((".sh", ".bash")):
                return "shell"
        if _PYTHON_PROGRAM.fullmatch(command.program):
            return "python"
        if command.program in _SHELL_PROGRAMS:
            return "shell"
    return "text"


def _inline_code(command: ShellCommand) -> tuple[Language, str] | None:
    """The code of ``python -c CODE`` or ``bash -c CODE`` (``-lc`` etc. too)."""
    argv = command.argv
    is_python = bool(_PYTHON_PROGRAM.fullmatch(command.program))
    if not (is_python or command.program in _SHELL_PROGRAMS):
        return None
    for i, word in enumerate(argv[1:-1], start=1):
        if word.startswith("-") and not word.startswith("--") and word.endswith("c"):
            return ("python" if is_python else "shell"), argv[i + 1]
        if not word.startswith("-"):
            return None  # a script file comes before any -c
    return None


def _subprocess_commands(code: str) -> Iterator[str]:
    try:
        tree = parse_python(code)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        if not _is_subprocess_call(node.func):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield first.value
        elif isinstance(first, ast.List | ast.Tuple):
            words = [e.value for e in first.elts if isinstance(e, ast.Constant)]
            if len(words) == len(first.elts) and all(isinstance(w, str) for w in words):
                yield shlex.join(str(w) for w in words)


def _is_subprocess_call(func: ast.expr) -> bool:
    """``os.system``, ``subprocess.run`` and friends (bare ``run``/``call`` are too common)."""
    if isinstance(func, ast.Attribute):
        owner = func.value
        return (
            isinstance(owner, ast.Name)
            and owner.id in ("os", "subprocess", "sp")
            and func.attr in _SUBPROCESS_CALLS
        )
    return isinstance(func, ast.Name) and func.id in _SUBPROCESS_CALLS - {"run", "call"}
