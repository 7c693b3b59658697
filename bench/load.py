"""The moving parts of the lag benchmark: workers, the steady writer and the handler's records."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from django.conf import settings
from django.db import transaction

from bench import common, message
from bench.common import QUEUE, REPO_ROOT, STARTS_KEY
from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox

_broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)


def reset() -> None:
    common.truncate(NotificationsOutbox, NotificationsInbox)
    _broker.delete(QUEUE, "platform", STARTS_KEY)


@contextmanager
def workers(queue_sets: list[list[str]], logs: Path) -> Iterator[None]:
    """Celery workers, one per queue set, killed on the way out whatever happened."""
    started = [_start_worker(queues, logs / f"worker-{n}.log") for n, queues in enumerate(queue_sets)]
    try:
        yield
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def _start_worker(queues: list[str], log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "celery", "-A", "bench.worker_app", "worker", "-Q", ",".join(queues),
        "--pool", "solo", "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    with log.open("wb") as output:
        return subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def commit_one(ping_id: str, committed: dict[str, float]) -> None:
    with message.BenchUnitOfWork() as uow:
        uow.publish(message.pinged(ping_id), aggregate_id=ping_id)
        # Registered before the nudge, so it records the moment the commit returned, not the nudge's.
        transaction.on_commit(lambda: committed.__setitem__(ping_id, time.time()))
        uow.commit()


def wait_for_warm_up(timeout: float = 60) -> None:
    """Both workers are consuming once a first message has gone all the way through."""
    commit_one("warm-up", {})
    wait_for_handlers(1, timeout=timeout)
    _broker.delete(STARTS_KEY)


def drive(rate: float, seconds: float) -> dict[str, float]:
    committed: dict[str, float] = {}
    count, origin = int(rate * seconds), time.monotonic()
    for n in range(count):
        delay = origin + n / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        commit_one(f"lag-{n}", committed)
        if n % int(rate) == 0:
            print(f"  t={n / rate:4.0f} s  waiting: {_broker.llen('platform'):5} relay runs, "
                  f"{_broker.llen(QUEUE):5} deliveries")  # fmt: skip
    achieved = count / (time.monotonic() - origin)
    print(f"wrote {count} messages at {achieved:.0f}/s")
    return committed


def wait_for_handlers(count: int, *, timeout: float) -> dict[str, float]:
    deadline = time.monotonic() + timeout
    while _broker.hlen(STARTS_KEY) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {_broker.hlen(STARTS_KEY)} of {count} handlers started in {timeout} s")
        time.sleep(0.1)
    return {key.decode(): float(value) for key, value in _broker.hgetall(STARTS_KEY).items()}
