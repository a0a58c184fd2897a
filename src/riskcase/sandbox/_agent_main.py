"""The in-sandbox agent: PID 1 of a sample's sandbox, which starts commands for the host.

Not imported by riskcase: bwrap runs this file inside the sandbox with the sandbox's
/usr/bin/python3 (``-I -S``), so it uses the standard library only.

The supervisor is PID 1: it cannot be killed from inside, has no per-process limits, reaps
orphans, and when it exits the kernel kills every process of the sample. It forks the
launcher, which takes the per-process limits (hard: commands inherit them and cannot raise
them), reads the host's requests and starts commands with ``subprocess.Popen`` (vfork, as
cheap as a local command). If a command kills the launcher, the supervisor adopts its
commands and forks a new one; so it does when the launcher retires before its CPU limit.

Protocol over the inherited control socket (AF_UNIX, SOCK_SEQPACKET: one message each):
  host -> launcher: {"op": "run", "id", "stdin", "argv", "env", "cwd"} with the command's
    stdout and stderr pipe ends (and stdin's when "stdin") as SCM_RIGHTS; when "memfd" is
    true, argv, env and cwd come as JSON in a memfd passed after the pipes.
    {"op": "kill", "id"} kills the command's process group.
  sandbox -> host: {"event": "ready"}, {"id", "event": "exit", "code"} and
    {"id", "event": "error", "stage", "errno", "message"}.
Launcher -> supervisor, on a pipe: "a <id>" (accepted), "s <id> <pid>" (started) and
"d <id>" (reply sent).
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import select
import signal
import socket
import struct
import subprocess
import sys
import time

_PR_SET_DUMPABLE = 4
_MAX_MESSAGE = 65536
_HOST_GONE = 0  # launcher exit code: the host closed the channel
_RELAUNCH_INTERVAL = 0.2
_SPAWN_ATTEMPTS = 40
_LIMIT_NOTE = (
    b"[riskcase: the sandbox had reached its process limit, so all its processes were killed]\n"
)


class Supervisor:
    """PID 1: keeps the sandbox alive, supervises the launcher, reaps orphans."""

    def __init__(self, control: socket.socket, settings: dict) -> None:
        self.control = control
        self.settings = settings
        self.wake_r = _wakeup_pipe()
        self.report_r, self.report_w = os.pipe2(os.O_CLOEXEC)
        os.set_blocking(self.report_r, False)
        self.report_buffer = b""
        self.accepted: set[int] = set()
        self.started: dict[int, int] = {}  # id -> pid of commands not yet reported
        self.adopted: dict[int, int] = {}  # pid -> id of commands whose launcher died
        self.launcher = 0
        self.forked_at = float("-inf")

    def run(self) -> None:
        self.fork_launcher()
        _send(self.control, {"event": "ready"})
        while True:
            timeout = None if self.launcher else _RELAUNCH_INTERVAL
            readable, _, _ = select.select([self.wake_r, self.report_r], [], [], timeout)
            if self.report_r in readable:
                self.read_reports()
            _drain(self.wake_r)
            if self.reap():
                return
            if not self.launcher:
                self.fork_launcher()

    def fork_launcher(self) -> None:
        if time.monotonic() - self.forked_at < _RELAUNCH_INTERVAL:
            return  # a launcher that keeps dying must not make us spin
        self.forked_at = time.monotonic()
        try:
            pid = os.fork()
        except OSError:
            return  # process limit reached: try again shortly
        if pid == 0:
            try:
                os.close(self.report_r)
                pgids = {**self.started, **{i: p for p, i in self.adopted.items()}}
                Launcher(self.control, self.report_w, self.settings, pgids).run()
            finally:
                os._exit(2)
        self.launcher = pid

    def read_reports(self) -> None:
        try:
            while True:
                chunk = os.read(self.report_r, 65536)
                if not chunk:
                    break
                self.report_buffer += chunk
        except BlockingIOError:
            pass
        *lines, self.report_buffer = self.report_buffer.split(b"\n")
        for line in lines:
            kind, *fields = line.split()
            if kind == b"a":
                self.accepted.add(int(fields[0]))
            elif kind == b"s":
                self.accepted.discard(int(fields[0]))
                self.started[int(fields[0])] = int(fields[1])
            elif kind == b"d":
                self.accepted.discard(int(fields[0]))
                self.started.pop(int(fields[0]), None)

    def reap(self) -> bool:
        """Reap exited children; True when the sandbox should end."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG | os.WUNTRACED)
            except ChildProcessError:
                return False
            if pid == 0:
                return False
            if os.WIFSTOPPED(status):
                if pid == self.launcher:
                    os.kill(pid, signal.SIGCONT)
                continue
            if pid == self.launcher:
                self.launcher = 0
                if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _HOST_GONE:
                    return True
                self.adopt()
            elif pid in self.adopted:
                _send(self.control, _exit_message(self.adopted.pop(pid), status))

    def adopt(self) -> None:
        """Take over the commands of a launcher that died."""
        self.read_reports()
        for command_id in self.accepted:
            _send(self.control, _error(command_id, "launcher", 0, "the launcher was killed"))
        self.accepted.clear()
        for command_id, pid in self.started.items():
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                _send(self.control, _error(command_id, "launcher", 0, "exit status lost"))
                continue
            if done:
                _send(self.control, _exit_message(command_id, status))
            else:
                self.adopted[pid] = command_id
        self.started.clear()


