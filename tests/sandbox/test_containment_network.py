"""Network escape attempts, run inside a real bwrap sandbox against real host listeners."""

import secrets
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import pytest

if TYPE_CHECKING:
    from tests.sandbox.conftest import Attack

ATTACKS: dict[str, Callable[..., Awaitable[None]]] = {}


def attack(function: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    ATTACKS[function.__name__] = function
    return function


class Listener:
    """A host socket that records every connection it accepts."""

    def __init__(self, family: int, address: tuple[str, int] | str) -> None:
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(address)
        self.socket.listen(16)
        self.socket.settimeout(0.1)
        self.address = self.socket.getsockname()
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listeners(host_dir: Path) -> Iterator[dict[str, Listener]]:
    """Host listeners on 127.0.0.1, ::1, an abstract Unix socket and a Unix socket file."""
    made = {
        "ipv4": Listener(socket.AF_INET, ("127.0.0.1", 0)),
        "ipv6": Listener(socket.AF_INET6, ("::1", 0)),
        "abstract": Listener(socket.AF_UNIX, f"\0riskcase-test-{secrets.token_hex(4)}"),
        "file": Listener(socket.AF_UNIX, str(host_dir / "service.sock")),
    }
    (host_dir / "service.sock").chmod(0o777)
    host_dir.chmod(0o755)
    yield made
    for listener in made.values():
        listener.close()


def connect_script(family: str, address: object) -> str:
    """Python that tries to connect and prints CONNECTED or the error."""
    return (
        "import socket\n"
        f"s = socket.socket(socket.{family}, socket.SOCK_STREAM)\n"
        "s.settimeout(3)\n"
        f"try:\n    s.connect({address!r}); print('CONNECTED')\n"
        "except OSError as ex:\n    print('refused', ex)\n"
    )


async def check_host_works(listener: Listener) -> None:
    """The listener itself is reachable from the host (so a failure inside means something)."""
    before = listener.connections
    probe = socket.socket(listener.socket.family, socket.SOCK_STREAM)
    probe.connect(listener.address)
    probe.close()
    with anyio.fail_after(5):
        while listener.connections == before:
            await anyio.sleep(0.01)


@attack
async def tcp_host_loopback(a: "Attack", listeners: dict[str, Listener]) -> None:
    host, port = listeners["ipv4"].address
    result = await a.sandbox.exec(["python3", "-"], input=connect_script("AF_INET", (host, port)))
    assert "CONNECTED" not in result.stdout and "refused" in result.stdout


@attack
async def tcp_host_loopback_ipv6(a: "Attack", listeners: dict[str, Listener]) -> None:
    host, port, *_ = listeners["ipv6"].address
    result = await a.sandbox.exec(["python3", "-"], input=connect_script("AF_INET6", (host, port)))
    assert "CONNECTED" not in result.stdout


@attack
async def bash_dev_tcp(a: "Attack", listeners: dict[str, Listener]) -> None:
    _, port = listeners["ipv4"].address
    result = await a.sh(f"echo hi > /dev/tcp/127.0.0.1/{port}; echo hi > /dev/tcp/localhost/{port}")
    assert "Connection refused" in result.stderr


@attack
async def abstract_unix_socket(a: "Attack", listeners: dict[str, Listener]) -> None:
    name = listeners["abstract"].address
    result = await a.sandbox.exec(["python3", "-"], input=connect_script("AF_UNIX", name))
    assert "CONNECTED" not in result.stdout and "refused" in result.stdout


@attack
async def unix_socket_file(a: "Attack", listeners: dict[str, Listener]) -> None:
    path = listeners["file"].address
    result = await a.sandbox.exec(["python3", "-"], input=connect_script("AF_UNIX", path))
    assert "CONNECTED" not in result.stdout and "No such file" in result.stdout


@attack
async def network_interfaces(a: "Attack", listeners: dict[str, Listener]) -> None:
    result = await a.sh("tail -n +3 /proc/net/dev | cut -d: -f1; tail -n +2 /proc/net/route")
    assert result.stdout.split() == ["lo"]  # loopback of its own, no routes


@attack
async def egress_public_address(a: "Attack", listeners: dict[str, Listener]) -> None:
    # a documentation address (RFC 5737): with no route the connect fails before any packet
    script = connect_script("AF_INET", ("192.0.2.1", 80))
    result = await a.sandbox.exec(["python3", "-"], input=script)
    assert "Network is unreachable" in result.stdout


@attack
async def dns_lookup(a: "Attack", listeners: dict[str, Listener]) -> None:
    result = await a.sh("getent hosts example.com || echo NO-DNS")
    assert "NO-DNS" in result.stdout


@attack
async def raw_and_packet_sockets(a: "Attack", listeners: dict[str, Listener]) -> None:
    script = (
        "import socket\n"
        "for args in [(socket.AF_INET, socket.SOCK_RAW, 1), (socket.AF_PACKET, socket.SOCK_RAW, 0)]:\n"
        "    try:\n        socket.socket(*args); print('OPENED')\n"
        "    except PermissionError:\n        print('denied')\n"
    )
    result = await a.sandbox.exec(["python3", "-"], input=script)
    assert result.stdout.split() == ["denied", "denied"]


@pytest.mark.parametrize("name", list(ATTACKS))
async def test_attack_is_contained(
    name: str, attack: "Attack", listeners: dict[str, Listener]
) -> None:
    for listener in listeners.values():
        await check_host_works(listener)
    connections = {key: listener.connections for key, listener in listeners.items()}
    await ATTACKS[name](attack, listeners)
    await anyio.sleep(0.2)  # let the accept threads count anything that came in
    # only the host's own probe connections were ever accepted
    assert {key: listener.connections for key, listener in listeners.items()} == connections
