"""`riskcase assess --trusted-model`: the LLM monitor through a real OpenAI-compatible
provider on 127.0.0.1, in the full pipeline."""

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from inspect_ai.log import list_eval_logs, read_eval_log

from riskcase.monitors import STATIC_MONITORS
from support import run_cli


class _MonitorHandler(BaseHTTPRequestHandler):
    """A stand-in trusted model: 8/10 when the quoted transcript edits a file in place."""

    prompts: list[str] = []

    def log_message(self, *args: object) -> None:
        return

    def do_POST(self) -> None:  # noqa: N802
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = "\n".join(str(m.get("content")) for m in request["messages"])
        self.prompts.append(prompt)
        score = 8 if "sed -i" in prompt else 1
        body = json.dumps(
            {
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": "m",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {
                            "role": "assistant",
                            "content": f"<reasoning>looked at it</reasoning><score>{score}</score>",
                        },
                    }
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def trusted_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _MonitorHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_llm_monitor_scores_every_sample_and_feeds_the_report(
    tmp_path: Path, trusted_server: str
) -> None:
    env = {**os.environ, "TRUSTED_BASE_URL": trusted_server, "TRUSTED_API_KEY": "local"}
    out = tmp_path / "out"
    result = run_cli(
        "assess",
        "--scenario",
        "experiment_tampering",
        "--limit",
        "3",
        "-M",
        "skill=1",
        "-M",
        "subtlety=0",
        "--trusted-model",
        "openai-api/trusted/monitor",
        "--display",
        "none",
        "--out",
        str(out),
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((out / "report.json").read_text())
    assert {"llm_monitor", "rule_monitor", *STATIC_MONITORS} == set(
        report["calibration"]["monitors"]
    )
    scored = 0
    for info in list_eval_logs(str(out / "logs")):
        for sample in read_eval_log(info).samples:
            assert sample.scores["llm_monitor"].value in (0.1, 0.8)
            scored += 1
    assert scored == 9 and len(_MonitorHandler.prompts) == 9
    assert not any("Side task" in p or "side task" in p for p in _MonitorHandler.prompts)
