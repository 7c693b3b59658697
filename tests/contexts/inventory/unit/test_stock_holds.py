from datetime import UTC, datetime, timedelta

import pytest

from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import BusinessRuleViolation

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=15)
SKU = Sku("MUG-01")
ORDER = OrderId.new()


def stock_with(on_hand: int, *holds: Hold) -> StockItem:
    return StockItem(SKU, on_hand=on_hand, holds=holds)


def test_available_is_on_hand_minus_what_live_holds_reserve() -> None:
    item = stock_with(10, Hold(ORDER, 3, LATER), Hold(OrderId.new(), 2, None))

    assert (item.reserved(NOW), item.available(NOW)) == (5, 5)


def test_a_hold_past_its_deadline_is_available_again_before_any_sweeper_runs() -> None:
    item = stock_with(10, Hold(ORDER, 3, LATER))

    assert item.available(LATER) == 10
    assert item.held_for(ORDER) is not None


def test_holding_more_than_is_available_is_refused() -> None:
    item = stock_with(5, Hold(OrderId.new(), 3, LATER))

    with pytest.raises(BusinessRuleViolation) as refused:
        item.hold(order_id=ORDER, quantity=3, expires_at=LATER, now=NOW)
    assert refused.value.rule == "reserved_never_above_on_hand"


def test_an_order_cannot_hold_the_same_sku_twice() -> None:
    item = stock_with(5, Hold(ORDER, 1, LATER))

    with pytest.raises(BusinessRuleViolation) as refused:
        item.hold(order_id=ORDER, quantity=1, expires_at=LATER, now=NOW)
    assert refused.value.rule == "order_holds_a_sku_once"


def test_releasing_a_hold_twice_frees_its_units_once() -> None:
    item = stock_with(5, Hold(ORDER, 2, LATER), Hold(OrderId.new(), 1, LATER))

    assert [item.release_hold(ORDER), item.release_hold(ORDER)] == [2, 0]
    assert item.reserved(NOW) == 1


def test_a_kept_hold_outlives_its_deadline() -> None:
    item = stock_with(5, Hold(ORDER, 2, LATER))

    item.keep_hold(ORDER)

    assert item.reserved(LATER + timedelta(days=30)) == 2


def test_shipping_a_hold_lowers_on_hand_and_reserved_together_with_a_ledger_entry() -> None:
    item = stock_with(5, Hold(ORDER, 2, LATER))

    movement = item.ship_hold(order_id=ORDER, actor="user:wh", correlation_id="req-9", now=NOW)

    assert (item.on_hand, item.reserved(NOW), item.available(NOW)) == (3, 0, 3)
    assert (movement.delta, movement.reason, movement.order_id) == (-2, "shipment", ORDER)


def test_a_lapsed_hold_cannot_be_shipped() -> None:
    item = stock_with(5, Hold(ORDER, 2, LATER))

    with pytest.raises(BusinessRuleViolation) as refused:
        item.ship_hold(order_id=ORDER, actor="user:wh", correlation_id="req-9", now=LATER)
    assert refused.value.rule == "ships_only_live_holds"
    assert item.on_hand == 5
