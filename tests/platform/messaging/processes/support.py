"""Real processes for the messaging tests: a Redis of our own, Celery workers and helper scripts.

Everything here is bounded: every wait has a deadline, and every process started is killed by the
fixture that started it, whatever the test did.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import redis
from django.db import connection

REPO_ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parent
PACKAGE = "tests.platform.messaging.processes"


def wait_until(condition: Callable[[], object], *, timeout: float, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {timeout} s: {getattr(condition, '__name__', condition)}")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def shared_database_url() -> str:
    """The URL of the database this (xdist) test worker uses, for processes that must share it."""
    settings = connection.settings_dict
    password = f":{quote(settings['PASSWORD'])}" if settings.get("PASSWORD") else ""
    host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
    return f"postgres://{quote(settings['USER'])}{password}@{host}:{port}/{settings['NAME']}"


class RedisServer:
    """A throwaway redis-server on a free loopback port: no persistence, ours to stop and restart."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=2, socket_connect_timeout=2)

    def start(self) -> None:
        options = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            ["redis-server", *options, "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=10)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(
                f"redis-server exited with {self.process.returncode} (port {self.port} taken?)"
            )
        try:
            return bool(self.client().ping())
        except redis.ConnectionError:
            return False


def child_env(*, broker_url: str = "", eager: bool = False, **extra: str) -> dict[str, str]:
    """The environment of a child sharing this test's database and our own broker (none: embedded)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="oms.config.settings",
        DATABASE_URL=shared_database_url(),
        DATABASE_POOL="false",
        REDIS_URL=broker_url,
        CELERY_TASK_ALWAYS_EAGER="true" if eager else "false",
        DEBUG="true",
        PYTHONPATH=str(REPO_ROOT),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def spawn(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start ``command`` in its own process group, output to ``log``, from the repository root."""
    with log.open("ab") as output:
        return subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def worker_command(*queues: str) -> list[str]:
    return [
        sys.executable, "-m", "celery", "-A", f"{PACKAGE}.worker_app", "worker",
        "-Q", ",".join(queues or ("notifications", "platform")),
        "--pool", "solo", "--concurrency", "1", "--loglevel", "INFO", "--without-heartbeat",
        "--without-gossip", "--without-mingle",
    ]  # fmt: skip


def script_command(name: str, *args: str) -> list[str]:
    return [sys.executable, str(HERE / name), *args]


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process and its group: no cleanup of any kind runs, as in a crash."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):  # it died on its own meanwhile
            os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
