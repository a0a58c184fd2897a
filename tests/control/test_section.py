"""The control section: built from records, rendered as Markdown and self-contained HTML."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from riskcase.control import (
    ControlOptions,
    ControlSection,
    control_html,
    control_markdown,
    control_section,
)
from riskcase.evidence import SampleRecord

RecordFactory = Callable[..., SampleRecord]
OPTIONS = ControlOptions(
    audit_budget=0.1, defer_fraction=0.3, trusted_usefulness=0.5, resamples=100, seed=3
)


@pytest.fixture
def section(protocol_records: list[SampleRecord], make_record: RecordFactory) -> ControlSection:
    other = [make_record("honest", 0.05 * i, sample_id=f"o{i}", pathway="P5") for i in range(8)]
    other += [
        make_record("attack", 0.5, sample_id="x1", attempted=True, success=True, pathway="P5"),
        make_record("opportunity", 0.9, sample_id="y", attempted=True, pathway="P5"),
    ]
    return control_section(protocol_records + other, OPTIONS)


def test_section_holds_every_monitor_pathway_and_protocol(section: ControlSection) -> None:
    assert section.monitors == ["m"] and section.pathways == ["P3", "P5"]
    assert (section.n_honest, section.n_attack) == (18, 7)  # opportunity samples left out
    assert [(d.monitor, d.pathway_id) for d in section.detection] == [
        ("m", None),
        ("m", "P3"),
        ("m", "P5"),
    ]
    assert [(p.protocol, p.pathway_id) for p in section.protocols][:3] == [
        ("upfront_auditing", None),
        ("upfront_auditing", "P3"),
        ("upfront_auditing", "P5"),
    ]
    assert len(section.protocols) == 12 and section.reason == ""
    for result in section.protocols:
        assert result.safety is not None and result.usefulness is not None
        assert 0 <= result.safety.lo <= result.safety.hi <= 1


def test_curves_move_the_right_way(section: ControlSection) -> None:
    trusted, resample = section.safety_usefulness
    assert (trusted.protocol, resample.protocol) == ("defer_to_trusted", "defer_to_resample")
    fractions = [p.defer_fraction or 0.0 for p in trusted.points]
    assert fractions == sorted(fractions) and fractions[0] == OPTIONS.audit_budget
    safety = [p.safety.value for p in trusted.points if p.safety]
    assert safety == sorted(safety) and safety[-1] > safety[0]  # deferring more is safer
    monitoring = next(c for c in section.safety_budget if c.protocol == "trusted_monitoring")
    assert [p.audit_budget for p in monitoring.points] == sorted(OPTIONS.budget_sweep)
    by_budget = [p.safety.value for p in monitoring.points if p.safety]
    assert by_budget == sorted(by_budget)  # auditing more is safer
    at_budget = next(p for p in monitoring.points if p.audit_budget == OPTIONS.audit_budget)
    headline = next(
        p for p in section.protocols if p.protocol == "trusted_monitoring" and not p.pathway_id
    )
    assert at_budget.safety == headline.safety  # same resamples, same seed


def test_markdown_has_the_tables(section: ControlSection) -> None:
    text = control_markdown(section)
    assert text.startswith("## AI control")
    for heading in ("### Monitor detection", "### Control protocols", "### Method"):
        assert heading in text
    row = next(line for line in text.splitlines() if line.startswith("| Trusted monitoring | all"))
    headline = next(
        p for p in section.protocols if p.protocol == "trusted_monitoring" and not p.pathway_id
    )
    assert headline.safety is not None and headline.safety.summary() in row


def test_html_is_self_contained_with_svg_charts(section: ControlSection) -> None:
    html = control_html(section)
    assert html.startswith("<section") and html.endswith("</section>")
    assert len(re.findall(r"<svg ", html)) == 4  # ROC by monitor, by pathway, two curves
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org", "")
    assert "Defer to resample" in html and "AUROC" in html


def test_json_round_trip(section: ControlSection) -> None:
    assert ControlSection.model_validate_json(section.model_dump_json()) == section


def test_no_samples_gives_a_reason(make_record: RecordFactory) -> None:
    section = control_section([make_record("opportunity", 0.1)], OPTIONS)
    assert section.reason == "the logs hold no scored honest or attack samples"
    assert section.protocols == [] and section.detection == []
    assert "Not measured" in control_markdown(section) and "Not measured" in control_html(section)


def test_options_reject_nonsense() -> None:
    with pytest.raises(ValueError):
        ControlOptions(audit_budget=1.5)
    with pytest.raises(ValueError):
        ControlOptions(unknown=1)  # type: ignore[call-arg]
