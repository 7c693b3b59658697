"""Orders placed through HTTP at a steady rate, as well-behaved clients place them.

Open loop: the n-th order is sent at ``n / rate`` seconds whatever became of the others, so a slow
OMS builds a backlog instead of slowing the load. A client that gets no answer or a 5xx tries again,
after a short pause, with the same ``Idempotency-Key``: what a real client does, and how an order
placed just before a failure is found again instead of placed twice.
"""

import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

ADDRESS = {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London"}
ADDRESS |= {"postal_code": "SW1Y 4JH", "country": "GB"}


@dataclass(frozen=True)
class Try:
    started: float  # time.monotonic()
    ended: float
    outcome: str  # the HTTP status, or the name of the error met


@dataclass
class Placement:
    key: str
    status: int = 0  # the last answer's status; 0 if none came
    order_id: str = ""
    tries: list[Try] = field(default_factory=list)

    @property
    def placed(self) -> bool:
        return self.status == 201

    @property
    def failures(self) -> list[Try]:
        return [t for t in self.tries if t.outcome != "201"]


def order_body(sku: str, quantity: int) -> dict[str, Any]:
    items = [{"sku": sku, "quantity": quantity}]
    return {"items": items, "shipping_address": ADDRESS, "currency": "EUR", "payment": {"token": "tok_visa"}}


class Load:
    def __init__(self, clients: list[httpx.Client], sku: str, *, tries: int = 6, pause: float = 0.5) -> None:
        self.clients, self.sku, self.tries, self.pause = clients, sku, tries, pause

    def run(self, *, rate: float, seconds: float, threads: int = 16) -> list[Placement]:
        count, started = round(rate * seconds), time.monotonic()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            futures = []
            for n in range(count):
                time.sleep(max(0.0, started + n / rate - time.monotonic()))
                futures.append(pool.submit(self.place, self.clients[n % len(self.clients)], 1 + n % 3))
            return [future.result(timeout=self.tries * 20) for future in futures]

    def place(self, client: httpx.Client, quantity: int) -> Placement:
        placement = Placement(key=uuid.uuid4().hex)
        for _ in range(self.tries):
            started = time.monotonic()
            try:
                response = client.post(
                    "/api/v1/orders/",
                    json=order_body(self.sku, quantity),
                    headers={"Idempotency-Key": placement.key},
                )
            except httpx.HTTPError as error:
                placement.tries.append(Try(started, time.monotonic(), type(error).__name__))
            else:
                placement.tries.append(Try(started, time.monotonic(), str(response.status_code)))
                placement.status = response.status_code
                if response.status_code < 500:
                    placement.order_id = response.json().get("id", "") if placement.placed else ""
                    break
            time.sleep(self.pause)
        return placement


class Sampler:
    """Calls ``probe`` every ``interval`` seconds on a thread of its own, keeping (elapsed, answer)."""

    def __init__(self, probe: Any, interval: float) -> None:
        self.probe, self.interval = probe, interval
        self.samples: list[tuple[float, Any]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "Sampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        started = time.monotonic()
        while not self._stop.is_set():
            self.samples.append((time.monotonic() - started, self.probe()))
            self._stop.wait(self.interval)


def growth_over_last_half(samples: list[tuple[float, int]]) -> tuple[int, float]:
    """Bytes and fraction gained from the middle of the run to its end, each the median of 3 samples.

    The first half is warm-up (imports, caches, pools filling); a leak shows in the second.
    """
    values = [value for _, value in samples]
    middle = len(values) // 2
    at_half = statistics.median(values[max(0, middle - 1) : middle + 2])
    at_end = statistics.median(values[-3:])
    return int(at_end - at_half), (at_end - at_half) / at_half
