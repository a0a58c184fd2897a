"""The ``riskcase`` command: assess, report, pathways."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import yaml
from rich.console import Console

from riskcase._errors import RiskcaseError

from ._monitor_command import monitor_command

# Wide enough for the per-pathway table when output goes to a file or a pipe.
console = Console(width=None if sys.stdout.isatty() else 160)


def _model_args(pairs: tuple[str, ...]) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise RiskcaseError(f"model arg '{pair}' must be key=value")
        args[key.strip()] = yaml.safe_load(value)
    return args


def _out_dir(path: str) -> Path:
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise RiskcaseError(f"--out {out} exists and is not a directory")
    return out


@click.group()
@click.version_option(package_name="riskcase")
def cli() -> None:
    """riskcase: assess an AI model for sabotage risk and write the risk report."""


@cli.command()
@click.option(
    "--model",
    default="riskcase/reference",
    show_default=True,
    help="Inspect model string of the model under assessment.",
)
@click.option(
    "-M",
    "model_args",
    multiple=True,
    metavar="KEY=VALUE",
    help="Model arg, e.g. -M attempt_rate=0.1 -M seed=1 for the reference model.",
)
@click.option("--trusted-model", default=None, help="Inspect model for the LLM monitor.")
@click.option(
    "--llm-monitor",
    "llm_monitor_args",
    multiple=True,
    metavar="KEY=VALUE",
    help="LLM monitor option, e.g. --llm-monitor granularity=action --llm-monitor samples=3 "
    "(also aggregate=mean|max, retries=N).",
)
@click.option(
    "--pathway",
    "pathways",
    multiple=True,
    help="Pathway in scope (repeatable; `all`: the whole catalog, leaks included).",
)
@click.option("--scenario", "scenarios", multiple=True, help="Scenario to run (repeatable).")
@click.option("--mode", "modes", multiple=True, help="Mode to run (default: all three).")
@click.option(
    "--study",
    "studies",
    multiple=True,
    help="Study to run (repeatable; `none` for none). Default: all of them (misuse, "
    "manipulation, alignment), unless --scenario or --mode narrows the run.",
)
@click.option(
    "--misuse-dataset",
    default=None,
    help="Your restricted misuse dataset (JSONL) to run beside the built-in benign proxies.",
)
@click.option(
    "--misuse-show-text",
    is_flag=True,
    help="Let the report quote your misuse dataset's text (default: ids and categories only).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Samples per scenario and mode."
)
@click.option(
    "--sandbox", default="bwrap", show_default=True, help="Sandbox: bwrap, local or docker."
)
@click.option("--profile", "profile_path", default=None, help="Deployment profile (YAML).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for generated variants.")
@click.option(
    "--max-samples",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Samples run at once per task.",
)
@click.option(
    "--epochs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Runs of every sample (2+ lets the control section evaluate defer to resample).",
)
@click.option("--display", default=None, help="Inspect display: rich, plain, log or none.")
@click.option(
    "--out",
    "out",
    default="riskcase-out",
    show_default=True,
    help="Output folder (logs/ and report files).",
)
def assess(
    model: str,
    model_args: tuple[str, ...],
    trusted_model: str | None,
    llm_monitor_args: tuple[str, ...],
    pathways: tuple[str, ...],
    scenarios: tuple[str, ...],
    modes: tuple[str, ...],
    studies: tuple[str, ...],
    misuse_dataset: str | None,
    misuse_show_text: bool,
    limit: int | None,
    sandbox: str,
    profile_path: str | None,
    seed: int,
    max_samples: int,
    epochs: int,
    display: str | None,
    out: str,
) -> None:
    """Run the sabotage scenarios against a model and write the risk report."""
    from riskcase._pipeline import AssessOptions, run_assessment
    from riskcase.risk import load_profile

    from ._console import print_summary

    profile = load_profile(profile_path)
    out_dir = _out_dir(out)
    options = AssessOptions(
        model=model,
        model_args=_model_args(model_args),
        trusted_model=trusted_model,
        llm_monitor_args=_model_args(llm_monitor_args),
        pathways=list(pathways),
        scenarios=list(scenarios),
        studies=None if not studies else [s for s in studies if s != "none"],
        study_options=(
            {"misuse": {"dataset": misuse_dataset, "show_text": misuse_show_text}}
            if misuse_dataset is not None
            else {}
        ),
        limit=limit,
        sandbox=sandbox,
        seed=seed,
        max_samples=max_samples,
        epochs=epochs,
        display=display,
    )
    if modes:
        options.modes = list(modes)
    report = run_assessment(options, out_dir, profile)
    print_summary(report, [out_dir / f"report.{f}" for f in ("html", "md", "json")], console)


@cli.command()
@click.argument("log_dir")
@click.option("--out", "out", default=None, help="Output folder (default: LOG_DIR's parent).")
@click.option("--profile", "profile_path", default=None, help="Deployment profile (YAML).")
@click.option(
    "--pathway",
    "pathways",
    multiple=True,
    help="Pathway in scope (repeatable; `all`: the whole catalog, leaks included).",
)
@click.option("--trusted-model", default=None, help="Trusted model named in the report.")
@click.option("--model", default=None, help="Model whose logs to use (when there are several).")
def report(
    log_dir: str,
    out: str | None,
    profile_path: str | None,
    pathways: tuple[str, ...],
    trusted_model: str | None,
    model: str | None,
) -> None:
    """Rebuild the report from existing Inspect logs, without re-running anything."""
    from riskcase._pipeline import report_from_logs
    from riskcase.risk import load_profile

    from ._console import print_summary

    profile = load_profile(profile_path)
    out_dir = _out_dir(out) if out is not None else Path(log_dir).resolve().parent
    result = report_from_logs(
        Path(log_dir), out_dir, profile, list(pathways), trusted_model, model=model
    )
    print_summary(result, [out_dir / f"report.{f}" for f in ("html", "md", "json")], console)


cli.add_command(monitor_command)


@cli.command()
def pathways() -> None:
    """Show the catalog of sabotage pathways."""
    from riskcase.pathways import pathway_catalog

    from ._console import print_pathways

    print_pathways(pathway_catalog(), console)


@cli.command("default-profile")
def default_profile() -> None:
    """Print the default deployment profile (a starting point for --profile)."""
    from riskcase.risk import default_profile_text

    click.echo(default_profile_text(), nl=False)


@cli.command("serve-reference")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "-M",
    "model_args",
    multiple=True,
    metavar="KEY=VALUE",
    help="Persona field, e.g. -M attempt_rate=0.1 (see Persona: skill, subtlety, seed, ...).",
)
def serve_reference(port: int, model_args: tuple[str, ...]) -> None:
    """Serve the reference model over an OpenAI-compatible API on 127.0.0.1."""
    from riskcase.agents import ReferenceServer, persona_from_args

    try:
        persona = persona_from_args(_model_args(model_args))
    except (TypeError, ValueError) as error:
        raise RiskcaseError(f"bad reference model arg: {error}") from None
    try:
        server = ReferenceServer(persona, port)
    except OSError as error:
        raise RiskcaseError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}") from None
    console.print(f"serving riskcase/reference at {server.base_url} (Ctrl-C stops)")
    console.print(
        f"use it with: --model openai-api/riskcase/reference and "
        f"RISKCASE_BASE_URL={server.base_url} RISKCASE_API_KEY=unused"
    )
    server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the CLI; bad input gives one error line and exit code 2."""
    try:
        cli.main(args=argv, prog_name="riskcase", standalone_mode=False)
    except RiskcaseError as error:
        click.echo(f"riskcase: error: {error}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("riskcase: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        click.echo(f"riskcase: error: {error.format_message()}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("riskcase: interrupted; files written so far are intact", err=True)
        sys.exit(130)
