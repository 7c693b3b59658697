"""The payment provider adapters, and the one this process uses (``PAYMENT_GATEWAY``).

One gateway per process, built once: its circuit breaker must see every call the process makes.
"""

import contextlib
from collections.abc import Callable, Iterator

import httpx

from oms.contexts.payments.application.ports import PaymentGateway
from oms.contexts.payments.infrastructure.config import gateway_name, setting
from oms.contexts.payments.infrastructure.gateways.resilience import Resilient, RetryPolicy, circuit_breaker
from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
from oms.contexts.payments.infrastructure.gateways.stripe import StripeGateway

_current: PaymentGateway | None = None


def build_sandbox() -> SandboxGateway:
    latency = float(setting("PAYMENT_SANDBOX_LATENCY_SECONDS", 0.0))
    return SandboxGateway(latency=latency, timeout=float(setting("PAYMENT_SANDBOX_TIMEOUT_SECONDS", 0.2)))


def build_stripe() -> StripeGateway:
    timeout = httpx.Timeout(
        float(setting("PAYMENT_GATEWAY_READ_TIMEOUT", 10.0)),
        connect=float(setting("PAYMENT_GATEWAY_CONNECT_TIMEOUT", 3.0)),
    )
    client = httpx.Client(
        base_url=str(setting("STRIPE_API_BASE", "https://api.stripe.com")),
        headers={"Authorization": f"Bearer {setting('STRIPE_API_KEY', '')}"},
        timeout=timeout,
    )
    breaker = circuit_breaker(
        "stripe",
        fail_max=int(setting("PAYMENT_BREAKER_FAIL_MAX", 5)),
        reset_timeout=float(setting("PAYMENT_BREAKER_RESET_SECONDS", 30.0)),
    )
    policy = RetryPolicy(
        max_attempts=int(setting("PAYMENT_GATEWAY_MAX_ATTEMPTS", 3)),
        base_delay=float(setting("PAYMENT_GATEWAY_RETRY_BASE_DELAY", 0.25)),
        max_delay=float(setting("PAYMENT_GATEWAY_RETRY_MAX_DELAY", 2.0)),
    )
    return StripeGateway(client=client, resilient=Resilient(breaker=breaker, policy=policy))


BUILDERS: dict[str, Callable[[], PaymentGateway]] = {"sandbox": build_sandbox, "stripe": build_stripe}


def current() -> PaymentGateway:
    global _current  # noqa: PLW0603  (one per process, built on first use, after settings are read)
    if _current is None:
        name = gateway_name()
        if name not in BUILDERS:
            raise LookupError(f"PAYMENT_GATEWAY={name!r}; known gateways: {', '.join(sorted(BUILDERS))}")
        _current = BUILDERS[name]()
    return _current


@contextlib.contextmanager
def using(gateway: PaymentGateway) -> Iterator[PaymentGateway]:
    """Run with another gateway: tests and benchmarks swap the provider at this one seam."""
    global _current  # noqa: PLW0603
    previous, _current = _current, gateway
    try:
        yield gateway
    finally:
        _current = previous
