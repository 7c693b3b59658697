"""Retries with full jitter and a circuit breaker around one attempt at the provider.

Only attempts that raise ``Transient`` are retried, and only because every request we send carries
an idempotency key: a timeout after the provider moved the money is then safe to repeat. Answers
(including a 4xx decline) are returned, never retried, and never count against the breaker.
The breaker (pybreaker) opens after ``fail_max`` transient failures in a row, refuses calls at
once while open, and after ``reset_timeout`` lets one call through to probe (half-open).
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pybreaker

from oms.contexts.payments.infrastructure.gateways.metrics import BreakerStateGauge

T = TypeVar("T")


class Transient(Exception):
    """An attempt failed in a way the same request may not (timeout, dropped connection, 5xx)."""


class Unavailable(Exception):
    """The provider gave no answer, after every retry we judged safe."""


class CircuitOpen(Unavailable):
    """The breaker is open: the provider failed repeatedly, so we do not even try."""


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    max_attempts: int = 3
    base_delay: float = 0.25
    max_delay: float = 2.0

    def delay(self, retry: int) -> float:
        """Full jitter: many clients retrying after one outage spread out instead of stampeding."""
        return random.uniform(0, min(self.max_delay, self.base_delay * 2**retry))  # noqa: S311  (not crypto)


def circuit_breaker(name: str, *, fail_max: int = 5, reset_timeout: float = 30.0) -> pybreaker.CircuitBreaker:
    return pybreaker.CircuitBreaker(
        fail_max=fail_max,
        reset_timeout=reset_timeout,
        exclude=[lambda exc: not isinstance(exc, Transient)],
        listeners=[BreakerStateGauge(name)],
        name=name,
    )


class Resilient:
    def __init__(
        self,
        *,
        breaker: pybreaker.CircuitBreaker,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.breaker, self.policy, self._sleep = breaker, policy, sleep

    def call(self, attempt: Callable[[], T]) -> T:
        for number in range(1, self.policy.max_attempts + 1):
            try:
                return self.breaker.call(attempt)
            except pybreaker.CircuitBreakerError as exc:
                raise CircuitOpen(f"circuit open: {self.breaker.name} failed repeatedly") from exc
            except Transient as exc:
                if number == self.policy.max_attempts:
                    raise Unavailable(f"{exc} (after {number} attempts)") from exc
                self._sleep(self.policy.delay(number - 1))
        raise AssertionError("unreachable: the last attempt returns or raises")
