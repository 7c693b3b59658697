"""Gateway metrics: every attempt by outcome, its latency, and each circuit breaker's state."""

from typing import Any

import pybreaker
from prometheus_client import Counter, Gauge, Histogram

ATTEMPTS = Counter(
    "oms_payment_gateway_attempts_total",
    "Calls to the payment provider, each retry counted, by outcome",
    ["gateway", "operation", "outcome"],
)
LATENCY = Histogram(
    "oms_payment_gateway_latency_seconds",
    "Time one attempt at the payment provider took, failed ones included",
    ["gateway", "operation"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
)
BREAKER_STATE = Gauge(
    "oms_payment_circuit_breaker_state",
    "The payment provider's circuit breaker: 0 closed, 1 half-open, 2 open",
    ["gateway"],
)
FAILURES = Counter(
    "oms_payment_failures_total", "Provider answers recorded as failures", ["operation", "kind"]
)
STRAY_AUTHORIZATIONS = Counter(
    "oms_payment_stray_authorizations_total",
    "Authorizations that succeeded after we had recorded a failure, by what voiding them gave",
    ["outcome"],
)
STATE_VALUES = {pybreaker.STATE_CLOSED: 0, pybreaker.STATE_HALF_OPEN: 1, pybreaker.STATE_OPEN: 2}


def observe_attempt(gateway: str, operation: str, outcome: str, seconds: float) -> None:
    ATTEMPTS.labels(gateway, operation, outcome).inc()
    LATENCY.labels(gateway, operation).observe(seconds)


class BreakerStateGauge(pybreaker.CircuitBreakerListener):
    def __init__(self, gateway: str) -> None:
        self.gateway = gateway
        BREAKER_STATE.labels(gateway).set(0)

    def state_change(self, cb: pybreaker.CircuitBreaker, old_state: Any, new_state: Any) -> None:
        BREAKER_STATE.labels(self.gateway).set(STATE_VALUES.get(new_state.name, 0))
