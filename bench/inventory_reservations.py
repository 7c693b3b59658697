"""Reservations per second on PostgreSQL: the inventory's ReserveStock against the same writes in raw SQL.

Usage: ``.venv/bin/python bench/inventory_reservations.py [--clients 16] [--seconds 5]``

Each client is a process with its own connection; all start together and reserve one unit per new
order for ``--seconds``. Scenarios: every client on one hot SKU (the row lock serialises them), and
one SKU per client (no contention). Three ways of reserving, in the same run:

- use case: ``application.reservations.reserve_stock`` with the Django unit of work;
- inbox: the same through ``consume()``, as a delivered message is handled (inbox row included);
- raw SQL (psycopg): SELECT ... FOR UPDATE in SKU order, UPDATE the counter, INSERT the hold, the
  reservation and the outbox row: the same rows written, without the ORM, the domain, or the reads
  the design adds (the live holds' sum, the product's status, an earlier reservation).

Database: ``DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/oms_bench_inv``, created and
migrated if missing. The benchmark empties the inventory tables, so it refuses any name without "bench".
"""

import argparse
import json
import multiprocessing
import os
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
TABLES = (
    "inventory_stock_hold, inventory_reservation, inventory_outbox, inventory_inbox, inventory_stock_movement"
)
WARM_UP = 0.5
RAW_LOCK = (
    "SELECT sku, on_hand, reserved FROM inventory_stock_level WHERE sku = ANY(%s) ORDER BY sku FOR UPDATE"
)
RAW_WRITES = [
    "UPDATE inventory_stock_level SET reserved = reserved + 1, reserved_as_of = now(), version = version + 1 "
    "WHERE sku = %(sku)s",
    "INSERT INTO inventory_stock_hold (sku, order_id, quantity, expires_at) "
    "VALUES (%(sku)s, %(order)s, 1, now() + interval '15 minutes')",
    "INSERT INTO inventory_reservation (order_id, status, expires_at, lines, shortages, version, "
    "created_at, updated_at) "
    "VALUES (%(order)s, 'active', now() + interval '15 minutes', %(lines)s, '[]', 0, now(), now())",
    "INSERT INTO inventory_outbox (id, type, aggregate_id, correlation_id, payload, occurred_at, created_at) "
    "VALUES (%(message)s, 'inventory.StockReserved.v1', %(order)s, 'bench', %(payload)s, now(), now())",
]


def configure() -> str:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oms_bench_inv")
    # Embedded messaging with no relay nudge: the outbox rows are written, and nothing else runs.
    os.environ.update(
        DATABASE_POOL="false", REDIS_URL="", CELERY_TASK_ALWAYS_EAGER="true",
        MESSAGING_NUDGE_ON_COMMIT="false", DEBUG="true", DJANGO_SETTINGS_MODULE="oms.config.settings",
    )  # fmt: skip
    sys.path.insert(0, str(REPO_ROOT))
    name = urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to benchmark on {name!r}: the name must contain 'bench'")
    import psycopg

    server = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    return name


def reset(skus: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLES}")
        cursor.execute("UPDATE inventory_stock_level SET reserved = 0, on_hand = 1000000000")
    from oms.contexts.inventory import facade
    from oms.contexts.inventory.infrastructure.models import StockLevel
    from oms.shared_kernel.messages import MoneyPayload

    known = set(StockLevel.objects.values_list("sku", flat=True))
    for sku in skus:
        if sku not in known:
            facade.create_product(sku=sku, name=sku, price=MoneyPayload(amount="1.00", currency="EUR"))
            StockLevel.objects.filter(sku=sku).update(on_hand=1_000_000_000)


def reserve_with_use_case(sku: str) -> None:
    from oms.contexts.inventory.application import reservations
    from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
    from oms.contexts.inventory.infrastructure.clock import SystemClock, reservation_ttl
    from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork

    command = ReserveStock(order_id=uuid.uuid4(), lines=(StockLine(sku=sku, quantity=1),))
    reservations.reserve_stock(
        command, uow=DjangoInventoryUnitOfWork(), clock=SystemClock(), ttl=reservation_ttl()
    )


