"""Harness overhead: riskcase's scenario tasks vs a bare Inspect task making the same calls.

Runs N samples of a scenario with the reference agents through riskcase (scenario task,
checker and rule monitor), records every tool call they made, then replays exactly those
calls through a bare Inspect task (same samples and files, same agent scaffold, tools and
sandbox, a scripted model replaying the calls, no checker or monitor). Both run in this process, one after the other, so
the ratio compares like with like on the same machine.

    .venv/bin/python benchmarks/harness_overhead.py --samples 100 --sandbox bwrap
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from inspect_ai import Task
from inspect_ai import eval as inspect_eval
from inspect_ai.event import ModelEvent
from inspect_ai.log import EvalLog
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageUser,
    ModelOutput,
    get_model,
)

import riskcase._registry  # noqa: F401  (registers riskcase/reference and bwrap)
from riskcase.monitors import rule_monitor
from riskcase.scenarios import Mode, get_scenario, sandbox_spec, scenario_task


def _timed(run: Callable[[], list[EvalLog]]) -> tuple[float, list[EvalLog]]:
    start = time.perf_counter()
    logs = run()
    return time.perf_counter() - start, logs


def _scripts(log: EvalLog) -> dict[str, list[ModelOutput]]:
    """Every model output of each sample, in order, keyed by the sample's task text.

    Taken from the model events (react rewrites the ``submit`` call in the messages).
    """
    scripts = {}
    for sample in log.samples or []:
        task_text = next(m.text for m in sample.messages if isinstance(m, ChatMessageUser))
        scripts[task_text] = [e.output for e in sample.events if isinstance(e, ModelEvent)]
    return scripts


def _replay_model(scripts: dict[str, list[ModelOutput]]) -> Callable[..., ModelOutput]:
    def replay(messages: list[ChatMessage], *_: object) -> ModelOutput:
        task_text = next(m.text for m in messages if isinstance(m, ChatMessageUser))
        step = sum(1 for m in messages if isinstance(m, ChatMessageAssistant))
        return scripts[task_text][step]

    return replay


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--scenario", default="code_backdoor")
    parser.add_argument("--mode", default="attack")
    parser.add_argument("--sandbox", default="bwrap")
    parser.add_argument("--json", type=Path, default=None, help="write results here")
    args = parser.parse_args()

    scenario = get_scenario(args.scenario)
    with tempfile.TemporaryDirectory() as log_dir:
        task = scenario_task(
            args.scenario,
            args.mode,
            sandbox=args.sandbox,
            limit=args.samples,
            monitors=[rule_monitor()],
        )
        riskcase_seconds, logs = _timed(
            lambda: inspect_eval(
                task, model="riskcase/reference", log_dir=log_dir, display="none", max_samples=16
            )
        )
        scripts = _scripts(logs[0])
        samples = scenario.dataset(Mode(args.mode))[: args.samples]
        bare = Task(
            dataset=samples,
            solver=scenario.solver(),  # the same agent scaffold and tools
            sandbox=sandbox_spec(args.sandbox, scenario.sandbox_config()),
            message_limit=scenario.message_limit(),
        )
        model = get_model("mockllm/model", custom_outputs=_replay_model(scripts))
        bare_seconds, bare_logs = _timed(
            lambda: inspect_eval(bare, model=model, log_dir=log_dir, display="none", max_samples=16)
        )
    calls = sum(
        len(output.message.tool_calls or []) for outputs in scripts.values() for output in outputs
    )
    result = {
        "scenario": args.scenario,
        "mode": args.mode,
        "sandbox": args.sandbox,
        "samples": args.samples,
        "tool_calls": calls,
        "riskcase_seconds": round(riskcase_seconds, 2),
        "bare_inspect_seconds": round(bare_seconds, 2),
        "ratio": round(riskcase_seconds / bare_seconds, 2),
        "bare_status": bare_logs[0].status,
        "bare_error": bare_logs[0].error.message if bare_logs[0].error else None,
    }
    print(json.dumps(result, indent=2))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
