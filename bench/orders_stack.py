"""The processes of the orders benchmark: a Redis of its own, gunicorn, a Celery worker and beat.

Everything started here is killed on the way out, whatever happened. Callers sign in with bearer
tokens signed by a local JWKS endpoint, as from an OIDC provider (the tests' helpers, reused).
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.common import REPO_ROOT
from tests.contexts.identity.support.jwks_server import JwksServer
from tests.contexts.identity.support.keys import AUDIENCE, ISSUER, claims_for, rsa_key
from tests.platform.messaging.processes.support import free_port


@dataclass
class Stack:
    base_url: str
    jwks: JwksServer

    def token(self, role: str, subject: str) -> str:
        claims = claims_for(role, subject=subject)
        claims["exp"] += 3600  # outlives the run
        return self.jwks.keys[0].sign(claims)


def _spawn(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _wait_ready(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} not ready after {timeout} s")


@contextmanager
def running(logs: Path, *, web_workers: int, worker_concurrency: int) -> Iterator[Stack]:
    logs.mkdir(parents=True, exist_ok=True)
    redis_port, web_port = free_port(), free_port()
    jwks = JwksServer([rsa_key()])
    jwks.start()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.orders_settings",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "OIDC_OP_ISSUER": ISSUER,
        "OIDC_OP_JWKS_ENDPOINT": jwks.url,
        "OIDC_AUDIENCE": AUDIENCE,
        "MESSAGING_RELAY_INTERVAL": "1.0",
    }
    celery = [sys.executable, "-m", "celery", "-A", "oms.config.celery"]
    commands = {
        "redis": ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                  "--appendonly", "no"],
        "web": [sys.executable, "-m", "gunicorn", "oms.config.wsgi:application",
                "--bind", f"127.0.0.1:{web_port}", "--workers", str(web_workers), "--timeout", "60",
                "--backlog", "2048"],
        "worker": [*celery, "worker", "--concurrency", str(worker_concurrency), "--loglevel", "WARNING",
                   "--without-gossip", "--without-mingle", "--without-heartbeat"],
        "beat": [*celery, "beat", "--loglevel", "WARNING", "--schedule", str(logs / "beat-schedule")],
    }  # fmt: skip
    started: list[subprocess.Popen[bytes]] = []
    try:
        for name, command in commands.items():
            started.append(_spawn(command, env, logs / f"{name}.log"))
            if name == "redis":
                time.sleep(0.5)
        _wait_ready(f"http://127.0.0.1:{web_port}/readyz")
        yield Stack(f"http://127.0.0.1:{web_port}", jwks)
    finally:
        for process in reversed(started):
            _stop(process)
        jwks.stop()
