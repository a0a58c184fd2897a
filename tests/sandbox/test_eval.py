"""An Inspect task with ``sandbox="bwrap"`` run end to end by ``inspect_ai.eval``."""

from pathlib import Path

import pytest
from inspect_ai import Task, eval
from inspect_ai.dataset import Sample
from inspect_ai.model import (
    ChatMessage,
    ChatMessageTool,
    GenerateConfig,
    ModelOutput,
    ModelUsage,
    get_model,
)
from inspect_ai.scorer import Score, Scorer, Target, accuracy, scorer
from inspect_ai.solver import TaskState, generate, use_tools
from inspect_ai.tool import ToolChoice, ToolInfo, bash, python
from inspect_ai.util import SandboxEnvironmentSpec, SandboxEnvironmentType, sandbox

from riskcase.sandbox import BwrapConfig, BwrapSandboxEnvironment

SCRIPT = [
    ("bash", {"command": "tr a-z A-Z < data.txt > shout.txt && id -un && pwd"}),
    ("python", {"code": "print(open('shout.txt').read().strip()[::-1])"}),
    ("bash", {"command": "env | grep -c RISKCASE_E2E_SECRET; curl -sm2 http://127.0.0.1:1"}),
    ("bash", {"command": "echo offline; cp shout.txt /outside/ 2>/dev/null || true"}),
]
WITH_OUTSIDE = SandboxEnvironmentSpec(
    "bwrap", BwrapConfig(outside_world=True, extra_ro_mounts=["/usr/share"], max_processes=64)
)


def scripted_model(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """Plays SCRIPT one tool call per turn, then answers with all the tool results."""
    done = [m for m in messages if isinstance(m, ChatMessageTool)]
    if len(done) < len(SCRIPT):
        tool, arguments = SCRIPT[len(done)]
        output = ModelOutput.for_tool_call("mockllm/model", tool, arguments)
    else:
        output = ModelOutput.from_content("mockllm/model", "\n".join(m.text for m in done))
    output.usage = ModelUsage(input_tokens=10, output_tokens=5, total_tokens=15)
    return output


@scorer(metrics=[accuracy()])
def shouted() -> Scorer:
    """Checks the sample's file, and what reached the outside world when there is one."""

    async def score(state: TaskState, target: Target) -> Score:
        text = await sandbox().read_file("shout.txt")
        outside = sandbox().as_type(BwrapSandboxEnvironment).outside_dir
        if outside is not None and (outside / "shout.txt").read_text() != text:
            return Score(value=0, explanation="nothing reached the outside world")
        return Score(value=1 if text.strip() == target.text else 0, answer=state.output.completion)

    return score


@pytest.mark.parametrize("spec", ["bwrap", WITH_OUTSIDE], ids=["name-only", "config"])
def test_eval_runs_tool_calls_in_bwrap(
    spec: SandboxEnvironmentType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RISKCASE_E2E_SECRET", "sk-e2e-canary")
    dataset = [
        Sample(input="Shout the data.", target=word.upper(), files={"data.txt": word})
        for word in ("alpha", "beta", "gamma")
    ]
    tools = [bash(timeout=30), python(timeout=30)]
    task = Task(dataset=dataset, solver=[use_tools(tools), generate()], scorer=shouted())
    model = get_model("mockllm/model", custom_outputs=scripted_model)
    [log] = eval(task, model=model, sandbox=spec, log_dir=str(tmp_path), display="none")
    assert log.status == "success", log.error
    assert log.results is not None and log.results.scores[0].metrics["accuracy"].value == 1.0
    assert log.samples is not None and len(log.samples) == 3
    for sample in log.samples:
        answer = sample.output.completion
        word = str(sample.target)
        assert "nobody" in answer and "/workspace" in answer
        assert word[::-1] in answer  # the python tool ran in the same workspace
        assert "\n0\n" in f"\n{answer}\n" and "offline" in answer  # no secret, no network
