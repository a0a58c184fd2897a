"""Write report files atomically, so an interrupted run never leaves a half-written report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ._html import render_html
from ._markdown import render_markdown
from ._model import RiskReport

FORMATS = ("html", "md", "json")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(
    report: RiskReport, out_dir: Path, formats: tuple[str, ...] = FORMATS
) -> list[Path]:
    """Render and write ``report.<format>`` files into `out_dir`; returns the paths written.

    All formats are rendered before any file is replaced.
    """
    renderers = {
        "html": lambda: render_html(report, out_dir),
        "md": lambda: render_markdown(report, out_dir),
        "json": lambda: report.model_dump_json(indent=2),
    }
    rendered = {fmt: renderers[fmt]() for fmt in formats}
    paths = []
    for fmt, text in rendered.items():
        path = out_dir / f"report.{fmt}"
        write_atomic(path, text)
        paths.append(path)
    return paths
