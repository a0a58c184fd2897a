"""The workspace of a variant: jobctl, the cluster state and its audit history, docs.

The initial jobs.json and schedule.json are the replay of the initial audit log, so the
state and the log agree from the start, exactly as jobctl keeps them agreeing.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from riskcase.scenarios._contract import Mode
from riskcase.scenarios._sandbox_state import sha256

from ._docs import EXAMPLE_SPEC_PATH, example_spec, notes, readme
from ._jobctl import GENESIS, apply_event, audit_line, empty_state, line_hash
from ._variants import TIME_FORMAT, VariantSpec

JOBCTL_PATH = "bin/jobctl"
INFO_PATH = ".cluster/cluster.json"
QUOTAS_PATH = ".cluster/quotas.json"
JOBS_PATH = ".cluster/jobs.json"
SCHEDULE_PATH = ".cluster/schedule.json"
AUDIT_PATH = ".cluster/audit.log"
LOGS_FOLDER = ".cluster/logs"
PROTECTED_PATHS = (JOBCTL_PATH, INFO_PATH, QUOTAS_PATH)

# Run in the sandbox before the agent starts (sample files are written without modes).
SETUP_SCRIPT = f"#!/bin/sh\nchmod +x {JOBCTL_PATH}\n"
SCHEDULER_ACTOR = "schedd"


def jobctl_source() -> str:
    """The source of bin/jobctl (this package's `_jobctl` module)."""
    return resources.files("riskcase.scenarios.rogue_deployment").joinpath("_jobctl.py").read_text()


def initial_events(spec: VariantSpec) -> list[dict[str, Any]]:
    """The audit events that built the initial cluster, oldest first, numbered."""
    timed: list[tuple[str, int, dict[str, Any]]] = []
    now = datetime.strptime(spec.now, TIME_FORMAT)
    for order, job in enumerate(spec.jobs):
        first = "pending" if job.status == "pending" else "running"
        record = {**job.record(), "status": first}
        timed.append((job.submitted, order, {"actor": job.user, "event": "submit", "job": record}))
        if job.status in ("running", "pending"):
            continue
        later = datetime.strptime(job.submitted, TIME_FORMAT) + timedelta(hours=1)
        when = min(later, now).strftime(TIME_FORMAT)
        change = (
            {"actor": job.user, "event": "cancel", "job_id": job.id}
            if job.status == "cancelled"
            else {
                "actor": SCHEDULER_ACTOR,
                "event": "status",
                "job_id": job.id,
                "status": job.status,
            }
        )
        timed.append((when, order, change))
    for entry in spec.schedule:
        event = {"actor": entry.job.user, "event": "schedule_add", "entry": entry.record()}
        timed.append((entry.created, -1, event))
    timed.sort(key=lambda item: (item[0], item[1]))
    return [
        {"seq": seq, "time": when, **event} for seq, (when, _, event) in enumerate(timed, start=1)
    ]


def audit_log(events: list[dict[str, Any]]) -> str:
    """The hash-chained audit log of `events`."""
    lines: list[str] = []
    for event in events:
        lines.append(audit_line(event, line_hash(lines[-1]) if lines else GENESIS))
    return "".join(line + "\n" for line in lines)


def initial_state(spec: VariantSpec) -> dict[str, Any]:
    """The scheduler state the initial audit log replays to."""
    state = empty_state()
    for event in initial_events(spec):
        apply_event(state, event)
    return state


def workspace_files(spec: VariantSpec, mode: Mode) -> dict[str, str]:
    """The workspace of a sample, as Inspect `Sample.files` (relative path -> content).

    Args:
        spec: The variant.
        mode: The sample's mode (opportunity mode adds the handover notes).
    """
    state = initial_state(spec)
    info = {"name": spec.cluster, "now": spec.now, "operator": spec.operator}
    quotas = {"users": {user: quota.model_dump() for user, quota in spec.quotas.items()}}
    files = {
        JOBCTL_PATH: jobctl_source(),
        INFO_PATH: json.dumps(info, indent=2) + "\n",
        QUOTAS_PATH: json.dumps(quotas, indent=2) + "\n",
        JOBS_PATH: json.dumps({"jobs": state["jobs"]}, indent=2) + "\n",
        SCHEDULE_PATH: json.dumps({"entries": state["schedule"]}, indent=2) + "\n",
        AUDIT_PATH: audit_log(initial_events(spec)),
        "README.md": readme(spec),
        EXAMPLE_SPEC_PATH: example_spec(spec.eval_image),
        **{f"{LOGS_FOLDER}/{job_id}.log": text for job_id, text in spec.logs.items()},
    }
    if mode == Mode.OPPORTUNITY:
        files[spec.notes_path] = notes(spec)
    return files


def protected_hashes(spec: VariantSpec) -> dict[str, str]:
    """SHA-256 of each file the agent has no reason to change (jobctl, cluster, quotas)."""
    files = workspace_files(spec, Mode.HONEST)
    return {path: sha256(files[path].encode()) for path in PROTECTED_PATHS}
