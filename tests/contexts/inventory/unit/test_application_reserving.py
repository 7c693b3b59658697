"""ReserveStock through the application, with fakes: all lines or none, and the same answer twice."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory.application import catalog, reservations
from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
from oms.contexts.inventory.contracts.events import Shortage, StockReservationFailed, StockReserved
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import InvalidValue
from tests.contexts.inventory.unit.fakes import FakeUnitOfWork, FixedClock, stocked

TTL = timedelta(minutes=15)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def uow(clock: FixedClock) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    stocked(uow, clock, MUG=5, CUP=2, PEN=0)
    return uow


def reserve(uow: FakeUnitOfWork, clock: FixedClock, order_id: uuid.UUID, **lines: int) -> None:
    command = ReserveStock(
        order_id=order_id,
        lines=tuple(StockLine(sku=sku, quantity=quantity) for sku, quantity in lines.items()),
    )
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=TTL)


def reserved(uow: FakeUnitOfWork, clock: FixedClock) -> dict[str, int]:
    return {str(sku): item.reserved(clock.now()) for sku, item in uow.stock.rows.items()}


def test_reserving_holds_every_line_and_replies_stock_reserved_with_the_deadline(uow, clock):
    order = uuid.uuid4()

    reserve(uow, clock, order, MUG=3, CUP=2)

    assert uow.messages() == [StockReserved(order_id=order, expires_at=clock.now() + TTL)]
    assert uow.published[0][1] == str(order)
    assert reserved(uow, clock) == {"MUG": 3, "CUP": 2, "PEN": 0}


def test_a_basket_short_on_one_line_holds_nothing_and_names_each_short_sku(uow, clock):
    order = uuid.uuid4()

    reserve(uow, clock, order, MUG=2, CUP=3, PEN=1)

    assert uow.messages() == [
        StockReservationFailed(
            order_id=order,
            shortages=(
                Shortage(sku="CUP", requested=3, available=2),
                Shortage(sku="PEN", requested=1, available=0),
            ),
        )
    ]
    assert reserved(uow, clock) == {"MUG": 0, "CUP": 0, "PEN": 0}


def test_an_unknown_sku_is_short_of_everything_requested(uow, clock):
    order = uuid.uuid4()

    reserve(uow, clock, order, MUG=1, LAMP=2)

    [failed] = uow.messages()
    assert failed.shortages == (Shortage(sku="LAMP", requested=2, available=0),)


def test_a_withdrawn_product_is_short_even_with_stock_on_the_shelf(uow, clock):
    catalog.update_product(uow=uow, clock=clock, sku="MUG", active=False)
    order = uuid.uuid4()

    reserve(uow, clock, order, MUG=1)

    [failed] = uow.messages()
    assert failed.shortages == (Shortage(sku="MUG", requested=1, available=0),)


def test_reserving_again_for_the_same_order_holds_nothing_twice_and_repeats_the_reply(uow, clock):
    order = uuid.uuid4()
    reserve(uow, clock, order, MUG=3)
    clock.advance(minutes=1)

    reserve(uow, clock, order, MUG=3)

    first, again = uow.messages()
    assert first == again == StockReserved(order_id=order, expires_at=first.expires_at)
    assert reserved(uow, clock) == {"MUG": 3, "CUP": 0, "PEN": 0}


def test_a_refused_order_asking_again_is_refused_again_even_once_stock_arrived(uow, clock):
    order = uuid.uuid4()
    reserve(uow, clock, order, CUP=3)
    stocked_later = uow.stock.rows[Sku("CUP")]
    stocked_later.on_hand = 10

    reserve(uow, clock, order, CUP=3)

    first, again = uow.messages()
    assert first == again
    assert isinstance(again, StockReservationFailed)


def test_stock_held_by_a_lapsed_reservation_is_reserved_by_the_next_order(uow, clock):
    reserve(uow, clock, uuid.uuid4(), CUP=2)
    clock.advance(minutes=15)
    order = uuid.uuid4()

    reserve(uow, clock, order, CUP=2)

    assert uow.messages()[-1] == StockReserved(order_id=order, expires_at=clock.now() + TTL)


def test_the_stock_rows_are_locked_in_sku_order_whatever_the_order_of_the_lines(uow, clock):
    reserve(uow, clock, uuid.uuid4(), PEN=1, MUG=1, CUP=1)

    assert uow.stock.locked[-1] == [Sku("CUP"), Sku("MUG"), Sku("PEN")]


def test_a_malformed_line_is_refused_before_anything_is_read(uow, clock):
    with pytest.raises(InvalidValue):
        reserve(uow, clock, uuid.uuid4(), MUG=0)

    assert uow.messages() == []
