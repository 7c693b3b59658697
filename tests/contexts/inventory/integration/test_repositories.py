"""The repositories on PostgreSQL: aggregates survive the round trip, and the database guards stock."""

import uuid
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.contexts.inventory.infrastructure.models import StockHold, StockLevel, StockMovementRecord
from oms.contexts.inventory.infrastructure.repositories import ConcurrentUpdate
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork
from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.money import Money

pytestmark = pytest.mark.django_db
MUG = Sku("MUG")


def test_a_product_comes_back_as_it_was_saved():
    product = Product(MUG, name="Mug", description="Blue", price=Money("12.345", "BHD"), active=False)
    with DjangoInventoryUnitOfWork() as uow:
        uow.products.add(product)
        uow.commit()

    with DjangoInventoryUnitOfWork() as uow:
        loaded = uow.products.get(MUG)

    assert loaded is not None
    assert (loaded.name, loaded.description, loaded.price, loaded.active) == (
        "Mug",
        "Blue",
        Money("12.345", "BHD"),
        False,
    )


def test_a_second_product_with_the_same_sku_is_refused_as_a_rule():
    with DjangoInventoryUnitOfWork() as uow:
        uow.products.add(Product(MUG, name="Mug", description="", price=Money("1", "EUR")))
        with pytest.raises(BusinessRuleViolation):
            uow.products.add(Product(MUG, name="Other", description="", price=Money("1", "EUR")))


def test_saving_from_a_stale_version_is_refused():
    with DjangoInventoryUnitOfWork() as uow:
        uow.products.add(Product(MUG, name="Mug", description="", price=Money("1", "EUR")))
        first, second = uow.products.get(MUG), uow.products.get(MUG)
        first.update(now=timezone.now(), name="Cup")
        uow.products.save(first)
        second.update(now=timezone.now(), name="Bowl")
        with pytest.raises(ConcurrentUpdate):
            uow.products.save(second)


def test_stock_round_trips_with_its_holds_and_appends_its_movements_to_the_ledger():
    now, order, other = timezone.now(), OrderId.new(), OrderId.new()
    with DjangoInventoryUnitOfWork() as uow:
        uow.stock.add(StockItem(MUG))
        item = uow.stock.get_many_for_update([MUG], now=now)[MUG]
        item.adjust(delta=10, reason="opening", actor="user:wh", correlation_id="c-1", now=now)
        item.hold(order_id=order, quantity=3, expires_at=now + timedelta(minutes=15), now=now)
        item.hold(order_id=other, quantity=2, expires_at=None, now=now)
        uow.stock.save(item)
        uow.commit()

    with DjangoInventoryUnitOfWork() as uow:
        mine = uow.stock.get_many_for_update([MUG], now=now, order_id=order)[MUG]
        read = uow.stock.get_many([MUG], now=now)[MUG]

    assert mine.holds == (Hold(order, 3, now + timedelta(minutes=15)),)
    assert (mine.on_hand, mine.reserved_by_others, mine.reserved(now), mine.version) == (10, 2, 5, 1)
    assert (read.holds, read.reserved(now), read.available(now)) == ((), 5, 5)
    assert StockLevel.objects.values_list("on_hand", "reserved").get() == (10, 5)
    assert list(StockMovementRecord.objects.values_list("delta", "on_hand_after", "reason")) == [
        (10, 10, "opening")
    ]


def test_a_save_writes_only_the_holds_of_the_order_it_loaded():
    now, order, other = timezone.now(), OrderId.new(), OrderId.new()
    with DjangoInventoryUnitOfWork() as uow:
        uow.stock.add(StockItem(MUG, on_hand=10, holds=[Hold(order, 3, None), Hold(other, 2, None)]))
        item = uow.stock.get_many_for_update([MUG], now=now, order_id=order)[MUG]
        item.release_hold(order)
        uow.stock.save(item)
        uow.commit()

    assert list(StockHold.objects.values_list("order_id", "quantity")) == [(other.value, 2)]
    assert StockLevel.objects.values_list("reserved", flat=True).get() == 2


def test_a_lapsed_hold_sets_nothing_aside_when_read_but_stays_until_swept():
    now, order = timezone.now(), OrderId.new()
    with DjangoInventoryUnitOfWork() as uow:
        uow.stock.add(StockItem(MUG, on_hand=4, holds=[Hold(order, 4, now - timedelta(seconds=1))]))
        uow.commit()

    with DjangoInventoryUnitOfWork() as uow:
        assert uow.stock.get_many([MUG], now=now)[MUG].available(now) == 4
    assert StockHold.objects.count() == 1


