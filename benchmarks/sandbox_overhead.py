"""Sandbox overhead: riskcase's ``bwrap`` sandbox vs Inspect's ``local``, measured in one run.

Three measurements, each taken for both sandboxes in the same process, one after the other:

1. per command: ``exec(["true"])`` repeated (default 200 times) in one sample;
2. per sample: ``sample_init`` + ``sample_cleanup`` (default 50 times);
3. an assessment: a bare Inspect task of 200 samples whose scripted mockllm model makes a
   few bash tool calls per sample, run by ``inspect_ai.eval``; total wall time.

Ratios are bwrap / local. Inspect's bash tool runs ``bash --login``, which under ``local``
sources the host user's own shell profile (a pyenv or conda set-up there can cost 100+ ms a
call) while bwrap's commands have HOME=/workspace; so by default HOME points at an empty
folder for the whole run, to compare the sandboxes rather than the user's dotfiles
(``--keep-home`` to measure with the real one). Run on demand (not a test):

    .venv/bin/python benchmarks/sandbox_overhead.py [--commands 200] [--samples 50]
        [--eval-samples 200] [--json results.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from inspect_ai import Task
from inspect_ai import eval as inspect_eval
from inspect_ai.dataset import Sample
from inspect_ai.model import (
    ChatMessage,
    ChatMessageTool,
    GenerateConfig,
    ModelOutput,
    ModelUsage,
    get_model,
)
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import ToolChoice, ToolInfo, bash
from inspect_ai.util import SandboxEnvironment
from inspect_ai.util._sandbox.local import LocalSandboxEnvironment

from riskcase.sandbox import BwrapSandboxEnvironment

PROVIDERS: dict[str, type[SandboxEnvironment]] = {
    "local": LocalSandboxEnvironment,
    "bwrap": BwrapSandboxEnvironment,
}
TOOL_CALLS = [
    "echo 'def add(a, b):\n    return a + b' > solution.py",
    "python3 -c 'from solution import add; print(add(2, 3))'",
    "ls -la && wc -l solution.py",
]


async def per_command_ms(commands: int, rounds: int) -> dict[str, list[float]]:
    """Milliseconds per ``exec(["true"])``, per sandbox, in one sample each.

    Both samples stay up and the sandboxes take turns in ``rounds`` blocks, so that load
    from elsewhere on the machine falls on both alike.
    """
    environments = {n: await p.sample_init("benchmark", None, {}) for n, p in PROVIDERS.items()}
    try:
        sandboxes = {name: next(iter(envs.values())) for name, envs in environments.items()}
        for sandbox in sandboxes.values():
            for _ in range(10):  # warm up
                await sandbox.exec(["true"])
        times: dict[str, list[float]] = {name: [] for name in sandboxes}
        for _ in range(rounds):
            for name, sandbox in sandboxes.items():
                for _ in range(commands // rounds):
                    started = time.perf_counter()
                    result = await sandbox.exec(["true"])
                    times[name].append((time.perf_counter() - started) * 1000)
                    assert result.success
        return times
    finally:
        for name, envs in environments.items():
            await PROVIDERS[name].sample_cleanup("benchmark", None, envs, False)


async def per_sample_ms(samples: int, rounds: int) -> dict[str, list[float]]:
    """Milliseconds per sample set-up plus clean-up, per sandbox, taking turns in blocks."""
    times: dict[str, list[float]] = {name: [] for name in PROVIDERS}
    for _ in range(rounds):
        for name, provider in PROVIDERS.items():
            for _ in range(samples // rounds):
                started = time.perf_counter()
                environments = await provider.sample_init("benchmark", None, {})
                await provider.sample_cleanup("benchmark", None, environments, False)
                times[name].append((time.perf_counter() - started) * 1000)
    return times


def scripted_model(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """One bash call per turn from TOOL_CALLS, then a final answer."""
    done = sum(isinstance(m, ChatMessageTool) for m in messages)
    if done < len(TOOL_CALLS):
        output = ModelOutput.for_tool_call("mockllm/model", "bash", {"command": TOOL_CALLS[done]})
    else:
        output = ModelOutput.from_content("mockllm/model", "done")
    output.usage = ModelUsage(input_tokens=10, output_tokens=5, total_tokens=15)
    return output


def assessment_seconds(sandbox: str, samples: int, max_samples: int) -> float:
    """Wall seconds of a bare Inspect task of ``samples`` scripted samples in ``sandbox``."""
    task = Task(
        dataset=[Sample(input=f"Task {i}", target="5") for i in range(samples)],
        solver=[use_tools(bash(timeout=60)), generate()],
        sandbox=sandbox,
    )
    model = get_model("mockllm/model", custom_outputs=scripted_model)
    with tempfile.TemporaryDirectory() as log_dir:
        started = time.perf_counter()
        [log] = inspect_eval(
            task, model=model, log_dir=log_dir, display="none", max_samples=max_samples
        )
        elapsed = time.perf_counter() - started
    if log.status != "success":
        raise RuntimeError(f"{sandbox} assessment failed: {log.error}")
    return elapsed


def summary(times: list[float]) -> dict[str, float]:
    return {
        "mean_ms": statistics.fmean(times),
        "median_ms": statistics.median(times),
        "p95_ms": sorted(times)[int(len(times) * 0.95) - 1],
    }


def compare(label: str, times: dict[str, list[float]]) -> dict[str, object]:
    """Summaries of both sandboxes' times and their ratios; prints a table row."""
    local, bwrap = summary(times["local"]), summary(times["bwrap"])
    results: dict[str, object] = {
        "local": local,
        "bwrap": bwrap,
        "ratio_mean": bwrap["mean_ms"] / local["mean_ms"],
        "ratio_median": bwrap["median_ms"] / local["median_ms"],
    }
    print(
        f"{label:<34} {local['median_ms']:>9.2f} {bwrap['median_ms']:>9.2f} "
        f"{results['ratio_median']:>7.2f}x   (means {local['mean_ms']:.2f} / "
        f"{bwrap['mean_ms']:.2f}, {results['ratio_mean']:.2f}x)"
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--commands", type=int, default=200)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--eval-samples", type=int, default=200)
    parser.add_argument("--max-samples", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=5, help="blocks the sandboxes alternate in")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--keep-home", action="store_true", help="keep the user's HOME")
    args = parser.parse_args()
    if args.keep_home:
        run(args)
    else:
        with tempfile.TemporaryDirectory(prefix="riskcase-benchmark-home-") as home:
            os.environ["HOME"] = home
            run(args)


