"""Many samples at once: isolated from each other, and one crashing sample harms no other."""

import asyncio
import secrets
import subprocess

import anyio
from inspect_ai.util import ExecResult

from riskcase.sandbox import BwrapConfig, BwrapSandboxEnvironment

SAMPLES = 32
CONFIG = BwrapConfig(max_processes=64, memory_mb=512, cpu_seconds=5, command_timeout=30)


async def test_32_samples_are_isolated_and_survive_a_crashing_neighbour(
    host_sleeper: subprocess.Popen[bytes],
) -> None:
    sandboxes: list[BwrapSandboxEnvironment] = []

    async def start() -> None:
        environments = await BwrapSandboxEnvironment.sample_init("concurrency", CONFIG, {})
        sandboxes.append(environments["default"].as_type(BwrapSandboxEnvironment))

    try:
        await asyncio.gather(*[start() for _ in range(SAMPLES)])
        markers = [f"marker-{secrets.token_hex(6)}" for _ in sandboxes]
        pairs = list(zip(sandboxes, markers, strict=True))
        await asyncio.gather(*[s.write_file(f"{m}.txt", m) for s, m in pairs])

        # each sample sees its own marker and none of the others'
        seen = await asyncio.gather(
            *[s.exec(["bash", "-c", "ls /workspace /tmp; ps -eo args"]) for s in sandboxes]
        )
        for index, result in enumerate(seen):
            assert markers[index] in result.stdout
            assert not any(m in result.stdout for j, m in enumerate(markers) if j != index)

        # three samples misbehave while the others keep working
        crashes = [
            sandboxes[0].exec(["bash", "-c", "kill -9 -1; sleep 1"]),
            sandboxes[1].exec(["python3", "-c", "import os\nwhile True: os.fork()"], timeout=5),
            sandboxes[2].exec(["python3", "-c", "x = bytearray(10 * 1024**3)"]),
        ]
        work = [s.exec(["bash", "-c", f"sleep 1; cat {m}.txt"]) for s, m in pairs[3:]]
        results = await asyncio.gather(*crashes, *work, return_exceptions=True)
        bomb, memory = results[1], results[2]  # the bomb meets its process or time limit
        assert isinstance(bomb, TimeoutError) or (
            isinstance(bomb, ExecResult) and "Resource temporarily unavailable" in bomb.stderr
        )
        assert isinstance(memory, ExecResult) and "MemoryError" in memory.stderr
        assert [getattr(r, "stdout", r) for r in results[3:]] == markers[3:]
        assert host_sleeper.poll() is None

        # afterwards every sample, the crashed ones included, still works and kept its files
        assert await asyncio.gather(*[s.read_file(f"{m}.txt") for s, m in pairs]) == markers
        echoes = await asyncio.gather(*[s.exec(["echo", "alive"], timeout=20) for s in sandboxes])
        assert all(result.stdout == "alive\n" for result in echoes)
    finally:
        with anyio.CancelScope(shield=True):
            for sandbox in sandboxes:
                await BwrapSandboxEnvironment.sample_cleanup(
                    "concurrency", None, {"default": sandbox}, False
                )
