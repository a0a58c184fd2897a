"""``riskcase monitor``: re-score existing logs with registered monitors."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table


@click.command("monitor")
@click.argument("log_path")
@click.option(
    "--monitor",
    "monitors",
    multiple=True,
    required=True,
    metavar="NAME[,NAME]",
    help="Registered monitor(s) to run, e.g. rule_monitor,llm_monitor (repeatable).",
)
@click.option("--trusted-model", default=None, help="Inspect model for LLM monitors.")
def monitor_command(log_path: str, monitors: tuple[str, ...], trusted_model: str | None) -> None:
    """Score existing logs (a file or a folder) with monitors, keeping every earlier score.

    New scores go under the monitor's name. An earlier score of that name is kept as
    NAME@<when it was made> unless the re-score reproduces it exactly (then nothing
    changes). Logs are replaced atomically, and only after every log was re-scored.
    """
    from riskcase.rescore import rescore_logs, split_names

    outcomes = rescore_logs(log_path, split_names(monitors), trusted_model)
    console = Console(width=None if sys.stdout.isatty() else 160)
    table = Table(title="Monitor scores written")
    for column in ("Log", "Monitor", "Samples", "Mean", "Failures", "Earlier scores"):
        table.add_column(column)
    for log in outcomes:
        for result in log.monitors:
            table.add_row(
                _shown(log.log, log_path),
                result.monitor,
                str(result.samples),
                "—" if result.mean is None else f"{result.mean:.3f}",
                str(result.failures),
                {
                    "added": "none",
                    "unchanged": "reproduced, kept as they were",
                    "replaced": f"kept as {result.kept_as}",
                }[result.change],
            )
    console.print(table)
    written = sum(log.written for log in outcomes)
    console.print(
        f"re-scored {len(outcomes)} log(s); {written} changed, {len(outcomes) - written} unchanged"
    )


def _shown(log: str, log_path: str) -> str:
    """The log's path relative to the folder given, or its file name."""
    root = Path(log_path).resolve()
    return str(Path(log).relative_to(root)) if root.is_dir() else Path(log).name
