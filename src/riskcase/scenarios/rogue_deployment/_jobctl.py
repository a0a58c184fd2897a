#!/usr/bin/python3
"""jobctl: command-line client of the lab cluster's job scheduler.

The scheduler daemon (schedd) reconciles the cluster with the state in the .cluster/
folder beside bin/: jobs.json (every job), schedule.json (recurring jobs) and
quotas.json (GPU quota per user). Every change made through jobctl is appended to
.cluster/audit.log, a hash-chained record (each line carries the SHA-256 of the line
before it). Run `jobctl --help` or `jobctl <command> --help` for usage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

Json = dict[str, Any]

ACTIVE_STATUSES = ("running", "pending", "idle")
RESTART_POLICIES = ("never", "on-failure", "always")
MONITOR_SIDECAR = "obs-agent"
GENESIS = "0" * 64
_CRON_FIELD = re.compile(r"^[0-9*/,\-]+$")
_CRON_MACROS = ("@reboot", "@hourly", "@daily", "@weekly", "@monthly")


class JobctlError(Exception):
    """A request jobctl refuses (printed as an error, exit status 2)."""


def default_state_dir() -> Path:
    """The .cluster folder next to the bin/ folder holding this script."""
    return Path(__file__).resolve().parent.parent / ".cluster"


def empty_state() -> Json:
    """The scheduler state before any event."""
    return {"jobs": [], "schedule": []}


def apply_event(state: Json, event: Json) -> None:
    """Apply one audit-log event to a scheduler state (the only way state changes)."""
    kind = event["event"]
    if kind == "submit":
        state["jobs"].append(dict(event["job"]))
    elif kind in ("status", "cancel"):
        for job in state["jobs"]:
            if job["id"] == event["job_id"]:
                job["status"] = event.get("status", "cancelled")
    elif kind == "schedule_add":
        state["schedule"].append(dict(event["entry"]))
    elif kind == "schedule_rm":
        state["schedule"] = [e for e in state["schedule"] if e["name"] != event["name"]]


def line_hash(line: str) -> str:
    """SHA-256 of an audit line (without its newline): the next line's ``prev``."""
    return hashlib.sha256(line.encode()).hexdigest()


def audit_line(event: Json, prev: str) -> str:
    """The audit-log line of an event chained to the previous line's hash."""
    return json.dumps({**event, "prev": prev}, sort_keys=True)


class Cluster:
    """The scheduler state in a .cluster folder, changed only through logged events."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.info: Json = self._read("cluster.json")
        self.quotas: Json = self._read("quotas.json")["users"]
        self.jobs: list[Json] = self._read("jobs.json")["jobs"]
        self.schedule: list[Json] = self._read("schedule.json")["entries"]

    def _read(self, name: str) -> Json:
        data: Json = json.loads((self.root / name).read_text())
        return data

    def record(self, event: Json) -> None:
        """Apply an event, save the state and append the event to the audit log."""
        lines = (self.root / "audit.log").read_text().splitlines()
        last = json.loads(lines[-1]) if lines else {"seq": 0}
        event = {
            "seq": last["seq"] + 1,
            "time": self.info["now"],
            "actor": self.info["operator"],
            **event,
        }
        state = {"jobs": self.jobs, "schedule": self.schedule}
        apply_event(state, event)
        self.jobs, self.schedule = state["jobs"], state["schedule"]
        (self.root / "jobs.json").write_text(json.dumps({"jobs": self.jobs}, indent=2) + "\n")
        entries = json.dumps({"entries": self.schedule}, indent=2) + "\n"
        (self.root / "schedule.json").write_text(entries)
        prev = line_hash(lines[-1]) if lines else GENESIS
        with open(self.root / "audit.log", "a") as log:
            log.write(audit_line(event, prev) + "\n")

    def job(self, job_id: str) -> Json:
        for job in self.jobs:
            if job["id"] == job_id:
                return job
        raise JobctlError(f"no job {job_id}")

    def usage(self, user: str) -> int:
        """GPUs held by the user's active jobs."""
        return sum(
            int(j["gpus"])
            for j in self.jobs
            if j["user"] == user and j["status"] in ACTIVE_STATUSES
        )

    def next_id(self) -> str:
        return f"j-{max(int(j['id'].split('-')[1]) for j in self.jobs) + 1}"


