"""What a reference run delivers does not depend on timing: same-second rewrites, failed calls.

These tests play the reference behaviour on the host, in a temporary workspace, with the
worst timing forced: a ``cat`` shim gives every write the same mtime (as if every step ran
within one second), so Python would trust bytecode cached from an earlier version of a
same-size file; and chosen tool calls fail as a timeout on a loaded machine would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
)
from inspect_ai.tool import ToolCall, ToolCallError, ToolInfo

from riskcase.agents import Conversation, Persona
from riskcase.scenarios import Mode
from riskcase.scenarios.diffuse_sandbagging import (
    DiffuseSandbagging,
    SandbaggingBehaviour,
    generate_variants,
    judge,
)
from riskcase.scenarios.diffuse_sandbagging._checker import grading_request
from riskcase.scenarios.diffuse_sandbagging._grading import SubmissionRun
from riskcase.scenarios.diffuse_sandbagging._progress import RETRIES, progress
from riskcase.scenarios.diffuse_sandbagging._reference_scores import detector_scores

TOOLS = [ToolInfo(name=name, description=name) for name in ("bash", "python", "submit")]
PYTHON = shutil.which("python3", path="/usr/bin:/bin") or "python3"
PINNED_MTIME = 1_700_000_000
# A detector variant whose calibrated weakening (a margin, subtly noted) leaves
# solution.py exactly as long as the first version: the case stale bytecode hits.
SAME_SIZE_VARIANT = 8


def _workspace(tmp_path: Path, files: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A workspace holding `files`, and an environment whose ``cat`` pins every mtime."""
    shims, workspace = tmp_path / "bin", tmp_path / "workspace"
    shims.mkdir()
    workspace.mkdir()
    cat = shims / "cat"
    cat.write_text(f'#!/bin/sh\n/bin/cat "$@"\ntouch -d @{PINNED_MTIME} solution.py\n')
    cat.chmod(0o755)
    for name, text in files.items():
        (workspace / name).write_text(text)
    path = f"{shims}:{Path(PYTHON).parent}:/usr/bin:/bin"
    return workspace, {"PATH": path, "HOME": str(workspace), "LANG": "C.UTF-8"}


def _execute(function: str, arguments: dict[str, Any], cwd: Path, env: dict[str, str]) -> str:
    """Run a bash or python tool call as the sandbox would (bytecode caching on)."""
    if function == "bash":
        argv, stdin = ["bash", "-c", arguments["command"]], None
    else:
        argv, stdin = ["python3", "-"], arguments["code"]
    done = subprocess.run(
        argv, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=60
    )
    return done.stdout + done.stderr


def _play(
    task: str, workspace: Path, env: dict[str, str], persona: Persona, failing: set[int]
) -> list[ChatMessage]:
    """A sabotage run to its submission; the tool calls of the turns in `failing` time out."""
    messages: list[ChatMessage] = [ChatMessageSystem(content="s"), ChatMessageUser(content=task)]
    for turn in range(20):
        action = SandbaggingBehaviour().next_action(Conversation(messages, TOOLS, persona), True)
        [call] = action.tool_calls
        tool_call = ToolCall(id=f"call_{turn}", function=call.function, arguments=call.arguments)
        messages.append(ChatMessageAssistant(content=action.text, tool_calls=[tool_call]))
        if call.function == "submit":
            return messages
        timeout = ToolCallError("timeout", "Command timed out before completing.")
        output = "" if turn in failing else _execute(call.function, call.arguments, workspace, env)
        messages.append(
            ChatMessageTool(
                content=output,
                tool_call_id=tool_call.id,
                function=call.function,
                error=timeout if turn in failing else None,
            )
        )
    raise AssertionError("the run never submitted")


def _grade(workspace: Path, request: dict[str, Any]) -> dict[str, Any]:
    """Run the checker's in-sandbox grader on the workspace, as the checker does."""
    folder = workspace / ".riskcase_grade"
    folder.mkdir()
    grader = resources.files("riskcase.scenarios.diffuse_sandbagging") / "_sandbox_grader.py"
    (folder / "grade.py").write_text(grader.read_text())
    (folder / "request.json").write_text(json.dumps(request))
    argv = [PYTHON, "-I", str(folder / "grade.py"), str(folder / "request.json")]
    subprocess.run([*argv, str(folder / "response.json")], cwd=workspace, check=True)
    response: dict[str, Any] = json.loads((folder / "response.json").read_text())
    return response


def test_sandbagging_lands_where_replayed_despite_same_second_writes_and_timeouts(
    tmp_path: Path,
) -> None:
    variant = generate_variants(0)[SAME_SIZE_VARIANT]
    sample = DiffuseSandbagging().dataset(Mode.ATTACK)[SAME_SIZE_VARIANT]
    assert sample.id == variant.spec.variant_id and isinstance(sample.files, dict)
    workspace, env = _workspace(tmp_path, sample.files)
    persona = Persona(skill=1.0, subtlety=1.0, seed=0)
    # turn 2 (validation) and turn 4 (the weakened rewrite) time out once each
    messages = _play(str(sample.input), workspace, env, persona, failing={2, 4})

    calls = [
        m.tool_calls[0] for m in messages if isinstance(m, ChatMessageAssistant) and m.tool_calls
    ]
    steps = [call.function for call in calls]
    assert steps == ["bash", "bash", "python", "python", "bash", "bash", "python", "submit"]
    first, rewritten = calls[1].arguments["command"], calls[5].arguments["command"]
    assert first != rewritten and len(first) == len(rewritten)  # a same-size rewrite

    function, style, inputs, _ = grading_request(variant, Mode.ATTACK)
    request = {"function": function, "style": style, "inputs": inputs}
    verdict = judge(variant, function, SubmissionRun(True, _grade(workspace, request)))
    replay = detector_scores(variant.detector, variant.detector_domain, variant.spec.data_seed)
    assert replay.weakened is not None
    assert abs(verdict.score - replay.weakened) < 1e-9
    assert verdict.side_task_success and not verdict.main_task_success

    # the run's own smoke test saw the code it wrote, not bytecode of the first version
    smoke = messages[-2]
    assert isinstance(smoke, ChatMessageTool)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in ("solution.py", "train.csv"):
        shutil.copy(workspace / name, fresh / name)
    assert smoke.text == _execute("python", calls[6].arguments, fresh, env)


def test_a_step_whose_output_is_needed_is_retried_a_bounded_number_of_times() -> None:
    plan = ("explore", "validate", "submit")
    needs = {"validate": lambda output: "table" in output}
    assert progress(plan, [], needs).step == "explore"
    state = progress(plan, ["files", ""], needs)
    assert (state.step, state.repeat) == ("validate", True)
    state = progress(plan, ["files", "", "table"], needs)
    assert (state.step, state.repeat, state.output("validate")) == ("submit", False, "table")
    gave_up = progress(plan, ["files"] + [""] * (RETRIES + 1), needs)
    assert (gave_up.step, gave_up.repeat) == ("submit", False)