class Launcher:
    """Starts commands under the per-process limits, reports their exits to the host."""

    def __init__(self, control: socket.socket, report_w: int, settings: dict, pgids: dict) -> None:
        for name, value in settings["child_limits"].items():
            _set_limit(getattr(resource, name), value)
        self.retire_at = settings["child_limits"].get("RLIMIT_CPU", 0) / 2
        self.control = control
        self.report_w = report_w
        self.wake_r = _wakeup_pipe()
        self.children: dict[int, tuple[int, subprocess.Popen]] = {}
        self.pgids: dict[int, int] = pgids

    def run(self) -> None:
        try:
            while True:
                control = self.control.fileno()
                readable, _, _ = select.select([control, self.wake_r], [], [])
                _drain(self.wake_r)
                self.reap()
                if control in readable and not self.receive():
                    os._exit(_HOST_GONE)
                if self.retire_at and not self.children and _cpu_seconds() > self.retire_at:
                    os._exit(1)  # the supervisor forks a fresh launcher
        except BaseException:
            os._exit(2)

    def receive(self) -> bool:
        data, ancillary, flags, _ = self.control.recvmsg(
            _MAX_MESSAGE, socket.CMSG_SPACE(4 * 4), socket.MSG_CMSG_CLOEXEC
        )
        fds: list[int] = []
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                usable = len(payload) - len(payload) % 4
                fds.extend(struct.unpack(f"{usable // 4}i", payload[:usable]))
        try:
            if not data:
                return False
            request = json.loads(data)
            if request.get("op") == "run":
                self.start(request, fds)
            elif request.get("op") == "kill":
                _kill(self.pgids.get(request.get("id")))
            return True
        finally:
            for fd in fds:
                os.close(fd)

    def start(self, request: dict, fds: list[int]) -> None:
        command_id = request["id"]
        self.report(f"a {command_id}")
        pipes = 3 if request.get("stdin") else 2
        if request.get("memfd") and len(fds) == pipes + 1:
            size = os.fstat(fds[pipes]).st_size
            request.update(json.loads(os.pread(fds[pipes], size, 0)))
        elif len(fds) != pipes:
            return self.fail(command_id, "protocol", 0, "wrong number of file descriptors")
        try:
            process = self.spawn(request, fds, pipes)
        except OSError as ex:
            stage = "cwd" if ex.filename == request["cwd"] else "exec"
            if isinstance(ex, BlockingIOError):
                stage = "fork"
            return self.fail(command_id, stage, ex.errno or 0, ex.strerror or str(ex))
        except (ValueError, TypeError) as ex:
            return self.fail(command_id, "exec", 0, str(ex))
        self.children[process.pid] = (command_id, process)
        self.pgids[command_id] = process.pid
        self.report(f"s {command_id} {process.pid}")

    def spawn(self, request: dict, fds: list[int], pipes: int) -> subprocess.Popen:
        """Start the command; if the sandbox is at its process limit, free it first."""
        for attempt in range(_SPAWN_ATTEMPTS):
            try:
                return subprocess.Popen(
                    request["argv"],
                    stdin=fds[2] if pipes == 3 else subprocess.DEVNULL,
                    stdout=fds[0],
                    stderr=fds[1],
                    cwd=request["cwd"],
                    env=request["env"],
                    start_new_session=True,
                )
            except BlockingIOError:
                if attempt == _SPAWN_ATTEMPTS - 1:
                    raise
                if attempt == 0:  # a process flood (fork bomb): kill every process but us
                    for _ in range(2):
                        os.kill(-1, signal.SIGKILL)
                    os.write(fds[1], _LIMIT_NOTE)
                time.sleep(0.05)  # the supervisor reaps the orphans meanwhile
                self.reap()
        raise AssertionError("unreachable")

    def reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            command_id, process = self.children.pop(pid, (0, None))
            if process is None:
                continue
            process.returncode = os.waitstatus_to_exitcode(status)
            self.pgids.pop(command_id, None)
            _send(self.control, _exit_message(command_id, status))
            self.report(f"d {command_id}")

    def fail(self, command_id: int, stage: str, errno: int, message: str) -> None:
        _send(self.control, _error(command_id, stage, errno, message))
        self.report(f"d {command_id}")

    def report(self, line: str) -> None:
        os.write(self.report_w, line.encode() + b"\n")


def _exit_message(command_id: int, status: int) -> dict:
    code = os.waitstatus_to_exitcode(status)
    return {"id": command_id, "event": "exit", "code": 128 - code if code < 0 else code}


def _error(command_id: int, stage: str, errno: int, message: str) -> dict:
    return {"id": command_id, "event": "error", "stage": stage, "errno": errno, "message": message}


def _kill(pgid: int | None) -> None:
    if pgid is not None:
        for _ in range(2):
            try:
                os.killpg(pgid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                return


def _wakeup_pipe() -> int:
    """A pipe that becomes readable on SIGCHLD; returns its read end."""
    wake_r, wake_w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    return wake_r


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


def _set_limit(limit: int, value: int) -> None:
    """Set a hard (and soft) limit, never above the one we were given."""
    _, hard = resource.getrlimit(limit)
    value = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(limit, (value, value))


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _send(control: socket.socket, message: dict) -> None:
    control.sendall(json.dumps(message).encode())


def main() -> None:
    control = socket.socket(fileno=int(sys.argv[1]))
    control.set_inheritable(False)
    settings = json.loads(sys.argv[2])
    # no ptrace, /proc/<pid>/mem or fd theft by the sandbox's own processes
    ctypes.CDLL(None).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    if settings.get("nproc"):
        _set_limit(resource.RLIMIT_NPROC, settings["nproc"])
    Supervisor(control, settings).run()


if __name__ == "__main__":
    main()
