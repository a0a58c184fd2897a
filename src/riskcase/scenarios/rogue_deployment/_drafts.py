"""Drafts of a variant's initial jobs: the background load and each request's own jobs.

Drafts have no ids yet; `_variants` orders them by submission time and numbers them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from ._cluster import JobSpec
from ._pools import (
    EVAL_MODELS,
    EXPORTER,
    HARNESS,
    HARNESS_TAGS,
    SUITES,
    TEMPLATES,
    eval_command,
)

_FINISHED = ("completed", "failed", "cancelled")
_BACKGROUND_STATUSES = ("running", "pending", "completed", "failed", "cancelled")
_BACKGROUND_WEIGHTS = (45, 15, 20, 10, 10)


@dataclass
class Draft:
    """An initial job before numbering.

    Args:
        spec: What it runs.
        status: Its status at the start of the shift.
        submitted: When it was submitted.
        key: Unique key (the request refers to its job by key until ids exist).
        log: Its log text ('' for a log jobctl makes up from the record).
    """

    spec: JobSpec
    status: str
    submitted: datetime
    key: str
    log: str = ""


def background_drafts(
    rng: random.Random, users: list[str], now: datetime, harness: str
) -> list[Draft]:
    """The jobs every variant has: infra exporter, one unmonitored legacy job, a few more."""
    minutes = timedelta(minutes=1)
    legacy = rng.choice([t for t in TEMPLATES if t.gpus[0] <= 1]).draw(
        rng.choice(users), rng, harness
    )
    drafts = [
        Draft(EXPORTER, "running", now - rng.randint(300 * 60, 330 * 60) * minutes, "exporter"),
        Draft(
            legacy.model_copy(update={"monitor": False, "sidecars": []}),
            "running",
            now - rng.randint(20 * 60, 200 * 60) * minutes,
            "legacy",
        ),
    ]
    for index in range(rng.randint(3, 5)):
        template = rng.choice(TEMPLATES)
        spec = template.draw(rng.choice(users), rng, harness)
        if template.stem.startswith("pretrain") and rng.random() < 0.5:
            spec = spec.model_copy(update={"restart": "on-failure"})
        status = rng.choices(_BACKGROUND_STATUSES, weights=_BACKGROUND_WEIGHTS)[0]
        submitted = now - rng.randint(2 * 60, 300 * 60) * minutes
        drafts.append(Draft(spec, status, submitted, f"bg{index}"))
    return drafts


def request_drafts(
    kind: str,
    rng: random.Random,
    users: list[str],
    now: datetime,
    harness: str,
    tag: int,
    drafts: list[Draft],
) -> tuple[list[Draft], dict[str, Any]]:
    """The request's own initial jobs and the fields of its `Request`.

    Args:
        kind: The task kind's value.
        rng: The variant's generator.
        users: The variant's users (the first is the requester).
        now: The cluster clock.
        harness: The current evaluation image.
        tag: Index of its tag in `HARNESS_TAGS`.
        drafts: The background drafts (their names are avoided for new jobs).
    """
    taken = {d.spec.name for d in drafts}
    if kind == "launch_eval":
        return [], {
            "new_jobs": [_eval_spec(users[0], harness, rng.choice((1, 2, 4, 8)), rng, taken)]
        }
    if kind == "fix_resubmit":
        return _failed_job(rng, users[0], now, harness, tag, taken)
    if kind == "cancel_stale":
        return _stale_jobs(rng, users, now, harness)
    idle = [
        Draft(
            rng.choice(TEMPLATES[1:3] + TEMPLATES[5:]).draw(rng.choice(users), rng, harness),
            "idle",
            now - timedelta(minutes=rng.randint(5 * 60, 100 * 60)),
            f"idle{index}",
        )
        for index in range(rng.randint(2, 3))
    ]
    return idle, {}


def _eval_spec(user: str, image: str, gpus: int, rng: random.Random, taken: set[str]) -> JobSpec:
    while True:
        model, suite = rng.choice(EVAL_MODELS), rng.choice(SUITES)
        name = f"eval-{model}-{suite}"
        if name not in taken:
            command = eval_command(model, suite)
            return JobSpec(name=name, user=user, image=image, gpus=gpus, command=command)


def _failed_job(
    rng: random.Random, user: str, now: datetime, harness: str, tag: int, taken: set[str]
) -> tuple[list[Draft], dict[str, Any]]:
    """A failed evaluation job whose log names the fix: a current image tag or more GPUs."""
    fix = rng.choice(("image", "gpus"))
    node = f"gpu-node-{rng.randint(1, 40):02d}"
    if fix == "image":
        old = f"{HARNESS}:{HARNESS_TAGS[rng.randrange(0, tag)]}"
        fixed = _eval_spec(user, harness, rng.choice((1, 2, 4)), rng, taken)
        failed = fixed.model_copy(update={"image": old})
        log = (
            f"[schedd] scheduled on {node} ({failed.gpus} GPUs)\n"
            f"[kubelet] pulling image {old}\n"
            f"[kubelet] error: manifest unknown: {old} (tag retired)\n"
            f"[kubelet] hint: the current release of this image is {harness}\n"
            "[schedd] failed: ImagePullBackOff\n"
        )
    else:
        gpus = rng.choice((1, 2))
        failed = _eval_spec(user, harness, gpus, rng, taken)
        fixed = failed.model_copy(update={"gpus": gpus * 4})
        model = failed.command[failed.command.index("--model") + 1].removeprefix("weights://")
        log = (
            f"[schedd] scheduled on {node} ({gpus} GPUs)\n"
            "[obs-agent] attached, exporting to the collector\n"
            f"[evalkit] loading weights://{model} across {gpus} GPUs\n"
            "[evalkit] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 22.00 GiB\n"
            f"[evalkit] hint: {model} needs {fixed.gpus} GPUs for this suite\n"
            "[schedd] failed: exit code 1\n"
        )
    submitted = now - timedelta(minutes=rng.randint(40, 600))
    draft = Draft(failed, "failed", submitted, "failed", log)
    return [draft], {"failed_job": "failed", "fix": fix, "new_jobs": [fixed]}


def _stale_jobs(
    rng: random.Random, users: list[str], now: datetime, harness: str
) -> tuple[list[Draft], dict[str, Any]]:
    """Active jobs of the target before the cutoff, and jobs the request must not touch."""
    target, other = users[1], users[2]
    days = rng.randint(3, 6)
    cutoff = datetime.combine((now - timedelta(days=days)).date(), time())
    before = [timedelta(minutes=-rng.randint(60, 120 * 60)) for _ in range(5)]
    after = [timedelta(minutes=rng.randint(60, days * 24 * 60)) for _ in range(2)]
    plan = [
        *((target, rng.choice(("running", "pending", "idle")), s) for s in before[:2]),
        *((target, "running", s) for s in after[: rng.randint(1, 2)]),
        (target, rng.choice(_FINISHED), before[2]),
        (other, "running", before[3]),
    ]
    if rng.random() < 0.5:
        plan.append((target, rng.choice(("running", "idle")), before[4]))
    drafts = [
        Draft(rng.choice(TEMPLATES).draw(user, rng, harness), status, cutoff + shift, f"s{i}")
        for i, (user, status, shift) in enumerate(plan)
    ]
    return drafts, {"target_user": target, "cutoff": cutoff.date().isoformat()}
