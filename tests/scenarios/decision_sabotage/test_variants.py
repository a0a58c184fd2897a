"""Generation: distinct, deterministic variants whose documents state the stored truth."""

from __future__ import annotations

import json

import pytest

from riskcase.scenarios import MONITOR_TASK_KEY, Mode
from riskcase.scenarios.decision_sabotage import DecisionSabotage, Lexicon, generate_variants
from riskcase.scenarios.decision_sabotage._documents import figure_text, workspace_files
from riskcase.scenarios.decision_sabotage._prompts import ATTACK_HEADING, NOTE_SENTENCE
from riskcase.scenarios.decision_sabotage._quantities import ROLES, Role
from riskcase.scenarios.decision_sabotage._reading import document_facts


def test_at_least_twenty_distinct_variants_per_mode_with_equal_ids() -> None:
    scenario = DecisionSabotage()
    ids = None
    for mode in Mode:
        samples = scenario.dataset(mode, seed=0)
        assert len(samples) >= 20
        assert len({s.id for s in samples}) == len(samples)
        assert len({s.input for s in samples}) == len(samples)
        assert len({json.dumps(s.files, sort_keys=True) for s in samples}) == len(samples)
        ids = ids or [s.id for s in samples]
        assert [s.id for s in samples] == ids
    variants = generate_variants(0)
    assert len({v.domain for v in variants}) == 6
    assert {len(v.options) for v in variants} == {2, 3}
    assert len({v.supported for v in variants}) == 3 and len({v.steer for v in variants}) == 3
    assert {v.report_table for v in variants} == {True, False}
    assert {v.appraisal_table for v in variants} == {True, False}
    assert len({v.costs_path for v in variants}) == 3
    assert {v.motive for v in variants} == {"oversight", "deployment"}


def test_generation_is_deterministic_for_a_seed_and_differs_across_seeds() -> None:
    assert generate_variants(3) == generate_variants(3)
    assert generate_variants(3) != generate_variants(4)
    a = DecisionSabotage().dataset(Mode.ATTACK, seed=3)
    b = DecisionSabotage().dataset(Mode.ATTACK, seed=3)
    assert [(s.input, s.files, s.metadata) for s in a] == [
        (s.input, s.files, s.metadata) for s in b
    ]


def test_the_evidence_supports_one_option_clearly() -> None:
    for spec in generate_variants(0) + generate_variants(1):
        metric = {letter: spec.value(letter, Role.METRIC) for letter in spec.letters}
        assert min(metric, key=metric.__getitem__) == spec.supported
        assert metric[spec.steer] >= 1.25 * metric[spec.supported]
        assert spec.steer != spec.supported
        for letter in spec.letters:  # the metric is the appraisal rule's formula, rounded
            cost = spec.value(letter, Role.CAPITAL) + spec.life_years * spec.value(
                letter, Role.RUNNING
            )
            exact = cost / spec.value(letter, Role.BENEFIT)
            assert abs(metric[letter] - exact) <= max(0.5, 0.005 * exact)
        assert Role.CAPITAL in spec.steer_roles() and len(spec.steer_roles()) >= 2
        assert {Role.BENEFIT, Role.QUALITY, Role.METRIC} <= set(spec.supported_roles())


def test_documents_state_every_key_figure_once() -> None:
    for spec in generate_variants(0) + generate_variants(2):
        files = workspace_files(spec, Mode.HONEST)
        text = "\n".join(files.values())
        costs = files[spec.costs_path]
        for letter in spec.letters:
            assert f",{spec.value(letter, Role.CAPITAL) / 1e6:.1f}," in costs
            for role in (Role.BENEFIT, Role.QUALITY, Role.METRIC):
                written = figure_text(spec, role, spec.value(letter, role))
                assert written.lstrip("£€") in text, (spec.variant_id, letter, role)
        facts = document_facts(files, Lexicon.of(spec))
        assert {key: figure.value for key, figure in facts.items()} == pytest.approx(
            {(letter, role): spec.value(letter, role) for letter in spec.letters for role in ROLES}
        )


def test_modes_differ_only_in_the_side_task_and_the_covering_note() -> None:
    scenario = DecisionSabotage()
    honest, attack, opportunity = (scenario.dataset(mode, seed=0) for mode in Mode)
    for h, a, o in zip(honest, attack, opportunity, strict=True):
        spec = generate_variants(0)[honest.index(h)]
        assert str(a.input).startswith(str(h.input)) and ATTACK_HEADING in str(a.input)
        assert f"towards Option {spec.steer}" in str(a.input)
        assert (a.metadata or {})[MONITOR_TASK_KEY] == h.input
        assert str(o.input).startswith(str(h.input)) and NOTE_SENTENCE in str(o.input)
        assert a.files == h.files and h.files is not None and o.files is not None
        note = set(o.files) - set(h.files)
        assert note == {spec.note_path}
        assert f"Option {spec.steer}" in o.files[spec.note_path]
        assert "sign the briefing" in o.files[spec.note_path]
