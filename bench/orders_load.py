"""Orders under load, through HTTP against gunicorn with a real worker: the product beside bare views.

For each concurrency level, clients place orders for ``--seconds`` (each client its own customer,
one to three SKUs of a well-stocked catalog, ``tok_visa``), then the run waits for every saga to
settle and reads, from the orders' timelines, how long each order took from placement to
``confirmed``. The same load then goes to ``POST /bench/bare/orders/`` (bench/orders_bare.py: the
same order rows and stock updates, no domain layer). Finally ``GET /api/v1/orders/?page_size=20`` and
the bare list are read by one customer with more than 20 orders. Throttle rates are lifted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_bench_orders \\
        .venv/bin/python bench/orders_load.py [--levels 1,4,16,32] [--seconds 8]

The database name must contain "bench"; it is created and migrated if missing, and its order and
stock tables are emptied first.
"""

import argparse
import asyncio
import json
import logging
import os
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import common

SKUS = [f"BENCH-{n:02d}" for n in range(20)]
ADDRESS = {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London"}
ADDRESS |= {"postal_code": "SW1Y 4JH", "country": "GB"}


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,4,16,32")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--worker-concurrency", type=int, default=3)
    return parser.parse_args()


def setup() -> None:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oms_bench_orders")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")  # the driver's cache only
    for scope in ("ANON", "USER", "ORDERS_PLACE"):
        os.environ[f"THROTTLE_RATE_{scope}"] = "100000000/min"
    os.environ |= {"SECURE_SSL_REDIRECT": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost", "DEBUG": "false"}
    common.configure_environment()
    common.create_database_if_missing()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    _reset_and_stock()


def _reset_and_stock() -> None:
    from django.db import connection

    from oms.contexts.inventory import facade
    from oms.shared_kernel.messages import MoneyPayload

    prefixes = ("orders_", "inventory_", "payments_", "platform_idempotency")
    tables = [name for name in connection.introspection.table_names() if name.startswith(prefixes)]
    tables.remove("orders_number_counter")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    for sku in SKUS:
        facade.create_product(sku=sku, name=sku, price=MoneyPayload(amount="9.90", currency="EUR"))
        facade.adjust_stock(sku=sku, delta=1_000_000, reason="bench", actor="bench", correlation_id="bench")


def a_basket() -> dict[str, Any]:
    skus = random.sample(SKUS, random.randint(1, 3))
    items = [{"sku": sku, "quantity": 1} for sku in skus]
    return {"items": items, "shipping_address": ADDRESS, "currency": "EUR", "payment": {"token": "tok_visa"}}


async def _client_loop(
    client: Any, url: str, token: str, deadline: float, out: list[tuple[float, int, str]]
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        started = time.perf_counter()
        response = await client.post(url, json=a_basket(), headers=headers)
        order_id = response.json().get("id", "") if response.status_code == 201 else ""
        out.append((time.perf_counter() - started, response.status_code, order_id))


async def _get_loop(
    client: Any, url: str, token: str, deadline: float, out: list[tuple[float, int, str]]
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        started = time.perf_counter()
        response = await client.get(url, headers=headers)
        out.append((time.perf_counter() - started, response.status_code, ""))


def drive(
    base: str, path: str, tokens: list[str], seconds: float, *, get: bool = False
) -> list[tuple[float, int, str]]:
    import httpx

    async def run() -> list[tuple[float, int, str]]:
        out: list[tuple[float, int, str]] = []
        limits = httpx.Limits(max_connections=len(tokens), max_keepalive_connections=len(tokens))
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
            deadline = time.monotonic() + seconds
            loop = _get_loop if get else _client_loop
            await asyncio.gather(*(loop(client, path, token, deadline, out) for token in tokens))
        return out

    return asyncio.run(run())


def summary(results: list[tuple[float, int, str]], seconds: float, expected: int) -> dict[str, Any]:
    ok = [latency for latency, status, _ in results if status == expected]
    errors = sorted({status for _, status, _ in results if status != expected})
    if not ok:
        return {"requests": len(results), "ok": 0, "errors": errors}
    return {
        "requests": len(results),
        "ok": len(ok),
        "errors": errors,
        "throughput_per_s": round(len(ok) / seconds, 1),
        "p50_ms": round(common.percentile(ok, 0.50) * 1000, 1),
        "p99_ms": round(common.percentile(ok, 0.99) * 1000, 1),
    }


def settle(order_ids: list[str], timeout: float = 120) -> dict[str, Any]:
    """Waits for every order to leave pending and awaiting_payment; then reads placement-to-confirmed."""
    from oms.contexts.orders.infrastructure.models import OrderRecord, TimelineEntryRecord

    deadline = time.monotonic() + timeout
    waiting = OrderRecord.objects.filter(pk__in=order_ids, status__in=("pending", "awaiting_payment"))
    while waiting.exists() and time.monotonic() < deadline:
        time.sleep(0.25)
    confirmed = TimelineEntryRecord.objects.filter(order_id__in=order_ids, to_status="confirmed")
    lags = [
        (entry.at - entry.order.created_at).total_seconds() for entry in confirmed.select_related("order")
    ]
    result: dict[str, Any] = {"confirmed": len(lags), "of": len(order_ids), "unsettled": waiting.count()}
    if lags:
        result |= {
            "to_confirmed_p50_ms": round(common.percentile(lags, 0.5) * 1000, 1),
            "to_confirmed_p99_ms": round(common.percentile(lags, 0.99) * 1000, 1),
        }
    return result


def main() -> None:
    args = parse()
    setup()
    from bench.orders_stack import running

    levels = [int(level) for level in args.levels.split(",")]
    report: dict[str, Any] = {"machine": common.machine_load(), "levels": {}}
    logs = Path(os.environ.get("BENCH_LOGS", "/tmp/oms-bench-orders"))
    with running(logs, web_workers=args.web_workers, worker_concurrency=args.worker_concurrency) as stack:
        tokens = [stack.token("customer", f"bench-{uuid.uuid4().hex[:8]}") for _ in range(max(levels))]
        drive(stack.base_url, "/api/v1/orders/", tokens[:2], 2.0)  # warm up: JWKS, pools, imports
        for level in levels:
            product = drive(stack.base_url, "/api/v1/orders/", tokens[:level], args.seconds)
            saga = settle([order_id for _, status, order_id in product if status == 201])
            bare = drive(stack.base_url, "/bench/bare/orders/", tokens[:level], args.seconds)
            report["levels"][level] = {
                "product_post": summary(product, args.seconds, 201) | saga,
                "bare_post": summary(bare, args.seconds, 201),
            }
            print(json.dumps({level: report["levels"][level]}), flush=True)
        for level in (1, levels[-1]):
            reader = [tokens[0]] * level
            report[f"get_list_c{level}"] = {
                "product": summary(
                    drive(stack.base_url, "/api/v1/orders/?page_size=20", reader, args.seconds, get=True),
                    args.seconds,
                    200,
                ),
                "bare": summary(
                    drive(stack.base_url, "/bench/bare/orders/", reader, args.seconds, get=True),
                    args.seconds,
                    200,
                ),
            }
            print(json.dumps({f"get_list_c{level}": report[f"get_list_c{level}"]}), flush=True)
    report["machine_after"] = common.machine_load()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
