"""What other contexts hear of inventory's domain events, and what a repeated command is told."""

from datetime import UTC, datetime, timedelta

import pytest

from oms.contexts.inventory.application.messages import current_state, integration_message
from oms.contexts.inventory.contracts import events as published
from oms.contexts.inventory.domain import events as domain
from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
ORDER = OrderId.new()
LINES = (ReservationLine(Sku("MUG"), 2),)


def test_a_reservation_is_published_with_its_deadline_under_the_order_id():
    event = domain.StockReserved(order_id=ORDER, lines=LINES, expires_at=NOW, occurred_at=NOW)

    assert integration_message(event) == (
        published.StockReserved(order_id=ORDER.value, expires_at=NOW),
        str(ORDER),
    )


def test_a_refusal_is_published_with_each_shortage():
    event = domain.StockReservationFailed(order_id=ORDER, shortages=(Shortage(Sku("MUG"), 3, 1),))

    message, _ = integration_message(event)

    assert message.shortages == (published.Shortage(sku="MUG", requested=3, available=1),)


def test_an_adjustment_is_published_under_its_sku_with_what_is_reserved():
    event = domain.StockAdjusted(
        sku=Sku("MUG"), delta=-2, on_hand=8, available=5, reason="damaged", actor="user:a", correlation_id="c"
    )

    assert integration_message(event) == (
        published.StockAdjusted(sku="MUG", delta=-2, on_hand=8, reserved=3, reason="damaged"),
        "MUG",
    )


@pytest.mark.parametrize(
    "event",
    [
        domain.ProductCreated(sku=Sku("MUG"), name="Mug", description="", price=Money("1", "EUR")),
        domain.ProductDeactivated(sku=Sku("MUG")),
        domain.StockShipped(sku=Sku("MUG"), order_id=ORDER, quantity=1, on_hand=0),
    ],
)
def test_catalog_changes_and_shipments_stay_inside_the_context(event):
    assert integration_message(event) is None


def reservation(
    status: ReservationStatus, expires_at: datetime | None = NOW + timedelta(minutes=5)
) -> Reservation:
    return Reservation(
        ORDER, lines=LINES, status=status, expires_at=expires_at, shortages=(Shortage(Sku("MUG"), 2, 0),)
    )


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            reservation(ReservationStatus.ACTIVE),
            published.StockReserved(order_id=ORDER.value, expires_at=NOW + timedelta(minutes=5)),
        ),
        (reservation(ReservationStatus.ACTIVE, None), published.ReservationConfirmed(order_id=ORDER.value)),
        (reservation(ReservationStatus.ACTIVE, NOW), published.ReservationExpired(order_id=ORDER.value)),
        (reservation(ReservationStatus.EXPIRED), published.ReservationExpired(order_id=ORDER.value)),
        (reservation(ReservationStatus.RELEASED), published.ReservationReleased(order_id=ORDER.value)),
        (reservation(ReservationStatus.COMMITTED), published.ReservationCommitted(order_id=ORDER.value)),
        (
            reservation(ReservationStatus.REJECTED, None),
            published.StockReservationFailed(
                order_id=ORDER.value, shortages=(published.Shortage(sku="MUG", requested=2, available=0),)
            ),
        ),
    ],
)
def test_a_command_that_changes_nothing_is_told_where_the_reservation_stands(state, expected):
    assert current_state(state, NOW) == (expected, str(ORDER))


def test_stock_loaded_in_part_counts_the_other_orders_live_holds_as_one_sum():
    item = StockItem(Sku("MUG"), on_hand=10, holds=[Hold(ORDER, 2, None)], reserved_by_others=5)

    assert (item.reserved(NOW), item.available(NOW)) == (7, 3)


@pytest.mark.parametrize("others", [-1, True, 1.5])
def test_a_sum_of_other_orders_holds_is_a_whole_number_at_least_zero(others):
    with pytest.raises(InvalidValue):
        StockItem(Sku("MUG"), on_hand=10, reserved_by_others=others)