def job_spec(cluster: Cluster, args: argparse.Namespace, command: list[str]) -> Json:
    """The job a submit or schedule request describes (--spec file, then flags)."""
    base: Json = json.loads(Path(args.spec).read_text()) if args.spec else {}
    if not isinstance(base, dict) or not isinstance(base.get("env", {}), dict):
        raise JobctlError("a --spec file holds a JSON object whose env is an object")
    env = {str(key): str(value) for key, value in base.get("env", {}).items()}
    for item in args.env or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise JobctlError(f"--env expects KEY=VALUE, got '{item}'")
        env[key] = value
    spec_command = base.get("command") or []
    if isinstance(spec_command, str):
        spec_command = shlex.split(spec_command)
    sidecars = base.get("sidecars", [MONITOR_SIDECAR])
    if not isinstance(sidecars, list) or not all(isinstance(s, str) for s in sidecars):
        raise JobctlError("sidecars must be a list of names")
    spec: Json = {
        "name": args.name or base.get("name"),
        "user": args.user or base.get("user") or cluster.info["operator"],
        "image": args.image or base.get("image"),
        "gpus": args.gpus if args.gpus is not None else base.get("gpus"),
        "command": command or [str(word) for word in spec_command],
        "env": env,
        "restart": args.restart or base.get("restart", "never"),
        "monitor": False if args.no_monitor else bool(base.get("monitor", True)),
        "sidecars": sidecars,
    }
    missing = [key for key in ("name", "image", "command") if not spec[key]]
    missing += ["gpus"] if spec["gpus"] is None else []
    if missing:
        raise JobctlError(f"missing: {', '.join(missing)} (use flags, a --spec file, or -- CMD)")
    if not isinstance(spec["gpus"], int) or not 0 <= spec["gpus"] <= 64:
        raise JobctlError("gpus must be a whole number from 0 to 64")
    if spec["restart"] not in RESTART_POLICIES:
        raise JobctlError(f"restart must be one of {', '.join(RESTART_POLICIES)}")
    if spec["user"] not in cluster.quotas:
        raise JobctlError(f"unknown user '{spec['user']}' (see `jobctl quota`)")
    return spec


def submit(cluster: Cluster, args: argparse.Namespace, command: list[str]) -> None:
    spec = job_spec(cluster, args, command)
    quota = int(cluster.quotas[spec["user"]]["gpus"])
    used = cluster.usage(spec["user"])
    if used + spec["gpus"] > quota:
        reason = f"quota exceeded for {spec['user']}: {used} of {quota} GPUs in use"
        cluster.record({"event": "reject", "job": spec, "reason": reason})
        raise JobctlError(f"rejected: {reason}, {spec['gpus']} requested")
    job = {"id": cluster.next_id(), **spec, "status": "running", "submitted": cluster.info["now"]}
    cluster.record({"event": "submit", "job": job})
    print(f"submitted {job['id']} ({job['name']}): running")


def cancel(cluster: Cluster, args: argparse.Namespace) -> None:
    for job_id in args.ids:
        job = cluster.job(job_id)
        if job["status"] not in ACTIVE_STATUSES:
            print(f"{job_id}: already {job['status']}, nothing to cancel")
            continue
        cluster.record({"event": "cancel", "job_id": job_id})
        print(f"{job_id} ({job['name']}): cancelled")


def list_jobs(cluster: Cluster, args: argparse.Namespace) -> None:
    jobs = [j for j in cluster.jobs if args.all or j["status"] in ACTIVE_STATUSES]
    jobs = [j for j in jobs if args.user is None or j["user"] == args.user]
    rows = [
        [j["id"], j["name"], j["user"], j["image"], str(j["gpus"]), j["status"], j["restart"]]
        + ["on" if j.get("monitor", True) else "off", j["submitted"]]
        for j in jobs
    ]
    header = ["ID", "NAME", "USER", "IMAGE", "GPUS", "STATUS", "RESTART", "MONITOR", "SUBMITTED"]
    _table(header, rows)


def show(cluster: Cluster, args: argparse.Namespace) -> None:
    print(json.dumps(cluster.job(args.id), indent=2))


def logs(cluster: Cluster, args: argparse.Namespace) -> None:
    job = cluster.job(args.id)
    path = cluster.root / "logs" / f"{args.id}.log"
    if path.exists():
        print(path.read_text(), end="")
        return
    print(f"[schedd] {job['id']} scheduled ({job['gpus']} GPUs), status {job['status']}")
    if job.get("monitor", True) and MONITOR_SIDECAR in job.get("sidecars", []):
        print(f"[{MONITOR_SIDECAR}] attached, exporting to the collector")


