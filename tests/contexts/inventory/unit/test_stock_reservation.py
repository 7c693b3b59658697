from datetime import UTC, datetime, timedelta

import pytest

from oms.contexts.inventory.domain.events import StockReservationFailed, StockReserved
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.reserving import find_shortages, reserve_stock
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
TTL = timedelta(minutes=15)
MUG, CUP, PEN = Sku("MUG"), Sku("CUP"), Sku("PEN")
ORDER = OrderId.new()


def shelves(**on_hand: int) -> dict[Sku, StockItem]:
    return {Sku(code): StockItem(Sku(code), on_hand=units) for code, units in on_hand.items()}


def line(sku: Sku, quantity: int) -> ReservationLine:
    return ReservationLine(sku, quantity)


def levels(stock: dict[Sku, StockItem]) -> dict[Sku, tuple[int, int]]:
    return {sku: (item.on_hand, item.reserved(NOW)) for sku, item in stock.items()}


def test_reserving_holds_every_line_until_the_deadline_and_records_stock_reserved() -> None:
    stock = shelves(MUG=5, CUP=2)

    reservation = reserve_stock(
        order_id=ORDER, lines=[line(MUG, 3), line(CUP, 2)], stock=stock, now=NOW, ttl=TTL
    )

    assert reservation.status is ReservationStatus.ACTIVE
    assert levels(stock) == {MUG: (5, 3), CUP: (2, 2)}
    assert reservation.pull_events() == [
        StockReserved(
            order_id=ORDER, lines=(line(CUP, 2), line(MUG, 3)), expires_at=NOW + TTL, occurred_at=NOW
        )
    ]


def test_the_same_sku_on_several_lines_is_summed_before_it_is_checked() -> None:
    stock = shelves(MUG=5)

    reservation = reserve_stock(
        order_id=ORDER, lines=[line(MUG, 3), line(MUG, 3)], stock=stock, now=NOW, ttl=TTL
    )

    assert reservation.shortages == (Shortage(MUG, 6, 5),)
    assert levels(stock) == {MUG: (5, 0)}


def test_a_reservation_short_on_one_line_holds_nothing_and_names_each_short_sku() -> None:
    stock = shelves(MUG=5, CUP=1, PEN=0)

    reservation = reserve_stock(
        order_id=ORDER, lines=[line(MUG, 2), line(CUP, 2), line(PEN, 1)], stock=stock, now=NOW, ttl=TTL
    )

    assert reservation.status is ReservationStatus.REJECTED
    assert levels(stock) == {MUG: (5, 0), CUP: (1, 0), PEN: (0, 0)}
    assert reservation.pull_events() == [
        StockReservationFailed(
            order_id=ORDER, shortages=(Shortage(CUP, 2, 1), Shortage(PEN, 1, 0)), occurred_at=NOW
        )
    ]


def test_a_sku_without_a_stock_record_is_short_of_everything_requested() -> None:
    shortages = find_shortages([line(MUG, 1)], shelves(), now=NOW)

    assert shortages == (Shortage(MUG, 1, 0),)
    assert str(shortages[0]) == "MUG: 1 requested, 0 available"


def test_stock_held_by_a_lapsed_reservation_can_be_reserved_by_another_order() -> None:
    stock = shelves(MUG=2)
    reserve_stock(order_id=OrderId.new(), lines=[line(MUG, 2)], stock=stock, now=NOW, ttl=TTL)

    later = reserve_stock(order_id=ORDER, lines=[line(MUG, 2)], stock=stock, now=NOW + TTL, ttl=TTL)

    assert later.status is ReservationStatus.ACTIVE


def test_reserving_again_for_the_same_order_gives_the_same_answer_without_holding_twice() -> None:
    stock = shelves(MUG=5)
    first = reserve_stock(order_id=ORDER, lines=[line(MUG, 2)], stock=stock, now=NOW, ttl=TTL)
    first.pull_events()

    again = reserve_stock(order_id=ORDER, lines=[line(MUG, 2)], stock=stock, now=NOW, ttl=TTL, previous=first)

    assert again is first
    assert (levels(stock), again.pending_events) == ({MUG: (5, 2)}, ())


def test_a_refused_order_is_refused_again_even_after_a_restock() -> None:
    stock = shelves(MUG=1)
    refused = reserve_stock(order_id=ORDER, lines=[line(MUG, 2)], stock=stock, now=NOW, ttl=TTL)
    stock[MUG].adjust(delta=5, reason="restock", actor="user:ana", correlation_id="req-2", now=NOW)

    again = reserve_stock(
        order_id=ORDER, lines=[line(MUG, 2)], stock=stock, now=NOW, ttl=TTL, previous=refused
    )

    assert again.status is ReservationStatus.REJECTED
    assert stock[MUG].reserved(NOW) == 0


def test_another_orders_reservation_is_not_accepted_as_the_previous_answer() -> None:
    stock = shelves(MUG=5)
    other = reserve_stock(order_id=OrderId.new(), lines=[line(MUG, 1)], stock=stock, now=NOW, ttl=TTL)

    with pytest.raises(InvalidValue):
        reserve_stock(order_id=ORDER, lines=[line(MUG, 1)], stock=stock, now=NOW, ttl=TTL, previous=other)


def test_a_reservation_needs_at_least_one_line() -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        reserve_stock(order_id=ORDER, lines=[], stock=shelves(), now=NOW, ttl=TTL)
    assert refused.value.rule == "reservation_needs_lines"


@pytest.mark.parametrize("quantity", [0, -1, True])
def test_a_line_needs_a_whole_quantity_above_zero(quantity: int) -> None:
    with pytest.raises(InvalidValue):
        ReservationLine(MUG, quantity)


@pytest.mark.parametrize("ttl", [timedelta(0), timedelta(seconds=-1)])
def test_a_reservation_must_be_held_for_some_time(ttl: timedelta) -> None:
    with pytest.raises(InvalidValue):
        reserve_stock(order_id=ORDER, lines=[line(MUG, 1)], stock=shelves(MUG=1), now=NOW, ttl=ttl)


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(InvalidValue):
        reserve_stock(
            order_id=ORDER, lines=[line(MUG, 1)], stock=shelves(MUG=1), now=datetime(2025, 3, 1), ttl=TTL
        )
