from datetime import UTC, datetime, timedelta

import pytest

from oms.contexts.inventory.domain.events import (
    ReservationCommitted,
    ReservationConfirmed,
    ReservationExpired,
    ReservationReleased,
    StockShipped,
)
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.reserving import reserve_stock
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import IllegalTransition, NotFound

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
TTL = timedelta(minutes=15)
DEADLINE = NOW + TTL
MUG, CUP = Sku("MUG"), Sku("CUP")
ORDER = OrderId.new()
LINES = (ReservationLine(CUP, 1), ReservationLine(MUG, 2))


def reserved_order() -> tuple[Reservation, dict[Sku, StockItem]]:
    stock = {MUG: StockItem(MUG, on_hand=5), CUP: StockItem(CUP, on_hand=3)}
    reservation = reserve_stock(order_id=ORDER, lines=LINES, stock=stock, now=NOW, ttl=TTL)
    reservation.pull_events()
    return reservation, stock


def commit(reservation: Reservation, stock: dict[Sku, StockItem], now: datetime = NOW) -> None:
    reservation.commit(stock, actor="user:wh", correlation_id="req-7", now=now)


def levels(stock: dict[Sku, StockItem], now: datetime = NOW) -> dict[Sku, tuple[int, int]]:
    return {sku: (item.on_hand, item.reserved(now)) for sku, item in stock.items()}


def test_releasing_gives_the_stock_back_and_records_reservation_released() -> None:
    reservation, stock = reserved_order()

    reservation.release(stock, now=NOW)
    reservation.release(stock, now=NOW)

    assert reservation.status is ReservationStatus.RELEASED
    assert levels(stock) == {MUG: (5, 0), CUP: (3, 0)}
    assert reservation.pull_events() == [ReservationReleased(order_id=ORDER, lines=LINES, occurred_at=NOW)]


def test_committing_ships_every_line_once_with_a_ledger_entry_per_sku() -> None:
    reservation, stock = reserved_order()

    commit(reservation, stock)
    commit(reservation, stock)

    assert reservation.status is ReservationStatus.COMMITTED
    assert levels(stock) == {MUG: (3, 0), CUP: (2, 0)}
    assert [movement.delta for movement in stock[MUG].pull_movements()] == [-2]
    assert reservation.pull_events() == [ReservationCommitted(order_id=ORDER, lines=LINES, occurred_at=NOW)]
    assert stock[MUG].pull_events() == [
        StockShipped(sku=MUG, order_id=ORDER, quantity=2, on_hand=3, occurred_at=NOW)
    ]


def test_a_reservation_counts_as_expired_from_its_deadline_before_the_sweeper_runs() -> None:
    reservation, stock = reserved_order()

    assert reservation.status_at(DEADLINE) is ReservationStatus.EXPIRED
    assert not reservation.holds_stock(DEADLINE)
    assert levels(stock, DEADLINE) == {MUG: (5, 0), CUP: (3, 0)}


def test_expiring_before_the_deadline_does_nothing() -> None:
    reservation, stock = reserved_order()

    reservation.expire(stock, now=DEADLINE - timedelta(seconds=1))

    assert (reservation.status, reservation.pending_events) == (ReservationStatus.ACTIVE, ())
    assert levels(stock) == {MUG: (5, 2), CUP: (3, 1)}


def test_expiring_after_the_deadline_drops_the_holds_and_records_reservation_expired_once() -> None:
    reservation, stock = reserved_order()
    swept_at = DEADLINE + timedelta(minutes=1)

    reservation.expire(stock, now=swept_at)
    reservation.expire(stock, now=swept_at)

    assert reservation.status is ReservationStatus.EXPIRED
    assert all(item.holds == () for item in stock.values())
    assert reservation.pull_events() == [
        ReservationExpired(order_id=ORDER, lines=LINES, expired_at=DEADLINE, occurred_at=swept_at)
    ]


def test_a_lapsed_reservation_cannot_be_shipped() -> None:
    reservation, stock = reserved_order()

    with pytest.raises(IllegalTransition, match="expired"):
        commit(reservation, stock, now=DEADLINE)
    assert levels(stock, NOW) == {MUG: (5, 2), CUP: (3, 1)}


@pytest.mark.parametrize("end", ["release", "expire"])
def test_a_reservation_that_ended_cannot_be_shipped_or_confirmed(end: str) -> None:
    reservation, stock = reserved_order()
    getattr(reservation, end)(stock, now=DEADLINE)

    with pytest.raises(IllegalTransition):
        commit(reservation, stock, now=DEADLINE)
    with pytest.raises(IllegalTransition):
        reservation.confirm(stock, now=DEADLINE)


def test_a_confirmed_reservation_holds_its_stock_past_the_deadline_until_shipped() -> None:
    reservation, stock = reserved_order()
    much_later = DEADLINE + timedelta(days=3)

    reservation.confirm(stock, now=NOW)
    reservation.confirm(stock, now=NOW)
    reservation.expire(stock, now=much_later)
    commit(reservation, stock, now=much_later)

    assert reservation.status is ReservationStatus.COMMITTED
    assert levels(stock, much_later) == {MUG: (3, 0), CUP: (2, 0)}
    assert reservation.pull_events() == [
        ReservationConfirmed(order_id=ORDER, occurred_at=NOW),
        ReservationCommitted(order_id=ORDER, lines=LINES, occurred_at=much_later),
    ]


def test_a_shipped_reservation_is_not_released_by_a_late_cancellation() -> None:
    reservation, stock = reserved_order()
    commit(reservation, stock)

    reservation.release(stock, now=NOW)

    assert reservation.status is ReservationStatus.COMMITTED
    assert levels(stock) == {MUG: (3, 0), CUP: (2, 0)}


def test_a_rejected_reservation_has_nothing_to_release_or_expire() -> None:
    stock = {MUG: StockItem(MUG, on_hand=1)}
    refused = reserve_stock(order_id=ORDER, lines=[ReservationLine(MUG, 2)], stock=stock, now=NOW, ttl=TTL)
    refused.pull_events()

    refused.release(stock, now=NOW)
    refused.expire(stock, now=DEADLINE)

    assert (refused.status, refused.pending_events) == (ReservationStatus.REJECTED, ())


def test_a_missing_stock_record_stops_a_release_before_anything_changes() -> None:
    reservation, stock = reserved_order()
    del stock[MUG]

    with pytest.raises(NotFound):
        reservation.release(stock, now=NOW)
    assert (reservation.status, stock[CUP].reserved(NOW)) == (ReservationStatus.ACTIVE, 1)