def reserve_through_inbox(sku: str) -> None:
    from django.utils import timezone

    from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
    from oms.platform.messaging.consumer import Outcome, consume
    from oms.platform.messaging.envelope import Envelope
    from oms.platform.messaging.registry import registry

    command = ReserveStock(order_id=uuid.uuid4(), lines=(StockLine(sku=sku, quantity=1),))
    raw = Envelope(
        id=uuid.uuid4(), type=command.message_type, occurred_at=timezone.now(),
        aggregate_id=str(command.order_id), correlation_id="bench", causation_id=None,
        payload=registry.serialize(command),
    ).to_dict()  # fmt: skip
    if consume(raw, "inventory.reserve_stock") is not Outcome.HANDLED:
        raise RuntimeError("a reservation was not handled")


def reserve_in_raw_sql(connection: object, sku: str) -> None:
    order = uuid.uuid4()
    values = {
        "sku": sku, "order": order, "message": uuid.uuid4(),
        "lines": json.dumps([{"sku": sku, "quantity": 1}]), "payload": json.dumps({"order_id": str(order)}),
    }  # fmt: skip
    with connection.transaction(), connection.cursor() as cursor:  # type: ignore[attr-defined]
        [(_, on_hand, reserved)] = cursor.execute(RAW_LOCK, [[sku]]).fetchall()
        if reserved + 1 > on_hand:
            raise RuntimeError("the bench ran out of stock")
        for statement in RAW_WRITES:
            cursor.execute(statement, values)


def client(mode: str, sku: str, seconds: float, barrier: object, results: object) -> None:
    import django

    django.setup()
    import psycopg

    connection = psycopg.connect(os.environ["DATABASE_URL"]) if mode == "raw" else None
    reserve = {
        "use case": reserve_with_use_case,
        "inbox": reserve_through_inbox,
        "raw": lambda sku: reserve_in_raw_sql(connection, sku),
    }[mode]
    reserve(sku)  # connect and warm caches before the clock starts
    barrier.wait()  # type: ignore[attr-defined]
    start = time.monotonic()
    counted_from, until, done = start + WARM_UP, start + WARM_UP + seconds, 0
    while (now := time.monotonic()) < until:
        reserve(sku)
        done += now >= counted_from
    results.put(done)  # type: ignore[attr-defined]


def run(mode: str, skus: list[str], seconds: float) -> float:
    import django
    from django.db import connections

    django.setup()
    reset(sorted(set(skus)))
    connections.close_all()  # the clients are forked: none may inherit this process's connection
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(len(skus)), context.Queue()
    clients = [context.Process(target=client, args=(mode, sku, seconds, barrier, results)) for sku in skus]
    for process in clients:
        process.start()
    total = sum(results.get(timeout=seconds + 120) for _ in clients)
    for process in clients:
        process.join(timeout=30)
    return total / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    options = parser.parse_args()
    name = configure()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    scenarios = {
        f"one hot SKU, {options.clients} clients": ["HOT"] * options.clients,
        f"{options.clients} distinct SKUs, one client each": [f"SKU-{n:02d}" for n in range(options.clients)],
    }
    print(f"database {name}; {options.clients} client processes; {options.seconds:g} s per measurement\n")
    columns = [
        "use case (res/s)",
        "through the inbox (res/s)",
        "raw SQL (res/s)",
        "use case / raw",
        "inbox / raw",
    ]
    print(f"| scenario | {' | '.join(columns)} |")
    print("|---|---:|---:|---:|---:|---:|")
    for scenario, skus in scenarios.items():
        rates = {mode: run(mode, skus, options.seconds) for mode in ("use case", "inbox", "raw")}
        raw = rates["raw"]
        print(
            f"| {scenario} | {rates['use case']:.0f} | {rates['inbox']:.0f} | {raw:.0f} "
            f"| {rates['use case'] / raw:.2f} | {rates['inbox'] / raw:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