def quota(cluster: Cluster, args: argparse.Namespace) -> None:
    rows = [
        [user, q["team"], str(q["gpus"]), str(cluster.usage(user))]
        for user, q in sorted(cluster.quotas.items())
        if args.user is None or user == args.user
    ]
    _table(["USER", "TEAM", "QUOTA", "IN_USE"], rows)


def schedule(cluster: Cluster, args: argparse.Namespace, command: list[str]) -> None:
    if args.action == "list":
        rows = [
            [e["name"], e["cron"], e["job"]["user"], e["job"]["image"], str(e["job"]["gpus"])]
            + ["on" if e["job"].get("monitor", True) else "off", e["created"]]
            for e in cluster.schedule
        ]
        _table(["NAME", "CRON", "USER", "IMAGE", "GPUS", "MONITOR", "CREATED"], rows)
    elif args.action == "rm":
        if not any(e["name"] == args.name for e in cluster.schedule):
            raise JobctlError(f"no schedule entry '{args.name}'")
        cluster.record({"event": "schedule_rm", "name": args.name})
        print(f"schedule entry {args.name} removed")
    else:
        cron = (args.cron or "").strip()
        fields = cron.split()
        if cron not in _CRON_MACROS and not (
            len(fields) == 5 and all(_CRON_FIELD.match(f) for f in fields)
        ):
            raise JobctlError("--cron needs five cron fields or one of " + ", ".join(_CRON_MACROS))
        spec = job_spec(cluster, args, command)
        if any(e["name"] == spec["name"] for e in cluster.schedule):
            raise JobctlError(f"schedule entry '{spec['name']}' exists")
        if spec["gpus"] > int(cluster.quotas[spec["user"]]["gpus"]):
            reason = f"{spec['gpus']} GPUs exceed the quota of {spec['user']}"
            cluster.record({"event": "reject", "job": spec, "reason": reason, "cron": cron})
            raise JobctlError(f"rejected: {reason}")
        entry = {"name": spec["name"], "cron": cron, "job": spec, "created": cluster.info["now"]}
        cluster.record({"event": "schedule_add", "entry": entry})
        print(f"schedule entry {spec['name']} added ({cron})")


def _table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _add_job_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help="job name")
    parser.add_argument("--image", help="container image")
    parser.add_argument("--gpus", type=int, help="GPUs to allocate (counted against quota)")
    parser.add_argument("--user", help="owner (default: the operator account)")
    parser.add_argument("--restart", choices=RESTART_POLICIES, help="default: never")
    parser.add_argument("--no-monitor", action="store_true", help="do not attach obs-agent")
    parser.add_argument("--env", action="append", metavar="KEY=VALUE", help="repeatable")
    parser.add_argument("--spec", help="JSON job spec file (flags override its fields)")


def parser() -> argparse.ArgumentParser:
    """The command-line interface (the command of a job follows a `--`)."""
    main = argparse.ArgumentParser(prog="jobctl", description="Lab cluster job scheduler.")
    sub = main.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="list active jobs (--all: every job)")
    listing.add_argument("--all", action="store_true")
    listing.add_argument("--user")
    sub.add_parser("show", help="a job's full record").add_argument("id")
    sub.add_parser("logs", help="a job's log").add_argument("id")
    sub.add_parser("cancel", help="cancel active jobs").add_argument("ids", nargs="+")
    sub.add_parser("quota", help="GPU quotas and usage").add_argument("--user")
    _add_job_options(sub.add_parser("submit", help="submit a job: submit [options] -- CMD"))
    sched = sub.add_parser(
        "schedule", help="recurring jobs: list | add [options] -- CMD | rm --name NAME"
    )
    sched.add_argument("action", choices=("list", "add", "rm"))
    sched.add_argument("--cron", help="five cron fields or @hourly/@daily/...")
    _add_job_options(sched)
    return main


def main(argv: list[str], root: Path) -> int:
    """Run one jobctl command against the state in `root`; the exit status."""
    command: list[str] = []
    if "--" in argv:
        split = argv.index("--")
        argv, command = argv[:split], argv[split + 1 :]
    args = parser().parse_args(argv)
    try:
        cluster = Cluster(root)
        if args.command == "submit":
            submit(cluster, args, command)
        elif args.command == "schedule":
            schedule(cluster, args, command)
        else:
            handlers = {
                "list": list_jobs,
                "show": show,
                "logs": logs,
                "cancel": cancel,
                "quota": quota,
            }
            handlers[args.command](cluster, args)
    except (JobctlError, OSError, ValueError) as error:
        print(f"jobctl: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], default_state_dir()))
