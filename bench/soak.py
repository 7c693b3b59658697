"""Soak: orders at a steady rate for minutes, memory of the web and the worker sampled all along.

The drill of tests/reliability (a minute) run for longer: the same production-shaped stack (gunicorn
gthread, a Celery worker on threads, beat, a Redis of its own, the connection pool, DEBUG off), the
same open-loop clients. At the end it waits for every order to settle and prints a table: errors,
throughput, placement latency, placed-to-confirmed time, and whether memory stayed flat.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_bench_soak \\
        .venv/bin/python bench/soak.py [--minutes 10] [--rate 2] [--interval 5]

The database name must contain "bench"; it is created and migrated if missing, and emptied first.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import common

if TYPE_CHECKING:
    from tests.reliability.load import Placement

MB = 1024 * 1024
SKU = "SOAK-MUG"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=2.0, help="orders placed per second")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between memory samples")
    return parser.parse_args()


def setup() -> None:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oms_bench_soak")
    for scope in ("ANON", "USER", "ORDERS_PLACE"):
        os.environ[f"THROTTLE_RATE_{scope}"] = "100000000/min"
    os.environ |= {"SECURE_SSL_REDIRECT": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    common.configure_environment()
    common.create_database_if_missing()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request otherwise
    _empty_and_stock()


def _empty_and_stock() -> None:
    from django.db import connection

    from oms.contexts.inventory import facade
    from oms.shared_kernel.messages import MoneyPayload

    prefixes = ("orders_", "inventory_", "payments_", "notifications_", "platform_", "identity_")
    tables = [name for name in connection.introspection.table_names() if name.startswith(prefixes)]
    tables.remove("orders_number_counter")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    facade.create_product(sku=SKU, name="Soak mug", price=MoneyPayload(amount="12.50", currency="EUR"))
    facade.adjust_stock(sku=SKU, delta=10_000_000, reason="soak", actor="bench", correlation_id="soak")


def settle(ids: list[str], timeout: float = 300) -> dict[str, int]:
    from django.db.models import Count

    from oms.contexts.orders.infrastructure.models import OrderRecord

    deadline = time.monotonic() + timeout
    waiting = OrderRecord.objects.filter(pk__in=ids, status__in=("pending", "awaiting_payment"))
    while waiting.exists() and time.monotonic() < deadline:
        time.sleep(1)
    return dict(OrderRecord.objects.filter(pk__in=ids).values_list("status").annotate(n=Count("id")))


def to_confirmed(ids: list[str]) -> list[float]:
    from oms.contexts.orders.infrastructure.models import TimelineEntryRecord

    entries = TimelineEntryRecord.objects.filter(order_id__in=ids, to_status="confirmed").select_related(
        "order"
    )
    return [(entry.at - entry.order.created_at).total_seconds() for entry in entries]


def dead_letters() -> int:
    from oms.platform.messaging.bus import bus

    return sum(inbox._default_manager.filter(status="dead").count() for inbox in bus.inboxes())


def main() -> None:
    options = parse()
    setup()
    from tests.platform.messaging.processes.support import child_env
    from tests.reliability.load import Load, Sampler
    from tests.reliability.stack import Stack

    print(f"before: {common.machine_load()}", flush=True)
    seconds = options.minutes * 60
    with tempfile.TemporaryDirectory() as logs:
        stack = Stack(child_env(), Path(logs))
        try:
            stack.start()
            load = Load([stack.client(f"soak-{uuid.uuid4().hex[:8]}-{n}") for n in range(4)], SKU)
            with Sampler(stack.rss, interval=options.interval) as memory:
                started = time.monotonic()
                placements = load.run(rate=options.rate, seconds=seconds)
                elapsed = time.monotonic() - started
            ids = [p.order_id for p in placements if p.placed]
            statuses = settle(ids)
        finally:
            stack.stop()
    report(
        options,
        placements=placements,
        elapsed=elapsed,
        statuses=statuses,
        lags=to_confirmed(ids),
        samples=memory.samples,
    )
    print(f"after: {common.machine_load()}")


def report(
    options: argparse.Namespace,
    *,
    placements: list["Placement"],
    elapsed: float,
    statuses: dict[str, int],
    lags: list[float],
    samples: list[tuple[float, dict[str, int]]],
) -> None:
    from tests.reliability.load import growth_over_last_half

    latencies = [p.tries[-1].ended - p.tries[0].started for p in placements if p.placed]
    failed = sum(len(p.failures) for p in placements)
    print(f"\n| soak: {options.rate:g} orders/s for {options.minutes:g} min | value |\n|---|---|")
    print(f"| orders placed (201) | {len(latencies)} of {len(placements)} |")
    print(f"| failed tries (5xx, errors) | {failed} |")
    print(f"| placements per second achieved | {len(latencies) / elapsed:.2f} |")
    print(f"| placement latency p50 / p99 | {pct(latencies, 0.5):.0f} / {pct(latencies, 0.99):.0f} ms |")
    print(f"| settled | {statuses} |")
    print(f"| placed to confirmed p50 / p99 | {pct(lags, 0.5) / 1000:.2f} / {pct(lags, 0.99) / 1000:.2f} s |")
    print(f"| dead letters | {dead_letters()} |")
    for process in ("web", "worker"):
        series = [(at, sample[process]) for at, sample in samples]
        grown, fraction = growth_over_last_half(series)
        flat = "flat" if grown < 30 * MB and fraction < 0.20 else "GROWING"
        first, peak = series[0][1] / MB, max(value for _, value in series) / MB
        print(
            f"| {process} RSS start / peak / end | {first:.0f} / {peak:.0f} / {series[-1][1] / MB:.0f} MB |"
        )
        print(f"| {process} growth over the last half | {grown / MB:+.1f} MB ({fraction:+.1%}): {flat} |")
    print("\n| minute | web MB | worker MB |\n|---|---|---|")
    for minute in range(int(options.minutes) + 1):
        near = min(samples, key=lambda sample: abs(sample[0] - minute * 60))
        print(f"| {minute} | {near[1]['web'] / MB:.0f} | {near[1]['worker'] / MB:.0f} |")


def pct(values: list[float], fraction: float) -> float:
    return common.percentile(values, fraction) * 1000 if values else float("nan")


if __name__ == "__main__":
    main()
