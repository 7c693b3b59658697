from dataclasses import replace
from decimal import Decimal

import pytest

from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
from oms.contexts.orders.application.placement import place_order
from oms.contexts.orders.contracts.dtos import ItemRequest
from oms.contexts.orders.contracts.errors import InvalidOrderRequest, StockShortAtPlacement
from oms.contexts.orders.contracts.events import OrderPlaced
from oms.contexts.orders.domain.saga_state import SagaState, SagaStep
from oms.contexts.orders.domain.status import OrderStatus
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.application_fakes import (
    CUSTOMER,
    FakeCatalog,
    FakeUnitOfWork,
    FixedClock,
    a_request,
    an_address,
)
from tests.contexts.orders.unit.builders import POLICY


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def catalog() -> FakeCatalog:
    return FakeCatalog().sells("MUG", "12.50").sells("CUP", "4.00")


def place(uow, catalog, request=None):
    return place_order(
        request or a_request(), customer=CUSTOMER, uow=uow, catalog=catalog, clock=FixedClock(), policy=POLICY
    )


def refusal(uow, catalog, request) -> dict:
    with pytest.raises(InvalidOrderRequest) as refused:
        place(uow, catalog, request)
    assert uow.published == []
    assert uow.orders.rows == {}
    return refused.value.errors


def test_placing_creates_a_pending_order_priced_at_the_catalogs_prices_and_starts_its_saga(uow, catalog):
    order = place(uow, catalog)

    assert order.status is OrderStatus.PENDING
    assert order.total == Money("29.00", "EUR")
    assert [(line.sku, line.quantity, line.unit_price) for line in order.lines] == [
        ("MUG", 2, Money("12.50", "EUR")),
        ("CUP", 1, Money("4.00", "EUR")),
    ]
    saga = uow.sagas.rows[order.id]
    assert (saga.state, saga.steps.current_step, saga.payment_token) == (
        SagaState.AWAITING_RESERVATION,
        SagaStep.RESERVE_STOCK,
        "tok_visa",
    )
    assert uow.commits == 1


def test_placing_publishes_the_reservation_request_and_the_fact_in_the_same_transaction(uow, catalog):
    order = place(uow, catalog)

    reserve, placed = sorted((m for m, _ in uow.published), key=lambda m: m.message_type)
    assert reserve == ReserveStock(
        order_id=order.id.value, lines=(StockLine(sku="MUG", quantity=2), StockLine(sku="CUP", quantity=1))
    )
    assert isinstance(placed, OrderPlaced)
    assert (placed.number, placed.customer_id, placed.total.amount) == (
        order.number,
        CUSTOMER.user_id,
        "29.00",
    )
    assert {aggregate for _, aggregate in uow.published} == {str(order.id)}
    assert [(e.direction, e.message_type) for e in uow.journal.entries] == [
        ("sent", ReserveStock.message_type)
    ]


def test_each_order_gets_the_next_human_readable_number(uow, catalog):
    first, second = place(uow, catalog), place(uow, catalog)

    assert (first.number, second.number) == ("ORD-00001000", "ORD-00001001")


def test_a_later_price_change_in_the_catalog_never_reprices_a_placed_order(uow, catalog):
    order = place(uow, catalog)
    catalog.sells("MUG", "99.00")

    assert order.lines[0].unit_price == Money("12.50", "EUR")


def test_the_same_sku_on_several_items_is_summed_into_one_line(uow, catalog):
    order = place(uow, catalog, a_request(("MUG", 1), ("cup", 1), ("mug ", 2)))

    assert [(line.sku, line.quantity) for line in order.lines] == [("MUG", 3), ("CUP", 1)]


def test_items_summing_above_the_line_limit_are_refused_on_the_item_that_crosses_it(uow, catalog):
    errors = refusal(uow, catalog, a_request(("MUG", 600), ("CUP", 1), ("MUG", 400)))

    assert errors == {
        "items": [{}, {}, {"quantity": ["MUG adds up to 1000 over several items; at most 999."]}]
    }


def test_an_unknown_a_withdrawn_and_a_foreign_priced_product_are_each_named_on_their_item(uow, catalog):
    catalog.sells("OLD", active=False).sells("USD-ONLY", currency="USD")

    errors = refusal(uow, catalog, a_request(("MUG", 1), ("NOPE", 1), ("OLD", 1), ("USD-ONLY", 1)))

    assert errors == {
        "items": [
            {},
            {"sku": ["No product has SKU NOPE."]},
            {"sku": ["OLD is no longer sold."]},
            {"sku": ["USD-ONLY is priced in USD, not in EUR."]},
        ]
    }


@pytest.mark.parametrize("quantity", [0, -1, 1000])
def test_a_quantity_outside_one_to_999_is_refused(uow, catalog, quantity):
    errors = refusal(uow, catalog, a_request(("MUG", quantity)))

    assert list(errors["items"][0]) == ["quantity"]


@pytest.mark.parametrize("count", [0, 101])
def test_an_empty_basket_and_one_of_more_than_100_items_are_refused(uow, catalog, count):
    request = replace(a_request(), items=tuple(ItemRequest(sku=f"SKU-{n}", quantity=1) for n in range(count)))

    assert refusal(uow, catalog, request) == {"items": ["An order must have from 1 to 100 items."]}


def test_every_problem_of_the_request_is_reported_at_once_by_field(uow, catalog):
    request = a_request(("", 1), currency="EURO", token=" ", shipping_address=an_address(country="XX"))

    errors = refusal(uow, catalog, request)

    assert set(errors) == {"items", "currency", "payment", "shipping_address"}
    assert list(errors["shipping_address"]) == ["country"]
    assert errors["payment"] == {"token": ["A payment token of 1 to 255 characters."]}


def test_metadata_beyond_its_limits_is_refused(uow, catalog):
    errors = refusal(uow, catalog, a_request(metadata={f"k{n}": "v" for n in range(21)}))

    assert list(errors) == ["metadata"]


def test_stock_already_short_refuses_the_order_at_once_creating_nothing(uow, catalog):
    catalog.stock["MUG"] = 1

    with pytest.raises(StockShortAtPlacement) as refused:
        place(uow, catalog)

    assert [(s.sku, s.requested, s.available) for s in refused.value.shortages] == [("MUG", 2, 1)]
    assert refused.value.rule == "stock_available_at_placement"
    assert (uow.orders.rows, uow.published, uow.commits) == ({}, [], 0)


def test_the_order_keeps_the_customers_reference_and_metadata(uow, catalog):
    order = place(uow, catalog, a_request(external_reference="PO-7", metadata={"gift": "yes"}))

    assert (order.external_reference, order.metadata) == ("PO-7", {"gift": "yes"})
    assert order.timeline[0].actor == f"customer:{CUSTOMER.user_id}"
    assert order.total.amount == Decimal("29.00")
