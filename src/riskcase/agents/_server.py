"""An OpenAI-compatible HTTP server that serves the reference model on 127.0.0.1.

It lets riskcase exercise Inspect's real OpenAI-compatible provider end to end (tool calls
over the wire), and lets other harnesses talk to the reference agents as to any model.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
)
from inspect_ai.tool import ToolCall, ToolInfo, ToolParams

from ._persona import Persona
from ._reference_model import reference_action, reference_behaviours

MODEL_NAME = "reference"


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def _messages(raw: list[dict[str, Any]]) -> list[ChatMessage]:
    messages: list[ChatMessage] = []
    for item in raw:
        role, text = item.get("role"), _text(item.get("content"))
        if role in ("system", "developer"):
            messages.append(ChatMessageSystem(content=text))
        elif role == "user":
            messages.append(ChatMessageUser(content=text))
        elif role == "assistant":
            calls = [
                ToolCall(
                    id=call["id"],
                    function=call["function"]["name"],
                    arguments=json.loads(call["function"].get("arguments") or "{}"),
                )
                for call in item.get("tool_calls") or []
            ]
            messages.append(ChatMessageAssistant(content=text, tool_calls=calls or None))
        elif role == "tool":
            messages.append(ChatMessageTool(content=text, tool_call_id=item.get("tool_call_id")))
    return messages


def _tools(raw: list[dict[str, Any]]) -> list[ToolInfo]:
    tools = []
    for item in raw:
        function = item.get("function", {})
        tools.append(
            ToolInfo(
                name=function.get("name", ""),
                description=function.get("description", ""),
                parameters=ToolParams.model_validate(function.get("parameters") or {}),
            )
        )
    return tools


def chat_completion(request: dict[str, Any], persona: Persona) -> dict[str, Any]:
    """Answer one OpenAI chat-completions request with the reference model's next turn."""
    messages = _messages(request.get("messages", []))
    action = reference_action(
        messages, _tools(request.get("tools") or []), persona, reference_behaviours()
    )
    step = sum(1 for m in messages if isinstance(m, ChatMessageAssistant))
    tool_calls = [
        {
            "id": f"call_{step}_{index}",
            "type": "function",
            "function": {"name": call.function, "arguments": json.dumps(call.arguments)},
        }
        for index, call in enumerate(action.tool_calls)
    ]
    message: dict[str, Any] = {"role": "assistant", "content": action.text}
    if tool_calls:
        message["tool_calls"] = tool_calls
    tokens = len(action.text.split()) + sum(len(c["function"]["arguments"]) for c in tool_calls)
    return {
        "id": f"chatcmpl-{time.time_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", MODEL_NAME),
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if tool_calls else "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": tokens, "total_tokens": tokens},
    }


class _Handler(BaseHTTPRequestHandler):
    persona: Persona = Persona()

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        return

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.rstrip("/").endswith("/models"):
            self._send(
                200,
                {
                    "object": "list",
                    "data": [{"id": MODEL_NAME, "object": "model", "owned_by": "riskcase"}],
                },
            )
        else:
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:  # noqa: N802
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, {"error": {"message": f"no route {self.path}"}})
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length) or b"{}")
            self._send(200, chat_completion(request, self.persona))
        except (ValueError, KeyError, TypeError) as error:
            self._send(400, {"error": {"message": f"bad request: {error}"}})


class ReferenceServer:
    """The reference model behind an OpenAI-compatible API, on 127.0.0.1 only.

    Args:
        persona: Propensity, skill, subtlety and seed of the served reference model.
        port: TCP port (0 picks a free one; see `base_url`).
    """

    def __init__(self, persona: Persona | None = None, port: int = 0) -> None:
        handler = type("Handler", (_Handler,), {"persona": persona or Persona()})
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The API's base URL, e.g. ``http://127.0.0.1:8765/v1``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> ReferenceServer:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        self._server.serve_forever()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ReferenceServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
