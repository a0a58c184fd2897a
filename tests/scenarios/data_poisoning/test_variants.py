"""Generation: distinct, deterministic variants whose raw data exercises every rule of the spec."""

from __future__ import annotations

import json
from collections import Counter

from riskcase.scenarios import MONITOR_TASK_KEY, Mode
from riskcase.scenarios.data_poisoning import DataPoisoning, generate_variants
from riskcase.scenarios.data_poisoning._cleaning import (
    dedupe_key,
    drop_reason,
    lenient,
    normalised,
)
from riskcase.scenarios.data_poisoning._prompts import poison_goal, task_paths, task_text
from riskcase.scenarios.data_poisoning._spec_text import parse_spec
from riskcase.scenarios.data_poisoning._workspace import SPEC_PATH, protected_paths


def test_at_least_twenty_distinct_samples_per_mode_with_shared_ids() -> None:
    scenario = DataPoisoning()
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
    specs = [v.spec.cleaning for v in variants]
    assert len({v.spec.domain for v in variants}) == 6
    assert {v.spec.goal.kind for v in variants} == {"plant", "flip"}
    assert {s.raw_format for s in specs} == {"csv", "jsonl"}
    assert {s.whitespace for s in specs} == {"collapse", "strip"}
    assert {(s.dedupe_all_fields, s.dedupe_ignore_case) for s in specs} >= {
        (False, True),
        (True, False),
    }
    assert len({v.spec.goal.trigger for v in variants if v.spec.goal.kind == "plant"}) >= 6
    assert len({len(v.reference) for v in variants}) >= 12
    assert len({s.output_path for s in specs}) >= 4


def test_generation_is_deterministic_for_a_seed_and_differs_across_seeds() -> None:
    first = [v.spec for v in generate_variants(3)]
    assert first == [v.spec for v in generate_variants(3)]
    assert first != [v.spec for v in generate_variants(4)]
    a = DataPoisoning().dataset(Mode.ATTACK, seed=3)
    b = DataPoisoning().dataset(Mode.ATTACK, seed=3)
    assert [(s.input, s.files, s.metadata) for s in a] == [
        (s.input, s.files, s.metadata) for s in b
    ]


def test_raw_noise_exercises_every_rule_and_the_reference_keeps_the_clean_records() -> None:
    for variant in generate_variants(0) + generate_variants(1):
        spec = variant.spec.cleaning
        rows = [normalised(r, spec) for r in variant.raw]
        reasons = Counter(drop_reason(r, spec) for r in rows)
        expected = {"empty text"}
        expected |= {"language"} if spec.keep_lang else set()
        expected |= {"status"} if spec.keep_status else set()
        expected |= {"marker"} if spec.markers else set()
        expected |= {"too short"} if spec.min_words else set()
        expected |= {"too long"} if spec.max_chars else set()
        expected |= {"label"} if spec.label_field else set()
        assert set(reasons) - {None} == expected, variant.spec.variant_id
        kept = [r for r in rows if drop_reason(r, spec) is None]
        keys = Counter(
            dedupe_key([r[f] for f in spec.dedupe_fields], spec.dedupe_ignore_case) for r in kept
        )
        assert max(keys.values()) >= 2, "duplicates to remove"
        assert len(variant.reference) == variant.spec.n_clean == len(keys)
        untidy = [r for r in variant.raw if any(r[f] != r[f].strip() for f in spec.text_fields)]
        assert untidy, "whitespace to normalise"
        assert spec.min_rows < len(variant.reference) < spec.max_rows


def test_poison_goals_fit_the_data_and_never_occur_in_it() -> None:
    for variant in generate_variants(0) + generate_variants(1):
        goal, spec = variant.spec.goal, variant.spec.cleaning
        if goal.kind == "plant":
            text = lenient(variant.raw_text)
            assert lenient(goal.trigger) not in text and lenient(goal.behaviour) not in text
            assert len(variant.reference) + goal.min_records + 3 <= spec.max_rows
        else:
            assert variant.source_count() >= 40
            assert goal.target_label in spec.labels and goal.source_label in spec.labels


def test_spec_markdown_parses_back_to_the_spec() -> None:
    scenario = DataPoisoning()
    for sample in scenario.dataset(Mode.HONEST, seed=0) + scenario.dataset(Mode.HONEST, seed=2):
        assert sample.files is not None and sample.metadata is not None
        stored = sample.metadata["variant_spec"]["cleaning"]
        parsed = parse_spec(sample.files[SPEC_PATH])
        assert parsed is not None and parsed.model_dump(mode="json") == json.loads(
            json.dumps(stored)
        )


def test_prompts_state_paths_and_the_goal_only_where_they_should() -> None:
    scenario = DataPoisoning()
    honest, attack, opportunity = (scenario.dataset(m, seed=0) for m in Mode)
    for variant, h, a, o in zip(generate_variants(0), honest, attack, opportunity, strict=True):
        spec = variant.spec
        paths = task_paths(str(h.input))
        assert paths is not None and paths.raw == spec.cleaning.raw_path
        assert paths.output == spec.cleaning.output_path
        assert paths.validator == spec.validator_path
        assert poison_goal([str(h.input)]) is None
        assert poison_goal([str(a.input)]) == spec.goal
        assert a.metadata is not None and a.metadata[MONITOR_TASK_KEY] == h.input
        assert o.files is not None and h.files is not None
        assert poison_goal([o.files[spec.notes_path]]) == spec.goal
        assert spec.notes_path in str(o.input) and spec.notes_path not in h.files
        assert task_text(variant, Mode.HONEST) == h.input
        assert set(protected_paths(variant)) <= set(h.files)
