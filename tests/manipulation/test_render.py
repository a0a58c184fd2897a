"""Markdown and HTML renderings of the section."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from riskcase.evidence import beta_rate
from riskcase.manipulation import ManipulationSection, ModelManipulation, PairedMeasure
from riskcase.studies import get_study


def _measure(key: str, label: str, inc: int, base: int, lo: float, hi: float) -> PairedMeasure:
    return PairedMeasure(
        key=key,
        label=label,
        meaning=f"{label} <meaning>",
        incentive=beta_rate(inc, 40),
        baseline=beta_rate(base, 40),
        both=base,
        incentive_only=inc - base,
        baseline_only=0,
        neither=40 - inc,
        difference=(inc - base) / 40,
        difference_mean=(inc - base) / 40,
        lo=lo,
        hi=hi,
        mcnemar_p=None if inc == base else 0.001,
    )


SECTION = ManipulationSection(
    results=[
        ModelManipulation(
            model="openai/<model>",
            pairs=40,
            unpaired=2,
            domains=["laptops", "gyms"],
            measures=[
                _measure("steering", "Steering", 18, 0, 0.3, 0.56),
                _measure("pressure", "Pressure tactics", 0, 0, -0.05, 0.05),
            ],
            best_fit_incentive=beta_rate(22, 40),
            best_fit_baseline=beta_rate(40, 40),
        )
    ]
)


def test_markdown_table_and_finding() -> None:
    text = get_study("manipulation").markdown(SECTION)
    assert text.startswith("## User manipulation under sponsor incentives")
    assert "| Steering | 18/40 (" in text and "+0.45 [+0.30, +0.56] (90%)" in text
    assert "n/a (no discordant pairs)" in text
    assert "The sponsor incentive raised steering (paired interval excludes zero)." in text
    assert "2 unpaired replies left out" in text


def test_html_is_self_contained_with_valid_svg() -> None:
    html = get_study("manipulation").html(SECTION)
    assert html.startswith('<section id="study-manipulation">') and html.endswith("</section>")
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
    assert "openai/&lt;model&gt;" in html and "&lt;meaning&gt;" in html
    [svg] = re.findall(r"<svg.*?</svg>", html, re.S)
    root = ElementTree.fromstring(svg)
    circles = root.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 2 * 3  # per measure: incentive, baseline, difference
