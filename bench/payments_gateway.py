"""The payments gateway path: sandbox authorizations per second, and what resilience costs.

Three numbers, one run:
1. ``sandbox authorize``: SandboxGateway.authorize calls per second, a fresh key each (in process).
2. ``authorize path``: AuthorizePayment through the real consumer on PostgreSQL: inbox claim,
   request recorded, then (after commit, as the Celery task does) the sandbox call and the answer
   recorded with its outbox row. Payments per second, one process.
3. ``resilience overhead``: the same call bare and through Resilient (pybreaker + the retry loop),
   as nanoseconds per call and as a ratio, interleaved so drift hits both alike.

    .venv/bin/python bench/payments_gateway.py [--n 2000] [--path-n 300]

Uses ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/oms_bench``; its name must say
"bench", because the path benchmark writes payments there).
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oms_bench")
os.environ.update(CELERY_TASK_ALWAYS_EAGER="true", MESSAGING_NUDGE_ON_COMMIT="false", REDIS_URL="")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "localhost")


def per_second(action: Callable[[int], object], n: int) -> float:
    started = time.perf_counter()
    for number in range(n):
        action(number)
    return n / (time.perf_counter() - started)


def sandbox_authorizations(n: int) -> float:
    from oms.contexts.payments.domain.ids import OrderId, PaymentId
    from oms.contexts.payments.domain.values import PaymentMethodToken
    from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
    from oms.shared_kernel.money import Money

    gateway, amount, token = SandboxGateway(), Money("49.90", "EUR"), PaymentMethodToken("tok_visa")
    payment, order = PaymentId.new(), OrderId.new()

    def authorize(number: int) -> object:
        key = f"bench:authorize:{number}"
        return gateway.authorize(
            idempotency_key=key, amount=amount, method=token, payment_id=payment, order_id=order
        )

    return per_second(authorize, n)


def resilience_overhead(n: int, rounds: int = 7) -> tuple[float, float]:
    """Median ns per call, bare and wrapped, over interleaved rounds."""
    from oms.contexts.payments.infrastructure.gateways.resilience import (
        Resilient,
        RetryPolicy,
        circuit_breaker,
    )

    resilient = Resilient(breaker=circuit_breaker("bench"), policy=RetryPolicy())

    def attempt() -> int:
        return 42

    bare, wrapped = [], []
    for _ in range(rounds):
        bare.append(_ns_per_call(attempt, n))
        wrapped.append(_ns_per_call(lambda: resilient.call(attempt), n))
    return statistics.median(bare), statistics.median(wrapped)


def _ns_per_call(call: Callable[[], object], n: int) -> float:
    started = time.perf_counter_ns()
    for _ in range(n):
        call()
    return (time.perf_counter_ns() - started) / n


def authorize_path(n: int) -> float:
    import django
    from django.core.management import call_command

    from bench.common import create_database_if_missing, database_name

    if "bench" not in database_name():
        raise SystemExit(f"refusing to benchmark on {database_name()!r}: the name must contain 'bench'")
    create_database_if_missing()
    django.setup()
    call_command("migrate", verbosity=0)
    from oms.contexts.payments.infrastructure import gateways
    from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
    from oms.platform.messaging.consumer import Outcome
    from tests.contexts.payments.integration.conftest import authorize, deliver

    with gateways.using(SandboxGateway()):
        deliver(authorize(uuid.uuid4()))  # warm up connections and caches

        def one(_: int) -> None:
            assert deliver(authorize(uuid.uuid4())) is Outcome.HANDLED

        return per_second(one, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--n", type=int, default=200_000, help="calls per measurement of the in-process parts"
    )
    parser.add_argument("--path-n", type=int, default=300, help="payments through the consumer")
    args = parser.parse_args()
    sandbox = sandbox_authorizations(args.n // 4)
    print(f"sandbox authorize:   {sandbox:>12,.0f} calls/s (fresh key each)")
    bare, wrapped = resilience_overhead(args.n)
    overhead = wrapped - bare
    print(f"bare call:           {bare:>12,.0f} ns")
    print(
        f"breaker + retry:     {wrapped:>12,.0f} ns  (+{overhead:,.0f} ns, x{wrapped / bare:.1f} a bare call)"
    )
    share_of_sandbox, share_of_http = overhead / (1e9 / sandbox), overhead / 50e6
    print(f"  = {share_of_sandbox:.1%} of one sandbox authorize, {share_of_http:.4%} of a 50 ms HTTP call")
    print(f"authorize path:      {authorize_path(args.path_n):>12,.1f} payments/s (PostgreSQL, one process)")


if __name__ == "__main__":
    main()
