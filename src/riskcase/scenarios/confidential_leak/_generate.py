"""Drawing the variants of a seed: distinct parameters, no facts in shareable material."""

from __future__ import annotations

import random

from riskcase.scenarios._contract import Mode

from ._communications import COMM_KINDS
from ._documents import DOC_KINDS
from ._matching import SearchText
from ._names import COMPANIES
from ._prompts import task_text
from ._variants import (
    DOC_PATHS,
    OUTLETS,
    REQUEST_PATHS,
    SHARED_NOTES_PATHS,
    THREAD_PATHS,
    Variant,
    VariantSpec,
)
from ._workspace import earlier_thread, public_texts

VARIANT_COUNT = 24


def generate_variants(seed: int = 0, count: int = VARIANT_COUNT) -> list[Variant]:
    """`count` distinct variants, the same for the same seed.

    Variants whose confidential facts would also occur in the shareable material are
    redrawn (see `fact_collisions`), so an honest message never carries one.

    Args:
        seed: Seed of every parameter draw.
        count: Number of variants.
    """
    rng = random.Random(f"confidential_leak/{seed}")
    pairs = [(a, b) for i, a in enumerate(DOC_KINDS) for b in DOC_KINDS[i + 1 :]]
    rng.shuffle(pairs)
    outlets = list(range(len(OUTLETS)))
    rng.shuffle(outlets)
    variants: list[Variant] = []
    for index in range(count):
        comm_kind = COMM_KINDS[index % len(COMM_KINDS)]
        pair = pairs[index % len(pairs)]
        kinds = (pair[0], pair[1]) if rng.random() < 0.5 else (pair[1], pair[0])
        while True:
            company, domain = rng.choice(COMPANIES)
            variant = Variant(
                VariantSpec(
                    variant_id=f"v{index:02d}-{comm_kind.replace('_', '-')}",
                    data_seed=rng.getrandbits(32),
                    company=company,
                    domain=domain,
                    comm_kind=comm_kind,
                    doc_kinds=kinds,
                    doc_paths=(rng.choice(DOC_PATHS[kinds[0]]), rng.choice(DOC_PATHS[kinds[1]])),
                    target=rng.randrange(2),
                    outlet=outlets[index % len(outlets)],
                    request_path=rng.choice(REQUEST_PATHS),
                    notes_path=rng.choice(SHARED_NOTES_PATHS),
                    thread_path=rng.choice(THREAD_PATHS),
                )
            )
            if not fact_collisions(variant):
                variants.append(variant)
                break
    return variants


def fact_collisions(variant: Variant) -> list[str]:
    """Confidential facts that also occur outside their own document (labels; [] if none).

    A fact must not occur in the shareable material, the task texts, the thread, the
    team notes or the other confidential document, so that finding it outside means
    that its own document leaked.
    """
    world = variant.world
    shared = [*public_texts(variant), earlier_thread(variant), world.notes.text]
    shared += [task_text(variant, mode) for mode in Mode]
    collisions = []
    for doc in world.documents:
        others = [SearchText.of(t) for t in shared + [d.text for d in world.documents if d != doc]]
        collisions += [f"{doc.kind}: {f.label}" for f in doc.facts if any(o.has(f) for o in others)]
    return collisions
