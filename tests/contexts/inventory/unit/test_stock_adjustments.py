from datetime import UTC, datetime, timedelta

import pytest

from oms.contexts.inventory.domain.events import StockAdjusted
from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.ledger import StockMovement
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=15)
SKU = Sku("MUG-01")
ORDER = OrderId.new()


def stock_with(on_hand: int, *holds: Hold) -> StockItem:
    return StockItem(SKU, on_hand=on_hand, holds=holds)


def restock(item: StockItem, delta: int, *, now: datetime = NOW) -> StockMovement:
    return item.adjust(delta=delta, reason="restock", actor="user:ana", correlation_id="req-1", now=now)


def test_adjusting_stock_writes_a_ledger_entry_and_records_stock_adjusted() -> None:
    item = stock_with(4, Hold(ORDER, 1, LATER))

    movement = restock(item, 6)

    assert item.on_hand == 10
    assert movement == StockMovement(
        sku=SKU,
        delta=6,
        on_hand_after=10,
        reason="restock",
        actor="user:ana",
        correlation_id="req-1",
        occurred_at=NOW,
    )
    assert item.pull_movements() == [movement]
    assert item.pull_events() == [
        StockAdjusted(
            sku=SKU,
            delta=6,
            on_hand=10,
            available=9,
            reason="restock",
            actor="user:ana",
            correlation_id="req-1",
            occurred_at=NOW,
        )
    ]


def test_stock_cannot_be_adjusted_below_what_is_reserved() -> None:
    item = stock_with(5, Hold(ORDER, 3, LATER))

    with pytest.raises(BusinessRuleViolation) as refused:
        restock(item, -3)

    assert refused.value.rule == "stock_never_below_reserved"
    assert (item.on_hand, item.pending_movements, item.pending_events) == (5, (), ())


def test_stock_can_be_adjusted_down_to_exactly_what_is_reserved() -> None:
    item = stock_with(5, Hold(ORDER, 3, LATER))

    restock(item, -2)

    assert item.available(NOW) == 0


def test_stock_cannot_go_below_zero() -> None:
    with pytest.raises(BusinessRuleViolation):
        restock(stock_with(2), -3)


def test_a_lapsed_hold_does_not_stop_stock_from_being_written_off() -> None:
    item = stock_with(5, Hold(ORDER, 5, LATER))

    restock(item, -5, now=LATER)

    assert item.on_hand == 0


@pytest.mark.parametrize("delta", [0, True, 1.5])
def test_an_adjustment_must_change_stock_by_a_whole_number(delta: object) -> None:
    with pytest.raises(InvalidValue):
        restock(stock_with(5), delta)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["reason", "actor", "correlation_id"])
def test_an_adjustment_without_reason_actor_or_correlation_id_changes_nothing(field: str) -> None:
    item = stock_with(5)
    given = {"reason": "restock", "actor": "user:ana", "correlation_id": "req-1", field: "  "}

    with pytest.raises(InvalidValue):
        item.adjust(delta=1, now=NOW, **given)
    assert (item.on_hand, item.pending_movements) == (5, ())


@pytest.mark.parametrize("on_hand", [-1, True])
def test_stock_on_hand_is_a_whole_number_of_at_least_zero(on_hand: int) -> None:
    with pytest.raises(InvalidValue):
        stock_with(on_hand)
