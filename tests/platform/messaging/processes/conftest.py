"""Fixtures that own real processes: each is killed at teardown, before the test database is flushed."""

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery
from kombu import pools

from oms.config.celery import app as celery_app
from tests.platform.messaging.processes.support import RedisServer, kill, spawn


class Processes:
    """The children of one test, with their output kept for the failure message."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        process = spawn(command, env, self.logs / f"{name}.log")
        self.started.append(process)
        return process

    def output(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def kill_all(self) -> None:
        for process in self.started:
            kill(process)


@pytest.fixture
def processes(transactional_db: None, tmp_path: Path) -> Iterator[Processes]:
    children = Processes(tmp_path)
    try:
        yield children
    finally:
        children.kill_all()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test's own on a free port, never the machine's shared one."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed; the process tests start Redis servers of their own")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def own_broker(own_redis: RedisServer) -> Iterator[RedisServer]:
    """This process publishes to ``own_redis`` for real (not eagerly) for the length of the test."""
    saved = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    _forget_connections(celery_app)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = own_redis.url, False
    try:
        yield own_redis
    finally:
        _forget_connections(celery_app)
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved


def _forget_connections(app: Celery) -> None:
    # Celery caches its pools, and kombu keeps them in a registry keyed by broker URL: reset both, so
    # the next publish connects afresh to whichever broker is configured now.
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
