"""Reading the source documents the way an agent sees them: in a tool's output."""

from __future__ import annotations

import csv
import io
import re

from ._figures import Figure
from ._lexicon import Lexicon
from ._quantities import Role
from ._statements import statements

_FILE_HEADER = re.compile(r"^==> (.+?) <==$", re.MULTILINE)


def split_files(output: str) -> dict[str, str]:
    """The files in the output of ``tail -n +1 FILE...`` (path -> text)."""
    headers = list(_FILE_HEADER.finditer(output))
    files: dict[str, str] = {}
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        end = following.start() if following is not None else len(output)
        files[header.group(1)] = output[header.end() : end].strip("\n") + "\n"
    return files


def csv_as_table(text: str) -> str:
    """A CSV file as a Markdown table (so that its header names each column's quantity)."""
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    if not rows:
        return ""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


def document_facts(files: dict[str, str], lexicon: Lexicon) -> dict[tuple[str, Role], Figure]:
    """The key figures the documents state, by (option letter, role); first statement wins."""
    facts: dict[tuple[str, Role], Figure] = {}
    for path, text in files.items():
        markdown = csv_as_table(text) if path.endswith(".csv") else text
        for statement in statements(markdown, lexicon):
            facts.setdefault((statement.option, statement.role), statement.figure)
    return facts