def run(args: argparse.Namespace) -> None:
    """Take the three measurements; print the table and (with --json) write the results."""
    print(f"{'median (ratio bwrap/local)':<34} {'local':>9} {'bwrap':>9} {'ratio':>8}")
    results: dict[str, object] = {
        "per_command": compare(
            f"per command, true x{args.commands} (ms)",
            asyncio.run(per_command_ms(args.commands, args.rounds)),
        ),
        "per_sample": compare(
            f"sample set-up+clean-up x{args.samples} (ms)",
            asyncio.run(per_sample_ms(args.samples, args.rounds)),
        ),
    }
    for name in PROVIDERS:  # warm up: the first eval in a process pays Inspect's start-up
        assessment_seconds(name, 2, args.max_samples)
    seconds = {
        name: assessment_seconds(name, args.eval_samples, args.max_samples) for name in PROVIDERS
    }
    ratio = seconds["bwrap"] / seconds["local"]
    print(
        f"{f'assessment, {args.eval_samples} samples (s)':<34} "
        f"{seconds['local']:>9.2f} {seconds['bwrap']:>9.2f} {ratio:>7.2f}x"
    )
    results["assessment"] = {
        "samples": args.eval_samples,
        "tool_calls_per_sample": len(TOOL_CALLS),
        "local_s": seconds["local"],
        "bwrap_s": seconds["bwrap"],
        "ratio": ratio,
    }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
        print(f"results written to {args.json}")


if __name__ == "__main__":
    main()
