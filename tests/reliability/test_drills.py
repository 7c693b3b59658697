"""Reliability drills on real processes: the database drops every connection, a worker is killed, and
a minute of steady load. Orders go through HTTP; the checks read the tables the contexts own.

"Settled" is where the placement saga ends: confirmed or rejected. Stock is ample and every card is
good, so each order must end confirmed, exactly once in effect, whatever was done to the processes.
"""

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import Count, Sum

from oms.contexts.inventory import facade as inventory
from oms.contexts.inventory.infrastructure.models import StockHold
from oms.contexts.orders.infrastructure.models import OrderLineRecord, OrderRecord, OrdersOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.models import InboxStatus
from tests.contexts.orders.integration.conftest import stock_up
from tests.e2e.conftest import quiet
from tests.reliability.load import Load, Placement, Sampler, Try, growth_over_last_half
from tests.reliability.stack import Stack, eventually

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
MB = 1024 * 1024


@pytest.fixture
def load(stack: Stack) -> Iterator[Load]:
    """Orders of one SKU with plenty of stock, from four customers; the workers finish before teardown."""
    sku = f"DRILL-{uuid.uuid4().hex[:6].upper()}"
    stock_up(**{sku: 100_000})
    run = uuid.uuid4().hex[:8]
    yield Load([stack.client(f"drill-{run}-{n}") for n in range(4)], sku)
    quiet(timeout=60)


def confirmed_in_the_end(placements: list[Placement], stack: Stack, *, timeout: float = 90) -> list[str]:
    ids = [placement.order_id for placement in placements]
    unsettled = OrderRecord.objects.filter(pk__in=ids).exclude(status__in=("confirmed", "rejected"))
    eventually(lambda: not unsettled.exists(), timeout=timeout, what="every order settled")
    statuses = dict(OrderRecord.objects.filter(pk__in=ids).values_list("status").annotate(n=Count("id")))
    assert statuses == {"confirmed": len(ids)}, stack.output()
    return ids


def dead_letters() -> int:
    return sum(inbox._default_manager.filter(status=InboxStatus.DEAD).count() for inbox in bus.inboxes())


def handled_twice() -> list[dict]:
    """(message, handler) pairs with more than one inbox row: a second handling of one delivery."""
    return [
        row
        for inbox in bus.inboxes()
        for row in inbox._default_manager.values("message_id", "handler")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    ]


def published_once_per_order(message_type: str, ids: list[str]) -> bool:
    rows = OrdersOutbox.objects.filter(type=message_type, aggregate_id__in=ids)
    return rows.count() == len(ids) == rows.values("aggregate_id").distinct().count()


def drop_every_connection() -> float:
    """What a PostgreSQL restart does to its clients: every other backend of the database ends now.

    Returns when it happened (time.monotonic()). This test's own idle pooled connections end too, so
    its pool is closed: the next query opens a fresh one.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        (dropped,) = cursor.fetchone()
    connection.close_pool()
    assert dropped > 0, "the drop ended no backend: the stack is not connected to this database"
    return time.monotonic()


def in_flight(attempt: Try, drops: list[float]) -> bool:
    """Whether ``attempt`` was running when a drop happened (half a second allowed for it to land)."""
    return any(attempt.started <= drop + 0.5 and attempt.ended >= drop for drop in drops)


def test_when_postgres_drops_every_connection_mid_load_the_oms_recovers_without_a_restart(stack, load):
    pids = {name: process.pid for name, process in stack.processes.items()}
    with ThreadPoolExecutor(1) as background:
        running = background.submit(load.run, rate=3, seconds=15)
        drops = []
        for _ in range(3):
            time.sleep(4)
            drops.append(drop_every_connection())
        placements = running.result(timeout=120)
    after = [load.place(load.clients[0], 1) for _ in range(5)]

    failed = [t for p in placements for t in p.failures]
    # A request running at a drop may fail; one begun after it must get a live connection, or the pool
    # lends dropped ones. (409: a key whose request was cut off mid-way stays "in progress" for minutes.)
    assert [t for t in failed if t.outcome != "409" and not in_flight(t, drops)] == []
    assert [p.failures for p in after] == [[]] * 5, "requests after the drops succeed at the first try"
    accepted = [p for p in placements + after if p.placed]
    ids = confirmed_in_the_end(accepted, stack)
    unknown = set(map(str, orders_of_the_same_customers(ids))) - set(ids)
    cut_off = [p for p in placements if any(in_flight(t, drops) for t in p.failures)]
    # A known gap (docs/operations.md): a placement that committed just before a drop, whose response
    # was lost with its connection, leaves an order its client never learned of, because the stored
    # response the Idempotency-Key would replay was never written. Only a placement cut off at a drop.
    assert len(unknown) <= len(cut_off), "an order unknown to its client only where a drop cut it off"
    assert published_once_per_order("orders.OrderConfirmed.v1", ids)
    assert dead_letters() == 0, stack.output()
    assert {name: process.pid for name, process in stack.processes.items()} == pids  # nothing restarted
    assert all(process.poll() is None for process in stack.processes.values())
    refused = [[t.outcome for t in p.tries] for p in placements if not p.placed]
    print(f"\n{len(failed)} tries failed around the drops; refused in the end: {refused}")


def orders_of_the_same_customers(ids: list[str]) -> list[uuid.UUID]:
    customers = OrderRecord.objects.filter(pk__in=ids).values("customer_id")
    return list(OrderRecord.objects.filter(customer_id__in=customers).values_list("id", flat=True))


def test_a_worker_killed_under_load_loses_no_message_and_handles_none_twice(stack, load):
    with ThreadPoolExecutor(1) as background:
        running = background.submit(load.run, rate=3, seconds=12)
        time.sleep(5)
        stack.crash_worker()
        time.sleep(2)
        stack.start_worker()
        placements = running.result(timeout=120)

    assert all(p.placed and not p.failures for p in placements)  # the web never noticed
    ids = confirmed_in_the_end(placements, stack, timeout=120)
    assert handled_twice() == []
    assert dead_letters() == 0, stack.output()
    assert published_once_per_order("orders.OrderConfirmed.v1", ids)
    ordered = OrderLineRecord.objects.filter(order_id__in=ids).aggregate(n=Sum("quantity"))["n"]
    held = StockHold.objects.filter(order_id__in=ids).aggregate(n=Sum("quantity"))["n"]
    assert ordered == held == inventory.stock_level(sku=load.sku).reserved


def test_a_minute_of_steady_load_makes_no_error_and_memory_stays_flat(stack, load):
    with Sampler(stack.rss, interval=3) as memory:
        placements = load.run(rate=2, seconds=60)

    assert all(p.placed and not p.failures for p in placements)
    confirmed_in_the_end(placements, stack)
    assert dead_letters() == 0, stack.output()
    web, worker = stack.metrics("web"), stack.metrics("worker")
    assert web["oms_orders_by_status", (("status", "confirmed"),)] >= len(placements)
    for step in ("reserve_stock", "authorize_payment"):
        assert worker["oms_saga_step_duration_seconds_count", (("step", step),)] >= len(placements)
    for process in ("web", "worker"):
        series = [(at, sample[process]) for at, sample in memory.samples]
        grown, fraction = growth_over_last_half(series)
        print(f"\n{process}: {series[0][1] / MB:.0f} MB at start, {grown / MB:+.1f} MB over the last half")
        assert grown < 30 * MB, f"{process} grew {grown / MB:.1f} MB over the last half"
        assert fraction < 0.20, f"{process} grew {fraction:.0%} over the last half"
