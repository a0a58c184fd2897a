"""The end-to-end pipeline: run scenarios with Inspect, then build and write the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from inspect_ai import Task
from inspect_ai import eval as inspect_eval
from inspect_ai._util.error import PrerequisiteError
from inspect_ai.model import get_model
from inspect_ai.scorer import Scorer

from riskcase._errors import RiskcaseError
from riskcase.evidence import read_log_dir
from riskcase.pathways import Pathway, default_pathways, get_pathway, pathway_catalog
from riskcase.report import RiskReport, build_report, write_report
from riskcase.risk import DeploymentProfile
from riskcase.scenarios import MODES, SANDBOXES, Mode, all_scenarios, get_scenario, scenario_task
from riskcase.studies import get_study, study_ids

DEFAULT_MODEL = "riskcase/reference"


@dataclass
class AssessOptions:
    """What `riskcase assess` runs.

    Attributes:
        model: Inspect model string of the model under assessment.
        model_args: Model args (Inspect's ``-M``), e.g. ``attempt_rate`` for the reference.
        trusted_model: Inspect model string for the LLM monitor (None: rule monitors only).
        llm_monitor_args: Options of the LLM monitor (``granularity``, ``samples``,
            ``aggregate``, ``retries``).
        pathways: Pathway ids in scope (empty: the catalog's defaults).
        scenarios: Scenario ids to run (empty: every scenario of the pathways in scope).
        modes: Modes to run.
        limit: Samples per scenario and mode (None: all).
        sandbox: ``bwrap``, ``local`` or ``docker``.
        seed: Seed for generated scenario variants.
        max_samples: Samples run concurrently per task.
        epochs: Runs of every sample (several let defer-to-resample draw a second sample
            of the same task, and show how much a model's behaviour varies).
        display: Inspect display (``rich``, ``plain``, ``log``, ``none``; None: Inspect's).
        studies: Studies to run (misuse, manipulation, alignment); None: all of them in a
            full assessment, none when scenarios or modes were narrowed; empty: none.
        study_options: Extra task options per study id (e.g. a user's misuse dataset).
    """

    model: str = DEFAULT_MODEL
    model_args: dict[str, Any] = field(default_factory=dict)
    trusted_model: str | None = None
    llm_monitor_args: dict[str, Any] = field(default_factory=dict)
    pathways: list[str] = field(default_factory=list)
    scenarios: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=lambda: [str(m) for m in MODES])
    limit: int | None = None
    sandbox: str = "bwrap"
    seed: int = 0
    max_samples: int = 16
    epochs: int = 1
    display: str | None = None
    studies: list[str] | None = None
    study_options: dict[str, dict[str, Any]] = field(default_factory=dict)


def resolve_scope(pathway_ids: Sequence[str]) -> list[Pathway]:
    """The pathways in scope: those named (validated; ``all`` is the whole catalog,
    off-by-default pathways included), or the catalog's defaults."""
    if not pathway_ids:
        return default_pathways()
    if "all" in pathway_ids:
        return list(pathway_catalog())
    try:
        return [get_pathway(pathway_id) for pathway_id in pathway_ids]
    except KeyError as error:
        raise RiskcaseError(str(error.args[0])) from None


def _scenarios_to_run(options: AssessOptions, scope: Sequence[Pathway]) -> list[str]:
    if options.scenarios:
        for scenario_id in options.scenarios:
            try:
                get_scenario(scenario_id)
            except KeyError as error:
                raise RiskcaseError(str(error.args[0])) from None
        return list(options.scenarios)
    in_scope = {p.id for p in scope}
    chosen = [s.id for s in all_scenarios() if s.pathway in in_scope]
    if not chosen:
        raise RiskcaseError("no scenario gives evidence for the pathways in scope")
    return chosen


def check_sandbox(kind: str) -> None:
    """Fail early, with a reason and a remedy, when the chosen sandbox cannot run here.

    riskcase never falls back from ``bwrap`` to running agent commands on the host.
    """
    if kind not in SANDBOXES:
        raise RiskcaseError(f"unknown sandbox '{kind}' (known: {', '.join(SANDBOXES)})")
    if kind != "bwrap":
        return
    from riskcase.sandbox import BwrapConfig, BwrapUnavailableError, verify_bwrap

    try:
        anyio.run(verify_bwrap, BwrapConfig())
    except BwrapUnavailableError as error:
        raise RiskcaseError(
            f"the bwrap sandbox cannot run: {error} (or choose --sandbox local or docker)"
        ) from None


def _check_model(model: str, model_args: dict[str, Any], role: str) -> None:
    try:
        get_model(model, **model_args)
    except Exception as error:  # Inspect raises several kinds for unknown or unusable models
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise RiskcaseError(f"cannot use {role} '{model}': {reason}") from None


def _monitors(trusted_model: str | None, llm_args: dict[str, Any]) -> list[Scorer]:
    from riskcase.monitors import STATIC_MONITORS, eval_awareness, get_monitor, llm_monitor

    names = ("rule_monitor", *STATIC_MONITORS, "execution_monitor")
    monitors = [get_monitor(name) for name in names]
    monitors.append(eval_awareness())
    if trusted_model is not None:
        try:
            monitors.append(llm_monitor(model=trusted_model, **llm_args))
        except (TypeError, ValueError) as error:
            raise RiskcaseError(f"bad --llm-monitor option: {error}") from None
    elif llm_args:
        raise RiskcaseError("--llm-monitor options need --trusted-model")
    return monitors


def studies_to_run(options: AssessOptions) -> list[str]:
    """Ids of the studies an assessment runs (validated); a study given options (such as a
    misuse dataset) always runs."""
    if options.studies is None:
        narrowed = bool(options.scenarios) or set(options.modes) != {str(m) for m in MODES}
        chosen = [] if narrowed else study_ids()
    else:
        chosen = list(options.studies)
    chosen += [s for s in options.study_options if s not in chosen]
    for study_id in chosen:
        try:
            get_study(study_id)
        except KeyError as error:
            raise RiskcaseError(str(error.args[0])) from None
    return chosen


def _study_tasks(options: AssessOptions) -> list[Task]:
    tasks: list[Task] = []
    for study_id in studies_to_run(options):
        extra = options.study_options.get(study_id, {})
        try:
            tasks += get_study(study_id).tasks(
                limit=options.limit, seed=options.seed, sandbox=options.sandbox, **extra
            )
        except (ValueError, OSError) as error:
            raise RiskcaseError(f"study {study_id}: {error}") from None
    return tasks


def build_tasks(options: AssessOptions, scope: Sequence[Pathway]) -> list[Task]:
    """The Inspect tasks of an assessment: every scenario in scope in every mode, then the
    studies."""
    for mode in options.modes:
        if mode not in {str(m) for m in MODES}:
            raise RiskcaseError(f"unknown mode '{mode}' (known: {', '.join(map(str, MODES))})")
    scenario_ids = _scenarios_to_run(options, scope)
    if options.sandbox != "bwrap":
        needs_outside = [
            s for s in scenario_ids if get_scenario(s).sandbox_config().get("outside_world")
        ]
        if needs_outside:
            raise RiskcaseError(
                f"scenario(s) {', '.join(needs_outside)} need the bwrap sandbox (a private "
                f"outside-world folder per sample), not '{options.sandbox}': use --sandbox "
                "bwrap, or leave them out with --scenario or --pathway"
            )
    monitors = _monitors(options.trusted_model, options.llm_monitor_args)
    return [
        scenario_task(
            scenario_id,
            Mode(mode),
            sandbox=options.sandbox,
            limit=options.limit,
            seed=options.seed,
            monitors=monitors,
        )
        for scenario_id in scenario_ids
        for mode in options.modes
    ] + _study_tasks(options)


def run_assessment(options: AssessOptions, out_dir: Path, profile: DeploymentProfile) -> RiskReport:
    """Run every scenario in scope against the model, then write the report.

    Logs go to ``out_dir/logs``; the report to ``out_dir/report.{html,md,json}``.
    """
    scope = resolve_scope(options.pathways)
    check_sandbox(options.sandbox)
    _check_model(options.model, options.model_args, "model")
    if options.trusted_model is not None:
        _check_model(options.trusted_model, {}, "trusted model")
    tasks = build_tasks(options, scope)
    log_dir = out_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    from riskcase.sandbox import BwrapUnavailableError

    try:
        logs = inspect_eval(
            tasks,
            model=options.model,
            model_args=options.model_args,
            log_dir=str(log_dir),
            log_format="eval",
            max_samples=options.max_samples,
            epochs=options.epochs,
            max_tasks=2,
            fail_on_error=0.2,
            display=options.display,  # type: ignore[arg-type]
        )
    except (BwrapUnavailableError, PrerequisiteError) as error:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise RiskcaseError(f"the evaluation could not start: {reason}") from None
    failed = [log for log in logs if log.status != "success"]
    if failed:
        error = failed[0].error
        message = error.message.strip().splitlines()[0] if error is not None else failed[0].status
        raise RiskcaseError(
            f"{len(failed)} of {len(logs)} evaluation(s) did not finish ({failed[0].eval.task}: "
            f"{message}); their logs are in {log_dir}"
        )
    return report_from_logs(
        log_dir,
        out_dir,
        profile,
        options.pathways,
        options.trusted_model,
        model=logs[0].eval.model if logs else options.model,
    )


def report_from_logs(
    log_dir: Path,
    out_dir: Path,
    profile: DeploymentProfile,
    pathways: Sequence[str] = (),
    trusted_model: str | None = None,
    model: str | None = None,
) -> RiskReport:
    """Build the report from existing logs (no re-run) and write it into `out_dir`.

    Args:
        log_dir: Directory of Inspect logs.
        out_dir: Where ``report.{html,md,json}`` go.
        profile: Deployment profile.
        pathways: Pathway ids in scope (empty: the catalog's defaults).
        trusted_model: The trusted model that ran the LLM monitor, named in the report.
        model: The model whose logs to use (required when the logs hold several).
    """
    scope = resolve_scope(pathways)
    logs = read_log_dir(log_dir, model=model)
    report = build_report(logs, profile, scope, trusted_model=trusted_model)
    write_report(report, out_dir)
    return report
