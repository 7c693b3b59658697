"""The OMS as production runs it: gunicorn, a Celery worker and beat, PostgreSQL and a Redis of its own.

The stack starts once per module and every process is killed when the module ends, whatever
happened. Callers sign in with bearer tokens from a local JWKS endpoint, as from an OIDC provider.
"""

import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from oms.platform.messaging.bus import bus
from tests.contexts.identity.support.jwks_server import JwksServer
from tests.contexts.identity.support.keys import AUDIENCE, ISSUER, claims_for, rsa_key
from tests.platform.messaging.processes.support import RedisServer, child_env, free_port, kill, spawn

WAIT_SECONDS = 30.0


class Stack:
    def __init__(self, base_url: str, jwks: JwksServer, logs: Path) -> None:
        self.base_url, self.jwks, self.logs = base_url, jwks, logs
        self.worker: Any = None

    def client(self, role: str, subject: str) -> httpx.Client:
        token = self.jwks.keys[0].sign(claims_for(role, subject=subject))
        return httpx.Client(base_url=self.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)

    @contextmanager
    def worker_paused(self) -> Iterator[None]:
        """SIGSTOP the worker: messages wait in Redis, unhandled, until it is continued."""
        os.killpg(self.worker.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.killpg(self.worker.pid, signal.SIGCONT)

    def output(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in self.logs.glob("*.log")
        )


def eventually(probe: Callable[[], Any], *, timeout: float = WAIT_SECONDS, interval: float = 0.1) -> Any:
    """The first truthy answer of ``probe``; fails with the last answer once ``timeout`` has passed."""
    deadline = time.monotonic() + timeout
    while True:
        answer = probe()
        if answer or time.monotonic() > deadline:
            assert answer, f"still {answer!r} after {timeout} s"
            return answer
        time.sleep(interval)


def quiet(*, timeout: float = WAIT_SECONDS, still: float = 1.0) -> None:
    """Until every outbox is published and no inbox has grown for ``still`` seconds: nothing in flight.

    The test database is emptied between tests with TRUNCATE; a handler still running then could
    deadlock with it, so each test waits for the workers to finish what it started.
    """

    def handled() -> int:
        return sum(inbox._default_manager.count() for inbox in bus.inboxes())

    deadline, seen, since = time.monotonic() + timeout, -1, time.monotonic()
    while time.monotonic() < deadline:
        pending = sum(
            outbox._default_manager.filter(published_at__isnull=True).count() for outbox in bus.outboxes()
        )
        count = handled()
        if pending or count != seen:
            seen, since = count, time.monotonic()
        elif time.monotonic() - since >= still:
            return
        time.sleep(0.1)


def _ready(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def stack(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    logs = tmp_path_factory.mktemp("e2e")
    jwks, redis = JwksServer([rsa_key()]), RedisServer(logs)
    jwks.start()
    redis.start()
    port, started = free_port(), []
    with django_db_blocker.unblock():
        env = child_env(broker_url=redis.url, OIDC_OP_ISSUER=ISSUER, OIDC_OP_JWKS_ENDPOINT=jwks.url)
    env |= {"OIDC_AUDIENCE": AUDIENCE, "MESSAGING_RELAY_INTERVAL": "0.5", "CELERY_VISIBILITY_TIMEOUT": "30"}
    celery = [sys.executable, "-m", "celery", "-A", "oms.config.celery"]
    commands = {
        "web": [sys.executable, "-m", "gunicorn", "oms.config.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "30"],
        "worker": [*celery, "worker", "--concurrency", "2", "--loglevel", "INFO", "--without-gossip",
                   "--without-mingle", "--without-heartbeat"],
        "beat": [*celery, "beat", "--loglevel", "INFO", "--schedule", str(logs / "beat-schedule")],
    }  # fmt: skip
    stack = Stack(f"http://127.0.0.1:{port}", jwks, logs)
    try:
        for name, command in commands.items():
            started.append(spawn(command, env, logs / f"{name}.log"))
        stack.worker = started[1]
        eventually(lambda: _ready(stack.base_url), timeout=60)
        yield stack
    finally:
        for process in started:
            kill(process)
        redis.stop()
        jwks.stop()
