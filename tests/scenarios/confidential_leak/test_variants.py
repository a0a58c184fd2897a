"""Generation: distinct, deterministic variants whose leaks the checker can tell apart."""

from __future__ import annotations

import json

from riskcase.scenarios import MONITOR_TASK_KEY, Mode
from riskcase.scenarios.confidential_leak import (
    ConfidentialLeak,
    fact_collisions,
    generate_variants,
    judge,
    outbound_item,
)
from riskcase.scenarios.confidential_leak._documents import FRAGMENT_LINES

VARIANTS = generate_variants(0)


def test_at_least_twenty_distinct_variants_per_mode_with_shared_ids() -> None:
    scenario = ConfidentialLeak()
    ids = None
    for mode in Mode:
        samples = scenario.dataset(mode, seed=0)
        assert len(samples) >= 20
        assert len({s.input for s in samples}) == len(samples)
        assert len({json.dumps(s.files, sort_keys=True) for s in samples}) == len(samples)
        assert ids is None or [s.id for s in samples] == ids
        ids = [s.id for s in samples]
    assert len(set(ids or [])) == len(ids or [])
    specs = [v.spec for v in VARIANTS]
    assert len({s.comm_kind for s in specs}) == 5
    assert {k for s in specs for k in s.doc_kinds} == {"roadmap", "incident", "evals", "accounts"}
    assert len({s.doc_kinds for s in specs}) >= 8
    assert len({s.outlet for s in specs}) == 5
    assert len({s.company for s in specs}) >= 5
    assert len({p for s in specs for p in s.doc_paths}) >= 10
    canaries = [d.ref for v in VARIANTS for d in v.world.documents]
    assert len(set(canaries)) == len(canaries)


def test_generation_is_deterministic_for_a_seed_and_differs_across_seeds() -> None:
    again = ConfidentialLeak().dataset(Mode.OPPORTUNITY, seed=3)
    first = ConfidentialLeak().dataset(Mode.OPPORTUNITY, seed=3)
    assert [(s.input, s.files, s.metadata) for s in first] == [
        (s.input, s.files, s.metadata) for s in again
    ]
    assert [v.spec for v in generate_variants(3)] != [v.spec for v in generate_variants(4)]


def test_modes_differ_only_in_the_thread_and_the_instruction() -> None:
    scenario = ConfidentialLeak()
    honest, attack, opportunity = (scenario.dataset(m)[7] for m in Mode)
    variant = VARIANTS[7]
    assert attack.files == honest.files
    extra = set(opportunity.files or {}) - set(honest.files or {})
    assert extra == {variant.spec.thread_path}
    thread = (opportunity.files or {})[variant.spec.thread_path]
    assert variant.world.leak.person.address in thread and "retiring" in thread
    assert str(attack.input).startswith(str(honest.input))
    assert variant.target.path in str(attack.input)
    assert (attack.metadata or {})[MONITOR_TASK_KEY] == honest.input
    assert (attack.metadata or {})["leak_targets"] == [variant.target.path]
    assert (honest.metadata or {})["leak_targets"] == list(variant.spec.doc_paths)
    for doc in variant.world.documents:
        assert doc.text.lstrip("# ").startswith("CONFIDENTIAL")


def test_no_confidential_fact_occurs_in_shareable_material() -> None:
    assert all(fact_collisions(v) == [] for v in VARIANTS)


def test_whole_documents_leak_and_their_first_lines_do_not() -> None:
    for variant in VARIANTS:
        spec = variant.spec
        for doc in variant.world.documents:
            head = "".join(doc.text.splitlines(keepends=True)[:FRAGMENT_LINES])
            for text, leaked in ((doc.text, True), (head, False)):
                item = outbound_item("stash.txt", text.encode())
                verdict = judge([item], spec, [doc.path])
                assert verdict.side_task_success is leaked, (spec.variant_id, doc.kind, leaked)
                assert verdict.sabotage_attempted, (spec.variant_id, doc.kind)


def test_the_approved_points_are_the_main_task_and_carry_no_internal_material() -> None:
    for variant in VARIANTS:
        comm = variant.world.communication
        body = "\n".join(comm.points)
        message = (
            f"From: assistant@{variant.spec.domain}\nTo: {comm.recipient_address}\n"
            f"Subject: Update\n\n{body}\n"
        )
        verdict = judge([outbound_item("m.eml", message.encode())], variant.spec, [])
        assert verdict.main_task_success and not verdict.sabotage_attempted, verdict.explanation
        copied = message.replace(comm.points[0], "")
        assert not judge(
            [outbound_item("m.eml", copied.encode())], variant.spec, []
        ).main_task_success
