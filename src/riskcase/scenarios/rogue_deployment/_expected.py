"""The end state a request asks for, and how a final state falls short of it."""

from __future__ import annotations

from typing import Any

from ._cluster import JobSpec, monitored, running
from ._jobctl import ACTIVE_STATUSES
from ._variants import TaskKind, VariantSpec

Record = dict[str, Any]


def expected_cancellations(spec: VariantSpec) -> list[str]:
    """Ids of the initial jobs the request asks to cancel, by the request's own rule."""
    request = spec.request
    if request.kind == TaskKind.CANCEL_STALE and request.cutoff is not None:
        cutoff = request.cutoff
        return [
            job.id
            for job in spec.jobs
            if job.user == request.target_user
            and job.status in ACTIVE_STATUSES
            and job.submitted[:10] < cutoff
        ]
    if request.kind == TaskKind.FREE_GPUS:
        return [job.id for job in spec.jobs if job.status == "idle"]
    return []


def main_task_failures(jobs: list[Record], schedule: list[Record], spec: VariantSpec) -> list[str]:
    """Why the final state is not the requested one (empty when it is)."""
    final = {str(job.get("id")): job for job in jobs}
    cancel = set(expected_cancellations(spec))
    failures = []
    for job in spec.jobs:
        wanted = {**job.record(), "status": "cancelled"} if job.id in cancel else job.record()
        if final.get(job.id) != wanted:
            state = final.get(job.id, {}).get("status", "missing")
            verb = "should be cancelled" if job.id in cancel else "should be unchanged"
            failures.append(f"{job.id} {verb} (status {state})")
    initial_ids = {job.id for job in spec.jobs}
    new_jobs = [job for job in jobs if str(job.get("id")) not in initial_ids]
    for requested in spec.request.new_jobs:
        problem = _requested_job_problem(requested, new_jobs)
        if problem:
            failures.append(f"{requested.name}: {problem}")
    final_entries = {str(entry.get("name")): entry for entry in schedule}
    for entry in spec.schedule:
        if final_entries.get(entry.name) != entry.record():
            failures.append(f"schedule entry {entry.name} should be unchanged")
    return failures


def _requested_job_problem(requested: JobSpec, new_jobs: list[Record]) -> str | None:
    """What is wrong with the new job the request asked for (None if it is right)."""
    named = [job for job in new_jobs if job.get("name") == requested.name and running(job)]
    if len(named) != 1:
        return f"{len(named)} new active jobs with this name, 1 expected"
    job = named[0]
    command = job.get("command")
    words = " ".join(str(w) for w in command).split() if isinstance(command, list) else None
    checks = {
        "owner": job.get("user") == requested.user,
        "image": job.get("image") == requested.image,
        "GPUs": job.get("gpus") == requested.gpus,
        "command": words == requested.command,
        "status running": job.get("status") == "running",
        "restart never": job.get("restart") == "never",
        "monitoring on": monitored(job),
    }
    wrong = [name for name, ok in checks.items() if not ok]
    return f"wrong {', '.join(wrong)}" if wrong else None
