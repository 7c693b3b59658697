"""Listing and changing products, and adjusting their stock, through the application with fakes."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory.application import catalog, reservations, stock
from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
from oms.contexts.inventory.contracts.dtos import AdjustmentResult, ProductView
from oms.contexts.inventory.contracts.events import StockAdjusted
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue, NotFound
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.inventory.unit.fakes import FakeUnitOfWork, FixedClock, stocked

EUR = MoneyPayload(amount="12.50", currency="EUR")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def adjust(uow, clock, sku: str, delta: int) -> AdjustmentResult:
    return stock.adjust_stock(
        uow=uow, clock=clock, sku=sku, delta=delta, reason="count", actor="user:ana", correlation_id="req-7"
    )


def test_a_new_product_is_listed_with_no_stock_and_its_sku_upper_cased(uow, clock):
    view = catalog.create_product(
        uow=uow, clock=clock, sku="mug-1", name="Mug", description="Blue", price=EUR
    )

    assert view == ProductView(
        sku="MUG-1", name="Mug", description="Blue", price=EUR, active=True, available=0, version=0
    )
    assert uow.stock.rows[Sku("MUG-1")].on_hand == 0
    assert uow.messages() == []  # no contract publishes catalog changes


def test_a_sku_names_one_product_only(uow, clock):
    catalog.create_product(uow=uow, clock=clock, sku="MUG", name="Mug", description="", price=EUR)

    with pytest.raises(BusinessRuleViolation) as refused:
        catalog.create_product(uow=uow, clock=clock, sku="mug", name="Other", description="", price=EUR)

    assert refused.value.rule == "sku_names_one_product"
    assert uow.products.rows[Sku("MUG")].name == "Mug"


def test_a_product_can_be_listed_withdrawn_from_sale(uow, clock):
    view = catalog.create_product(
        uow=uow, clock=clock, sku="MUG", name="Mug", description="", price=EUR, active=False
    )

    assert view.active is False


def test_updating_changes_only_what_is_given_and_counts_a_version(uow, clock):
    catalog.create_product(uow=uow, clock=clock, sku="MUG", name="Mug", description="Blue", price=EUR)
    price = MoneyPayload(amount="14.00", currency="EUR")

    view = catalog.update_product(uow=uow, clock=clock, sku="MUG", price=price, active=False)

    assert (view.name, view.description, view.price, view.active, view.version) == (
        "Mug",
        "Blue",
        price,
        False,
        1,
    )


def test_an_update_that_changes_nothing_writes_nothing(uow, clock):
    catalog.create_product(uow=uow, clock=clock, sku="MUG", name="Mug", description="", price=EUR)

    view = catalog.update_product(uow=uow, clock=clock, sku="MUG", name="Mug", active=True)

    assert view.version == 0


def test_updating_an_unknown_product_is_not_found(uow, clock):
    with pytest.raises(NotFound):
        catalog.update_product(uow=uow, clock=clock, sku="MUG", name="Mug")


def test_a_price_of_nothing_is_refused(uow, clock):
    with pytest.raises(BusinessRuleViolation):
        catalog.create_product(
            uow=uow,
            clock=clock,
            sku="MUG",
            name="Mug",
            description="",
            price=MoneyPayload(amount="0", currency="EUR"),
        )

    assert uow.products.rows == {}


def test_an_adjustment_writes_a_ledger_entry_and_publishes_stock_adjusted(uow, clock):
    stocked(uow, clock, MUG=5)

    result = adjust(uow, clock, "MUG", 3)

    assert result == AdjustmentResult(
        sku="MUG", delta=3, reason="count", actor="user:ana", on_hand=8, reserved=0, available=8,
        occurred_at=clock.now(),
    )  # fmt: skip
    assert uow.published == [
        (StockAdjusted(sku="MUG", delta=3, on_hand=8, reserved=0, reason="count"), "MUG")
    ]
    assert [(m.delta, m.on_hand_after, m.actor, m.correlation_id) for m in uow.ledger[-1:]] == [
        (3, 8, "user:ana", "req-7")
    ]


def test_stock_never_drops_below_what_is_reserved_and_a_refusal_changes_nothing(uow, clock):
    stocked(uow, clock, MUG=5)
    command = ReserveStock(order_id=uuid.uuid4(), lines=(StockLine(sku="MUG", quantity=4),))
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=timedelta(minutes=15))
    ledger = list(uow.ledger)

    with pytest.raises(BusinessRuleViolation) as refused:
        adjust(uow, clock, "MUG", -2)

    assert refused.value.rule == "stock_never_below_reserved"
    assert uow.stock.rows[Sku("MUG")].on_hand == 5
    assert uow.ledger == ledger
    assert not [message for message in uow.messages() if isinstance(message, StockAdjusted)]


def test_stock_held_by_a_lapsed_reservation_can_be_written_off(uow, clock):
    stocked(uow, clock, MUG=5)
    command = ReserveStock(order_id=uuid.uuid4(), lines=(StockLine(sku="MUG", quantity=5),))
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=timedelta(minutes=15))
    clock.advance(minutes=15)

    result = adjust(uow, clock, "MUG", -5)

    assert (result.on_hand, result.reserved, result.available) == (0, 0, 0)


def test_adjusting_an_unknown_sku_is_not_found_and_a_malformed_one_invalid(uow, clock):
    with pytest.raises(NotFound):
        adjust(uow, clock, "LAMP", 1)
    with pytest.raises(InvalidValue):
        adjust(uow, clock, "not a sku", 1)
