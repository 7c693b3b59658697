"""Placing an order on PostgreSQL: the order, its saga and its outbox rows commit together, or nothing."""

import pytest

from oms.contexts.orders.contracts.errors import InvalidOrderRequest, StockShortAtPlacement
from oms.contexts.orders.infrastructure.models import (
    OrderLineRecord,
    OrderRecord,
    OrdersOutbox,
    SagaJournalRecord,
    SagaRecord,
    TimelineEntryRecord,
)
from oms.contexts.orders.infrastructure.numbers import OrderNumberSequence
from tests.contexts.orders.integration.conftest import outbox, place

pytestmark = pytest.mark.django_db


def test_placing_writes_exactly_one_reserve_stock_command_and_one_order_placed_fact(shelves):
    order = place(MUG=2, CUP=1)

    assert outbox("inventory.ReserveStock.v1") == [
        (
            "inventory.ReserveStock.v1",
            {
                "order_id": str(order.id),
                "lines": [{"sku": "MUG", "quantity": 2}, {"sku": "CUP", "quantity": 1}],
            },
        )
    ]
    [(_, placed)] = outbox("orders.OrderPlaced.v1")
    assert (placed["number"], placed["total"]) == (order.number, {"amount": "37.50", "currency": "EUR"})
    assert OrdersOutbox.objects.count() == 2
    assert set(OrdersOutbox.objects.values_list("aggregate_id", flat=True)) == {str(order.id)}


def test_placing_stores_the_order_its_lines_its_first_timeline_entry_and_its_waiting_saga(shelves):
    order = place(MUG=2)

    record = OrderRecord.objects.get(pk=order.id)
    assert (record.status, record.payment_status, record.total_amount, record.ship_country) == (
        "pending",
        "none",
        25,
        "GB",
    )
    assert list(
        OrderLineRecord.objects.filter(order=record).values_list("sku", "quantity", "line_total")
    ) == [("MUG", 2, 25)]
    assert TimelineEntryRecord.objects.filter(order=record).count() == 1
    saga = SagaRecord.objects.get(pk=order.id)
    assert (saga.state, saga.current_step, saga.steps["reserve_stock"]["attempts"]) == (
        "awaiting_reservation",
        "reserve_stock",
        1,
    )
    assert saga.deadline is not None
    assert SagaJournalRecord.objects.filter(saga=saga).count() == 1


def test_order_numbers_come_from_a_sequence_and_only_grow(shelves):
    numbers = [place().number for _ in range(3)]

    assert numbers == sorted(numbers)
    assert len(set(numbers)) == 3
    assert all(number.startswith("ORD-") and len(number) == 12 for number in numbers)


def test_the_embedded_modes_counter_also_counts_up_from_1000():
    sequence = OrderNumberSequence()

    assert [sequence._bump_counter(), sequence._bump_counter()] == [1000, 1001]


def test_stock_already_short_at_submit_time_creates_nothing(shelves):
    with pytest.raises(StockShortAtPlacement):
        place(MUG=11)

    assert (OrderRecord.objects.count(), SagaRecord.objects.count(), OrdersOutbox.objects.count()) == (
        0,
        0,
        0,
    )


def test_an_unknown_product_is_refused_by_field_creating_nothing(shelves):
    with pytest.raises(InvalidOrderRequest) as refused:
        place(MUG=1, GHOST=1)

    assert refused.value.errors == {"items": [{}, {"sku": ["No product has SKU GHOST."]}]}
    assert OrderRecord.objects.count() == 0