def test_a_reservation_round_trips_with_its_lines_and_shortages():
    order, now = OrderId.new(), timezone.now()
    refused = Reservation(
        order, lines=[ReservationLine(MUG, 3)], status=ReservationStatus.REJECTED, expires_at=None,
        shortages=[Shortage(MUG, 3, 1)],
    )  # fmt: skip
    with DjangoInventoryUnitOfWork() as uow:
        uow.reservations.add(refused)
        uow.commit()

    with DjangoInventoryUnitOfWork() as uow:
        loaded = uow.reservations.get_for_update(order)
        assert uow.reservations.lapsed(now, limit=10) == []

    assert (loaded.lines, loaded.status, loaded.shortages) == (
        refused.lines,
        refused.status,
        refused.shortages,
    )


def test_the_sweeper_lists_lapsed_active_reservations_oldest_first():
    now, older, newer, later = timezone.now(), OrderId.new(), OrderId.new(), OrderId.new()
    with DjangoInventoryUnitOfWork() as uow:
        for order, deadline in [
            (newer, now - timedelta(seconds=1)),
            (later, now + timedelta(minutes=1)),
            (older, now - timedelta(minutes=1)),
        ]:
            active = Reservation(
                order, lines=[ReservationLine(MUG, 1)], status=ReservationStatus.ACTIVE, expires_at=deadline
            )
            uow.reservations.add(active)
        uow.commit()

    with DjangoInventoryUnitOfWork() as uow:
        assert uow.reservations.lapsed(now, limit=10) == [older, newer]


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        (
            "UPDATE inventory_stock_level SET reserved = on_hand + 1",
            "inventory_stock_reserved_within_on_hand",
        ),
        (
            "UPDATE inventory_stock_level SET on_hand = -1, reserved = 0",
            "inventory_stock_on_hand_not_negative",
        ),
        ("UPDATE inventory_stock_level SET reserved = -1", "inventory_stock_reserved_not_negative"),
    ],
)
def test_the_database_refuses_an_oversold_row_written_by_hand(statement, constraint):
    StockLevel.objects.create(sku="MUG", on_hand=5, reserved=5)

    with pytest.raises(IntegrityError, match=constraint), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)

    assert StockLevel.objects.values_list("on_hand", "reserved").get() == (5, 5)


def test_the_database_refuses_a_second_hold_of_one_sku_for_one_order():
    level = StockLevel.objects.create(sku="MUG", on_hand=5)
    order = uuid.uuid4()
    StockHold.objects.create(stock=level, order_id=order, quantity=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        StockHold.objects.create(stock=level, order_id=order, quantity=1)


def stock_with_holds(as_of, *holds: Hold) -> None:
    """MUG with 10 on hand and ``holds``, its counter written exactly as of ``as_of``."""
    with DjangoInventoryUnitOfWork() as uow:
        uow.stock.add(StockItem(MUG, on_hand=10, holds=holds))
        uow.commit()
    live = sum(hold.quantity for hold in holds if hold.is_live(as_of))
    StockLevel.objects.update(reserved=live, reserved_as_of=as_of)


def reserved_at(moment, order_id: OrderId | None = None) -> tuple[int, int]:
    """(reserved by a plain read, reserved as a write for ``order_id`` sees it), at ``moment``."""
    with DjangoInventoryUnitOfWork() as uow:
        read = uow.stock.get_many([MUG], now=moment)[MUG].reserved(moment)
        locked = uow.stock.get_many_for_update([MUG], now=moment, order_id=order_id)[MUG].reserved(moment)
    return read, locked


def test_the_counter_is_brought_forward_past_the_holds_that_lapsed_since_its_last_write():
    t0, mine = timezone.now(), OrderId.new()
    stock_with_holds(
        t0,
        Hold(mine, 3, t0 + timedelta(minutes=1)),
        Hold(OrderId.new(), 2, t0 + timedelta(minutes=10)),
        Hold(OrderId.new(), 1, None),
    )

    assert reserved_at(t0) == (6, 6)
    assert reserved_at(t0 + timedelta(minutes=5)) == (3, 3)
    assert reserved_at(t0 + timedelta(minutes=5), mine) == (3, 3)
    assert reserved_at(t0 + timedelta(minutes=10)) == (1, 1)


def test_a_clock_behind_the_last_write_counts_the_holds_live_again_at_its_moment():
    t0 = timezone.now()
    stock_with_holds(t0, Hold(OrderId.new(), 4, t0 - timedelta(minutes=1)), Hold(OrderId.new(), 1, None))

    assert reserved_at(t0) == (1, 1)
    assert reserved_at(t0 - timedelta(minutes=2)) == (5, 5)


def test_a_counter_found_below_the_orders_own_hold_is_not_trusted(caplog):
    t0, mine = timezone.now(), OrderId.new()
    stock_with_holds(t0, Hold(mine, 3, None), Hold(OrderId.new(), 2, None))
    StockLevel.objects.update(reserved=1)

    with DjangoInventoryUnitOfWork() as uow:
        item = uow.stock.get_many_for_update([MUG], now=t0, order_id=mine)[MUG]

    assert (item.reserved_by_others, item.reserved(t0)) == (2, 5)
    assert "run reconcile_inventory" in caplog.text
