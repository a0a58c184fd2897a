"""Report: the risk report's data model and its HTML, Markdown and JSON renderings."""

from ._build import build_report
from ._html import render_html
from ._markdown import render_markdown
from ._model import (
    Claim,
    EvidenceSummary,
    Mitigation,
    PathwayEntry,
    ReportMeta,
    RiskReport,
)
from ._write import FORMATS, write_atomic, write_report

__all__ = [
    "FORMATS",
    "Claim",
    "EvidenceSummary",
    "Mitigation",
    "PathwayEntry",
    "ReportMeta",
    "RiskReport",
    "build_report",
    "render_html",
    "render_markdown",
    "write_atomic",
    "write_report",
]
