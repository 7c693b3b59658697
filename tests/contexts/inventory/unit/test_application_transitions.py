"""Confirm, release and commit through the application, with fakes: state-guarded and idempotent."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory.application import reservations
from oms.contexts.inventory.contracts.commands import (
    CommitReservation,
    ConfirmReservation,
    ReleaseReservation,
    ReserveStock,
    StockLine,
)
from oms.contexts.inventory.contracts.events import (
    ReservationCommitted,
    ReservationConfirmed,
    ReservationExpired,
    ReservationReleased,
    StockReservationFailed,
)
from oms.contexts.inventory.domain.ledger import SHIPMENT_REASON
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import NotFound
from tests.contexts.inventory.unit.fakes import FakeUnitOfWork, FixedClock, stocked

TTL = timedelta(minutes=15)
MUG, CUP = Sku("MUG"), Sku("CUP")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def uow(clock: FixedClock) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    stocked(uow, clock, MUG=5, CUP=2)
    return uow


@pytest.fixture
def order(uow: FakeUnitOfWork, clock: FixedClock) -> uuid.UUID:
    order_id = uuid.uuid4()
    lines = (StockLine(sku="MUG", quantity=3), StockLine(sku="CUP", quantity=1))
    reservations.reserve_stock(ReserveStock(order_id=order_id, lines=lines), uow=uow, clock=clock, ttl=TTL)
    uow.published.clear()
    return order_id


def confirm(uow, clock, order_id):
    reservations.confirm_reservation(ConfirmReservation(order_id=order_id), uow=uow, clock=clock)


def release(uow, clock, order_id):
    reservations.release_reservation(
        ReleaseReservation(order_id=order_id, reason="cancelled"), uow=uow, clock=clock
    )


def commit(uow, clock, order_id):
    command = CommitReservation(order_id=order_id)
    reservations.commit_reservation(command, uow=uow, clock=clock, correlation_id="req-ship")


def levels(uow: FakeUnitOfWork, clock: FixedClock) -> dict[str, tuple[int, int]]:
    return {str(sku): (item.on_hand, item.reserved(clock.now())) for sku, item in uow.stock.rows.items()}


def test_confirming_keeps_the_stock_held_past_the_deadline(uow, clock, order):
    confirm(uow, clock, order)
    clock.advance(hours=2)

    assert uow.messages() == [ReservationConfirmed(order_id=order)]
    assert levels(uow, clock) == {"MUG": (5, 3), "CUP": (2, 1)}


def test_confirming_twice_confirms_once_and_says_so_again(uow, clock, order):
    confirm(uow, clock, order)
    version = uow.reservations.rows[next(iter(uow.reservations.rows))].version

    confirm(uow, clock, order)

    assert uow.messages() == [ReservationConfirmed(order_id=order)] * 2
    assert next(iter(uow.reservations.rows.values())).version == version


def test_confirming_a_lapsed_reservation_expires_it_on_the_spot(uow, clock, order):
    clock.advance(minutes=15)

    confirm(uow, clock, order)

    assert uow.messages() == [ReservationExpired(order_id=order)]
    assert levels(uow, clock) == {"MUG": (5, 0), "CUP": (2, 0)}
    assert all(item.holds == () for item in uow.stock.rows.values())


def test_releasing_gives_the_stock_back_once_however_often_it_is_asked(uow, clock, order):
    release(uow, clock, order)
    release(uow, clock, order)

    assert uow.messages() == [ReservationReleased(order_id=order)] * 2
    assert levels(uow, clock) == {"MUG": (5, 0), "CUP": (2, 0)}


def test_committing_ships_the_held_units_with_a_ledger_entry_per_sku(uow, clock, order):
    confirm(uow, clock, order)
    opening = len(uow.ledger)

    commit(uow, clock, order)

    assert uow.messages()[-1] == ReservationCommitted(order_id=order)
    assert levels(uow, clock) == {"MUG": (2, 0), "CUP": (1, 0)}
    shipped = uow.ledger[opening:]
    assert [(str(m.sku), m.delta, m.on_hand_after) for m in shipped] == [("CUP", -1, 1), ("MUG", -3, 2)]
    assert {(m.reason, m.correlation_id, m.order_id.value) for m in shipped} == {
        (SHIPMENT_REASON, "req-ship", order)
    }


def test_committing_twice_ships_once(uow, clock, order):
    commit(uow, clock, order)
    ledger = len(uow.ledger)

    commit(uow, clock, order)

    assert uow.messages() == [ReservationCommitted(order_id=order)] * 2
    assert len(uow.ledger) == ledger
    assert levels(uow, clock) == {"MUG": (2, 0), "CUP": (1, 0)}


def test_committing_a_lapsed_unpaid_reservation_ships_nothing_and_expires_it(uow, clock, order):
    clock.advance(minutes=16)

    commit(uow, clock, order)

    assert uow.messages() == [ReservationExpired(order_id=order)]
    assert levels(uow, clock) == {"MUG": (5, 0), "CUP": (2, 0)}


def test_a_late_release_after_shipping_changes_nothing_and_states_the_shipment(uow, clock, order):
    commit(uow, clock, order)

    release(uow, clock, order)

    assert uow.messages() == [ReservationCommitted(order_id=order)] * 2
    assert levels(uow, clock) == {"MUG": (2, 0), "CUP": (1, 0)}


def test_releasing_a_refused_reservation_repeats_the_refusal(uow, clock):
    order_id = uuid.uuid4()
    command = ReserveStock(order_id=order_id, lines=(StockLine(sku="CUP", quantity=9),))
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=TTL)

    release(uow, clock, order_id)

    first, again = uow.messages()
    assert first == again
    assert isinstance(again, StockReservationFailed)


@pytest.mark.parametrize("step", [confirm, release, commit])
def test_a_command_for_an_order_never_reserved_is_refused_so_the_bus_retries_it(uow, clock, step):
    with pytest.raises(NotFound):
        step(uow, clock, uuid.uuid4())

    assert uow.messages() == []
