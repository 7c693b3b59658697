"""What operators run: the expiry sweep and reconciliation, as commands and as beat tasks."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from oms.contexts.inventory import facade
from oms.contexts.inventory.infrastructure import tasks
from oms.contexts.inventory.infrastructure.models import ReservationRecord, StockHold, StockLevel
from tests.contexts.inventory.integration.conftest import outbox, reserve_in_the_past

pytestmark = pytest.mark.django_db


def run(command: str, *args: str) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out, stderr=out)
    return out.getvalue()


def test_the_sweep_expires_lapsed_reservations_and_publishes_reservation_expired(shelves):
    lapsed, live = uuid.uuid4(), uuid.uuid4()
    reserve_in_the_past(lapsed, ago=timedelta(minutes=16), MUG=2, CUP=1)
    reserve_in_the_past(live, ago=timedelta(minutes=1), MUG=1)

    assert "expired 1 reservation(s)" in run("expire_reservations")

    assert ReservationRecord.objects.get(order_id=lapsed).status == "expired"
    assert list(StockHold.objects.values_list("order_id", flat=True)) == [live]
    assert [kind for kind, aggregate, _ in outbox() if aggregate == str(lapsed)][
        -1
    ] == "inventory.ReservationExpired.v1"
    assert tasks.expire_reservations() == 0


def test_reconciliation_finds_nothing_when_the_counters_agree(shelves):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=16), MUG=2)  # lapsed since: not drift

    assert "no drift" in run("reconcile_inventory")
    assert tasks.reconcile_inventory() == 0


def test_reconciliation_reports_drifting_counters_and_mends_them_from_ledger_and_holds(shelves):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=2)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE inventory_stock_level SET on_hand = 9, reserved = 0 WHERE sku = 'MUG'")

    report = run("reconcile_inventory")
    mended = run("reconcile_inventory", "--fix")

    assert "MUG: on_hand 9 but the ledger sums to 5; reserved 0 but its holds set aside 2" in report
    assert "mended MUG" in mended
    assert StockLevel.objects.values_list("on_hand", "reserved").get(sku="MUG") == (5, 2)
    assert "no drift" in run("reconcile_inventory")


def test_reconciliation_drops_a_hold_no_active_reservation_owns(shelves):
    order = uuid.uuid4()
    reserve_in_the_past(order, ago=timedelta(minutes=1), CUP=2)
    ReservationRecord.objects.filter(order_id=order).update(status="released")

    assert tasks.reconcile_inventory() == 1
    assert f"CUP: 2 held for order {order}" in run("reconcile_inventory")

    run("reconcile_inventory", "--fix")

    assert not StockHold.objects.exists()
    assert facade.stock_level(sku="CUP").available == 2
    assert StockLevel.objects.values_list("reserved", flat=True).get(sku="CUP") == 0


def test_reconciliation_will_not_write_counters_the_database_would_refuse(shelves):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=5)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM inventory_stock_movement WHERE sku = 'MUG'")

    with pytest.raises(SystemExit):
        run("reconcile_inventory", "--fix")

    assert StockLevel.objects.values_list("on_hand", "reserved").get(sku="MUG") == (5, 5)
