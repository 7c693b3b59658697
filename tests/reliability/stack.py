"""The OMS as production runs it, for the drills and the soak: one process per role, on threads.

gunicorn (gthread, one process), a Celery worker (threads pool, every queue) and beat, a Redis of
its own, and PostgreSQL through Django's connection pool, as in production (the e2e stack runs
without it). Callers sign in with bearer tokens from a local JWKS endpoint. Everything started here
is killed by ``stop``, whatever happened; every wait has a deadline.
"""

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.contexts.identity.support.jwks_server import JwksServer
from tests.contexts.identity.support.keys import AUDIENCE, ISSUER, claims_for, rsa_key
from tests.platform.messaging.processes.support import RedisServer, free_port, kill, spawn

CELERY = [sys.executable, "-m", "celery", "-A", "oms.config.celery"]
# As in production: the connection pool on and DEBUG off (it keeps every query in memory); mail is
# accepted and dropped, so a soak measures the OMS and not a log of e-mails.
PRODUCTION_LIKE = {"DATABASE_POOL": "true", "DEBUG": "false", "EMAIL_URL": "dummymail://"}
# Short waits, so a lost message shows within a drill: a dead worker's messages come back after the
# visibility timeout (above the longest retry delay), and the sweeper asks again after a step's timeout.
TIMINGS = {
    "MESSAGING_RELAY_INTERVAL": "0.5",
    "CELERY_VISIBILITY_TIMEOUT": "10",
    "MESSAGING_RETRY_MAX_DELAY": "4",
    "ORDERS_RESERVE_STOCK_TIMEOUT_SECONDS": "30",
    "ORDERS_AUTHORIZE_PAYMENT_TIMEOUT_SECONDS": "30",
    "ORDERS_SWEEP_INTERVAL": "5",
}


class Stack:
    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.logs, self.port, self.worker_metrics_port = logs, free_port(), free_port()
        self.jwks, self.redis = JwksServer([rsa_key()]), RedisServer(logs)
        self.env = env | PRODUCTION_LIKE | TIMINGS | {"OIDC_OP_ISSUER": ISSUER, "OIDC_AUDIENCE": AUDIENCE}
        self.env["METRICS_PORT"] = str(self.worker_metrics_port)  # only a Celery worker serves it
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def commands(self) -> dict[str, list[str]]:
        return {
            "web": [sys.executable, "-m", "gunicorn", "oms.config.wsgi:application", "--bind",
                    f"127.0.0.1:{self.port}", "--worker-class", "gthread", "--workers", "1", "--threads", "4",
                    "--timeout", "30"],
            "worker": [*CELERY, "worker", "--pool", "threads", "--concurrency", "4", "--loglevel", "INFO",
                       "--without-gossip", "--without-mingle", "--without-heartbeat"],
            "beat": [*CELERY, "beat", "--loglevel", "INFO", "--schedule", str(self.logs / "beat-schedule")],
        }  # fmt: skip

    def start(self) -> None:
        self.jwks.start()
        self.redis.start()
        self.env |= {"REDIS_URL": self.redis.url, "OIDC_OP_JWKS_ENDPOINT": self.jwks.url}
        for name in self.commands():
            self._spawn(name)
        eventually(self._ready, timeout=90, what="the web answers /readyz")

    def stop(self) -> None:
        for process in self.processes.values():
            kill(process)
        self.redis.stop()
        self.jwks.stop()

    def crash_worker(self) -> None:
        """SIGKILL the worker: no warm shutdown, its unacknowledged messages stay with Redis."""
        kill(self.processes["worker"])

    def start_worker(self) -> None:
        self._spawn("worker")

    def client(self, subject: str, role: str = "customer") -> httpx.Client:
        claims = claims_for(role, subject=subject)
        claims["exp"] += 3600  # outlives a soak
        token = self.jwks.keys[0].sign(claims)
        return httpx.Client(base_url=self.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=15)

    def rss(self) -> dict[str, int]:
        """Resident memory of the processes that serve: gunicorn's worker, and the Celery worker."""
        web = children(self.processes["web"].pid) or [self.processes["web"].pid]
        return {"web": resident_bytes(web[0]), "worker": resident_bytes(self.processes["worker"].pid)}

    def metrics(self, process: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        """Every sample the web's /metrics or the worker's METRICS_PORT serves, by name and labels."""
        url = (
            f"{self.base_url}/metrics"
            if process == "web"
            else f"http://127.0.0.1:{self.worker_metrics_port}/"
        )
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(httpx.get(url, timeout=5).text)
            for sample in family.samples
        }

    def output(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-4000:]}" for p in self.logs.glob("*.log")
        )

    def _spawn(self, name: str) -> None:
        self.processes[name] = spawn(self.commands()[name], self.env, self.logs / f"{name}.log")

    def _ready(self) -> bool:
        if any(process.poll() is not None for process in self.processes.values()):
            raise RuntimeError(f"a process of the stack exited:\n{self.output()}")
        try:
            return httpx.get(f"{self.base_url}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def resident_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise LookupError(f"no VmRSS for process {pid}")


def eventually(probe: Callable[[], Any], *, timeout: float, what: str, interval: float = 0.2) -> Any:
    """The first truthy answer of ``probe``; fails, naming ``what``, once ``timeout`` has passed."""
    deadline = time.monotonic() + timeout
    while True:
        answer = probe()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s: {what} (last answer {answer!r})")
        time.sleep(interval)
