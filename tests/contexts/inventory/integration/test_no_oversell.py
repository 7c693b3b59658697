"""The no-oversell proof: separate processes race on PostgreSQL for the same units, and lose fairly.

Each racer is a real process with its own connection, delivering ReserveStock through the consumer
(inbox, handler, outbox) at the same instant as the others. Row locks taken in SKU order make the
winners exactly as many as the stock allows, whatever order the baskets name their SKUs in, with no
deadlock; the CHECK constraints stand behind them.
"""

import json
import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from oms.contexts.inventory import facade
from oms.contexts.inventory.infrastructure.models import InventoryInbox, StockHold, StockLevel
from oms.contexts.inventory.infrastructure.reconcile import find_drift, find_orphan_holds
from tests.contexts.inventory.integration.conftest import outbox, stock_up

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
REPO_ROOT = Path(__file__).resolve().parents[4]
RACERS = 8
Basket = tuple[str, list[tuple[str, int]]]


def database_url() -> str:
    """The URL of this test's database, for processes that must share it."""
    s = connection.settings_dict
    password = f":{quote(s['PASSWORD'])}" if s.get("PASSWORD") else ""
    host, port = s.get("HOST") or "127.0.0.1", s.get("PORT") or 5432
    return f"postgres://{quote(s['USER'])}{password}@{host}:{port}/{s['NAME']}"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(), DATABASE_POOL="false", REDIS_URL="", CELERY_TASK_ALWAYS_EAGER="true",
        MESSAGING_NUDGE_ON_COMMIT="false", DEBUG="true", PYTHONPATH=str(REPO_ROOT),
    )  # fmt: skip
    return env


def race(tmp_path: Path, shares: list[list[Basket]]) -> list[dict[str, object]]:
    """Start one process per share, let them all go at once, and return what each reports."""
    go, env, racers = tmp_path / "go", child_env(), []
    try:
        for number, baskets in enumerate(shares):
            spec = tmp_path / f"baskets-{number}.json"
            spec.write_text(json.dumps(baskets))
            command = [sys.executable, "-m", "tests.contexts.inventory.integration.race_worker"]
            command += [str(tmp_path / f"ready-{number}"), str(go), str(spec)]
            racers.append(
                subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, text=True)
            )
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready-{n}").exists() for n in range(len(shares))):
            assert time.monotonic() < deadline, "the racers did not start within 60 s"
            time.sleep(0.02)
        go.touch()
        outputs = [racer.communicate(timeout=60)[0] for racer in racers]
    finally:
        for racer in racers:
            racer.kill() if racer.poll() is None else None
    assert all(racer.returncode == 0 for racer in racers), outputs
    return [json.loads(output) for output in outputs]


def replies() -> Counter[str]:
    return Counter(kind.split(".")[1] for kind, _, _ in outbox() if "Reserv" in kind)


def reserved_orders() -> set[str]:
    return {aggregate for kind, aggregate, _ in outbox() if kind == "inventory.StockReserved.v1"}


def assert_stock_intact() -> None:
    """Counters within on-hand (the CHECKs held), equal to the holds, nothing dead or orphaned."""
    for level in StockLevel.objects.all():
        held = sum(StockHold.objects.filter(stock=level).values_list("quantity", flat=True))
        assert 0 <= level.reserved == held <= level.on_hand, level
    assert find_drift() == []
    assert find_orphan_holds() == []
    assert not InventoryInbox.objects.filter(status="dead").exists()


def test_eight_processes_racing_for_the_last_units_of_a_sku_sell_each_unit_once(tmp_path):
    stock_up(HOT=20)
    shares = [[(str(uuid.uuid4()), [("HOT", 1)]) for _ in range(6)] for _ in range(RACERS)]

    reports = race(tmp_path, shares)

    assert sum(sum(r["outcomes"].values()) for r in reports) == 48
    assert all(r["outcomes"] == {"handled": 6} and r["errors"] == [] for r in reports), reports
    assert replies() == {"StockReserved": 20, "StockReservationFailed": 28}
    level = facade.stock_level(sku="HOT")
    assert (level.on_hand, level.reserved, level.available) == (20, 20, 0)
    assert_stock_intact()


def test_overlapping_baskets_naming_their_skus_in_every_order_never_deadlock_nor_oversell(tmp_path):
    stock_up(SCARCE=12, B=1000, C=1000, D=1000)
    orders = [["SCARCE", "B", "C"], ["C", "B", "SCARCE"], ["D", "SCARCE", "B"], ["B", "D", "C", "SCARCE"]]
    shares = [
        [(str(uuid.uuid4()), [(sku, 1) for sku in orders[(racer + n) % len(orders)]]) for n in range(5)]
        for racer in range(RACERS)
    ]
    baskets = {order_id: [sku for sku, _ in lines] for share in shares for order_id, lines in share}

    reports = race(tmp_path, shares)

    assert all(r["outcomes"] == {"handled": 5} and r["errors"] == [] for r in reports), reports
    assert replies() == {"StockReserved": 12, "StockReservationFailed": 28}
    winners = Counter(sku for order_id in reserved_orders() for sku in baskets[order_id])
    for sku in ("SCARCE", "B", "C", "D"):
        assert facade.stock_level(sku=sku).reserved == winners[sku]
    assert winners["SCARCE"] == 12
    assert_stock_intact()
