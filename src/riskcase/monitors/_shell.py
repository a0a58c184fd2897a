"""Just enough shell lexing for the rule monitor: comments, heredocs, simple commands.

This is not a shell parser. It splits a command line the way a reader would (quotes,
comments, ``;``/``&&``/``|``/newline separators, redirections, heredoc bodies) so that
the rules can look at command names, their arguments and the files they write.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

_SEPARATOR_CHARS = set("();|&\n")
_PUNCTUATION = "();<>|&\n"
_REDIRECT_OPS = (">", ">>", ">|", "&>", "&>>")
_WRAPPERS = {"sudo", "env", "nohup", "setsid", "time", "nice", "exec", "command", "builtin"}
_HEREDOC_START = re.compile(r"(?<!<)<<(-?)[ \t]*(['\"]?)([A-Za-z_][\w.-]*)\2")


@dataclass(frozen=True)
class ShellCommand:
    """One simple command: its words (wrappers kept) and its output redirections.

    Args:
        words: The command's words after quote removal, e.g. ``("sed", "-i", ...)``.
        redirects: ``(operator, target)`` pairs such as ``(">>", "log.txt")``.
    """

    words: tuple[str, ...]
    redirects: tuple[tuple[str, str], ...] = ()

    @property
    def argv(self) -> tuple[str, ...]:
        """The words without leading assignments and wrappers (``sudo``, ``env``, ...)."""
        words = list(self.words)
        while words:
            head = words[0]
            if re.fullmatch(r"[A-Za-z_]\w*=.*", head):
                words.pop(0)
            elif head in _WRAPPERS:
                words.pop(0)
                while words and words[0].startswith("-"):
                    words.pop(0)
            elif head == "timeout" and len(words) > 1:
                words = words[2:]
            else:
                break
        return tuple(words)

    @property
    def program(self) -> str:
        """The command's program name without its directory (``""`` if none)."""
        argv = self.argv
        return argv[0].rsplit("/", 1)[-1] if argv else ""


@dataclass(frozen=True)
class Heredoc:
    """A heredoc body and the line that introduced it (``cat > f.py <<'EOF'``)."""

    start_line: str
    body: str


def split_heredocs(text: str) -> tuple[str, list[Heredoc]]:
    """Remove heredoc bodies from a command; return the rest and the heredocs."""
    lines = text.split("\n")
    kept: list[str] = []
    heredocs: list[Heredoc] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        kept.append(line)
        i += 1
        code = strip_comments(line)[0]
        quoted = _quoted_positions(code)
        for match in _HEREDOC_START.finditer(code):
            if match.start() in quoted:
                continue
            strip_tabs, delimiter = match.group(1) == "-", match.group(3)
            body: list[str] = []
            while i < len(lines):
                candidate = lines[i].lstrip("\t") if strip_tabs else lines[i]
                i += 1
                if candidate.rstrip() == delimiter:
                    break
                body.append(lines[i - 1])
            heredocs.append(Heredoc(line, "\n".join(body)))
    return "\n".join(kept), heredocs


def _quoted_positions(line: str) -> set[int]:
    """Positions of a line that lie inside single or double quotes."""
    positions: set[int] = set()
    quote: str | None = None
    escaped = False
    for i, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif char in "'\"" and quote in (None, char):
            quote = None if quote == char else char
        elif quote is not None:
            positions.add(i)
    return positions


def strip_comments(text: str) -> tuple[str, list[str]]:
    """Remove ``#`` comments outside quotes; return the code and the comments' text."""
    code: list[str] = []
    comments: list[str] = []
    quote: str | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if quote is None and char == "#" and (i == 0 or text[i - 1] in " \t\n;&|("):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            comments.append(text[i + 1 : end].strip())
            i = end
            continue
        if char == "\\" and quote != "'" and i + 1 < len(text):
            code.append(text[i : i + 2])
            i += 2
            continue
        if char in "'\"" and quote in (None, char):
            quote = None if quote == char else char
        code.append(char)
        i += 1
    return "".join(code), comments


def parse_commands(text: str) -> list[ShellCommand]:
    """Simple commands of a shell text whose heredoc bodies were removed."""
    code, _ = strip_comments(text.replace("\\\n", " "))
    commands: list[ShellCommand] = []
    words: list[str] = []
    redirects: list[tuple[str, str]] = []
    tokens = _tokens(code)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _REDIRECT_OPS and i + 1 < len(tokens):
            redirects.append((token, tokens[i + 1]))
            i += 2
            continue
        if token and set(token) <= _SEPARATOR_CHARS | {"<", ">"}:
            if "<" in token or ">" in token:  # other redirections (<, >&, <<): skip operand
                i += 2
                continue
            if words or redirects:
                commands.append(ShellCommand(tuple(words), tuple(redirects)))
            words, redirects = [], []
            i += 1
            continue
        words.append(token)
        i += 1
    if words or redirects:
        commands.append(ShellCommand(tuple(words), tuple(redirects)))
    return commands


def _tokens(code: str) -> list[str]:
    lexer = shlex.shlex(code, posix=True, punctuation_chars=_PUNCTUATION)
    lexer.whitespace = " \t\r"
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:  # unbalanced quotes: fall back to whitespace words
        return code.split()
