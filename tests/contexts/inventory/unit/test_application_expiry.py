"""The sweeper through the application, with fakes: lapsed reservations expire, and say so."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory.application import expiry, reservations
from oms.contexts.inventory.contracts.commands import ConfirmReservation, ReserveStock, StockLine
from oms.contexts.inventory.contracts.events import ReservationExpired
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from tests.contexts.inventory.unit.fakes import FakeUnitOfWork, FixedClock, stocked

TTL = timedelta(minutes=15)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def uow(clock: FixedClock) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    stocked(uow, clock, MUG=10)
    return uow


def reserve(uow, clock, quantity: int = 1) -> uuid.UUID:
    order_id = uuid.uuid4()
    command = ReserveStock(order_id=order_id, lines=(StockLine(sku="MUG", quantity=quantity),))
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=TTL)
    return order_id


def expire(uow, clock, limit: int = 100) -> int:
    uow.published.clear()
    return expiry.expire_reservations(uow=uow, now=clock.now(), limit=limit)


def test_each_lapsed_reservation_expires_frees_its_stock_and_publishes_reservation_expired(uow, clock):
    first, second = reserve(uow, clock, 2), reserve(uow, clock, 3)
    clock.advance(minutes=15)

    assert expire(uow, clock) == 2

    assert uow.published == [
        (ReservationExpired(order_id=first), str(first)),
        (ReservationExpired(order_id=second), str(second)),
    ]
    assert uow.stock.rows[Sku("MUG")].holds == ()


def test_reservations_still_within_their_deadline_or_paid_for_are_left_alone(uow, clock):
    reserve(uow, clock)
    paid = reserve(uow, clock)
    reservations.confirm_reservation(ConfirmReservation(order_id=paid), uow=uow, clock=clock)
    clock.advance(minutes=14)

    assert expire(uow, clock) == 0

    clock.advance(hours=5)
    assert expire(uow, clock) == 1
    assert uow.reservations.rows[OrderId(paid)].status is ReservationStatus.ACTIVE


def test_a_sweep_takes_at_most_its_limit_oldest_first(uow, clock):
    oldest = reserve(uow, clock)
    clock.advance(minutes=1)
    reserve(uow, clock)
    clock.advance(minutes=15)

    assert expire(uow, clock, limit=1) == 1

    assert uow.messages() == [ReservationExpired(order_id=oldest)]


def test_a_second_sweep_finds_nothing_more_to_do(uow, clock):
    reserve(uow, clock)
    clock.advance(minutes=15)
    expire(uow, clock)

    assert expire(uow, clock) == 0
    assert uow.messages() == []


def test_one_broken_reservation_does_not_stop_the_sweep(uow, clock, caplog):
    stocked(uow, clock, CUP=1)
    broken = uuid.uuid4()
    command = ReserveStock(order_id=broken, lines=(StockLine(sku="CUP", quantity=1),))
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=TTL)
    del uow.stock.rows[Sku("CUP")]  # its stock record is gone: expiring it cannot free anything
    clock.advance(minutes=1)
    healthy = reserve(uow, clock)
    clock.advance(minutes=15)

    assert expire(uow, clock) == 1

    assert uow.messages() == [ReservationExpired(order_id=healthy)]
    assert f"could not expire the reservation of order {broken}" in caplog.text
