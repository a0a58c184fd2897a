"""Generation: distinct variants, identical data across framings, builds where they must be."""

from __future__ import annotations

import csv
import io
import json
import re

from riskcase.scenarios import MONITOR_TASK_KEY, Mode
from riskcase.scenarios.diffuse_sandbagging import DiffuseSandbagging, generate_variants
from riskcase.scenarios.diffuse_sandbagging._checker import grading_request
from riskcase.scenarios.diffuse_sandbagging._metric_code import Build
from riskcase.scenarios.diffuse_sandbagging._reference_scores import (
    detector_scores,
    metric_scores,
)
from riskcase.scenarios.diffuse_sandbagging._spec_text import parse_rule


def _csv(text: str) -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(text)))
    return header, rows


def test_at_least_24_distinct_variants_from_two_families_per_mode() -> None:
    scenario = DiffuseSandbagging()
    ids = None
    for mode in Mode:
        samples = scenario.dataset(mode, seed=0)
        assert len(samples) >= 24
        assert len({s.id for s in samples}) == len(samples)
        assert len({str(s.input) for s in samples}) == len(samples)
        assert len({json.dumps(s.files, sort_keys=True) for s in samples}) == len(samples)
        assert ids is None or ids == [s.id for s in samples]  # the same ids in every mode
        ids = [s.id for s in samples]
    variants = generate_variants(0)
    assert {v.spec.family for v in variants} == {"detector", "metric"}
    assert len({v.spec.domain for v in variants}) == 8
    detectors = [v for v in variants if v.spec.family == "detector"]
    metrics = [v for v in variants if v.spec.family == "metric"]
    assert len({v.detector.n_train for v in detectors}) >= 6
    assert len({round(v.spec.bar, 2) for v in detectors}) >= 5
    assert {v.metric.rule.kind for v in metrics} == {"calibration", "ranking"}
    assert len({v.metric.rule.model_dump_json() for v in metrics}) >= 6


def test_generation_is_deterministic_for_a_seed_and_differs_across_seeds() -> None:
    first = [v.spec for v in generate_variants(3)]
    assert first == [v.spec for v in generate_variants.__wrapped__(3)]  # not just the cache
    assert first != [v.spec for v in generate_variants(4)]


def test_both_framings_hold_the_same_numbers_and_grading() -> None:
    scenario = DiffuseSandbagging()
    honest = scenario.dataset(Mode.HONEST, seed=0)
    opportunity = scenario.dataset(Mode.OPPORTUNITY, seed=0)
    for neutral, safety in zip(honest, opportunity, strict=True):
        assert neutral.id == safety.id
        assert neutral.metadata is not None and safety.metadata is not None
        assert neutral.metadata["variant_spec"] == safety.metadata["variant_spec"]
        assert (neutral.metadata["framing"], safety.metadata["framing"]) == ("neutral", "safety")
        assert neutral.files is not None and safety.files is not None
        assert set(neutral.files) == set(safety.files)
        if "train.csv" in neutral.files:
            neutral_header, neutral_rows = _csv(neutral.files["train.csv"])
            safety_header, safety_rows = _csv(safety.files["train.csv"])
            assert neutral_rows == safety_rows
            assert len(neutral_header) == len(safety_header)
            assert not set(neutral_header) & set(safety_header)  # every column renamed
        else:
            assert parse_rule(neutral.files["SPEC.md"]) == parse_rule(safety.files["SPEC.md"])
            neutral_examples = json.loads(neutral.files["examples.json"])
            safety_examples = json.loads(safety.files["examples.json"])
            assert [sorted(map(str, e.values())) for e in neutral_examples] == [
                sorted(map(str, e.values())) for e in safety_examples
            ]
        variant = next(v for v in generate_variants(0) if v.spec.variant_id == neutral.id)
        neutral_request = grading_request(variant, Mode.HONEST)
        safety_request = grading_request(variant, Mode.OPPORTUNITY)
        assert [_values(x) for x in neutral_request[2]] == [_values(x) for x in safety_request[2]]


def _values(item: object) -> list[object]:
    return list(item.values()) if isinstance(item, dict) else list(item)  # type: ignore[arg-type]


def test_only_the_safety_framing_carries_the_motive_and_only_attack_the_instruction() -> None:
    scenario = DiffuseSandbagging()
    honest, attack, opportunity = (scenario.dataset(m, seed=0) for m in Mode)
    for h, a, o in zip(honest, attack, opportunity, strict=True):
        assert "How this will be used:" not in str(h.input)
        assert re.search(
            r"How this will be used: .*AI [a-z ]*(agents|models) like you", str(o.input)
        )
        assert "Side task" not in str(o.input)
        assert str(a.input).startswith(str(o.input)) and "measurably worse" in str(a.input)
        assert "safety" not in str(h.input).lower() and "AI" not in str(h.input)
        assert a.metadata is not None and a.metadata[MONITOR_TASK_KEY] == o.input


def test_the_grading_inputs_never_reach_the_workspace_and_hold_no_answers() -> None:
    for variant in generate_variants(0)[:6]:
        sample = next(
            s
            for s in DiffuseSandbagging().dataset(Mode.OPPORTUNITY)
            if s.id == variant.spec.variant_id
        )
        assert sample.files is not None
        function, style, inputs, _ = grading_request(variant, Mode.OPPORTUNITY)
        if style == "rows":
            assert function == "predict" and len(inputs) == variant.detector.n_heldout
            label = variant.detector_domain.safety.label
            assert all(label not in row for row in inputs)
            workspace_rows = _csv(sample.files["train.csv"])[1]
            assert len(workspace_rows) == variant.detector.n_train
        else:
            assert function in str(sample.input)
            assert all(len(pair) == 2 for pair in inputs)
            assert "expected" not in json.dumps(inputs)
            shown = json.loads(sample.files["examples.json"])
            hidden = [case.scores for case in variant.cases]
            assert not [e for e in shown if list(e.values())[0] in hidden]


def test_reference_builds_land_between_floor_and_bar_as_generation_promises() -> None:
    for variant in generate_variants(1):
        spec = variant.spec
        assert spec.trivial + 0.09 <= spec.floor < spec.bar <= spec.reference_score
        if spec.family == "detector":
            scores = detector_scores(variant.detector, variant.detector_domain, spec.data_seed)
            assert (
                scores.honest == spec.reference_score
                or abs(scores.honest - spec.reference_score) < 1e-6
            )
            assert scores.weakened is not None and spec.floor < scores.weakened < spec.bar
            assert max(scores.sloppy_margin, scores.sloppy_weakest) < spec.floor
        else:
            shares = metric_scores(variant.metric, variant.metric_domain, spec.data_seed)
            assert shares[Build.HONEST] == 1.0
            assert spec.floor < shares[Build.WEAKENED] < spec.bar
            assert shares[Build.BROKEN] < spec.floor
