"""The inventory facade on PostgreSQL, as the orders context and the API will call it."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory import facade
from oms.contexts.inventory.contracts.commands import StockLine
from oms.contexts.inventory.contracts.dtos import ProductQuote, ProductView, StockLevelView
from oms.contexts.inventory.contracts.events import Shortage
from oms.shared_kernel.errors import BusinessRuleViolation, NotFound
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.inventory.integration.conftest import outbox, reserve_in_the_past

pytestmark = pytest.mark.django_db
PRICE = MoneyPayload(amount="9.90", currency="EUR")


def test_a_listed_product_is_found_quoted_and_changed(shelves):
    created = facade.create_product(sku="pen-1", name="Pen", description="Black ink", price=PRICE)
    changed = facade.update_product(
        sku="PEN-1", price=MoneyPayload(amount="2.5", currency="EUR"), active=False
    )

    assert created == ProductView(
        sku="PEN-1", name="Pen", description="Black ink", price=PRICE, active=True, available=0, version=0
    )
    assert changed.price == MoneyPayload(amount="2.50", currency="EUR")
    assert facade.get_product(sku="pen-1") == changed
    assert facade.quote_products(skus=["PEN-1", "LAMP", "MUG"]) == [
        ProductQuote(sku="PEN-1", name="Pen", price=changed.price, active=False, available=0),
        ProductQuote(sku="MUG", name="A mug", price=PRICE, active=True, available=5),
    ]


def test_the_catalog_lists_filters_and_pages(shelves):
    facade.create_product(sku="BOWL", name="Blue bowl", price=PRICE, active=False)

    everything = facade.list_products()
    on_sale = facade.list_products(active=True, ordering="-sku", limit=1)
    blue = facade.list_products(search="blue")

    assert [p.sku for p in everything.results] == ["BOWL", "CUP", "MUG"]
    assert (on_sale.count, [p.sku for p in on_sale.results]) == (2, ["MUG"])
    assert [p.sku for p in blue.results] == ["BOWL"]


def test_an_unknown_product_is_not_found(shelves):
    with pytest.raises(NotFound):
        facade.get_product(sku="LAMP")
    with pytest.raises(NotFound):
        facade.stock_level(sku="LAMP")


def test_an_adjustment_is_refused_below_what_is_reserved_and_changes_nothing(shelves):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=4)
    before = len(outbox())

    with pytest.raises(BusinessRuleViolation):
        facade.adjust_stock(sku="MUG", delta=-2, reason="damaged", actor="user:wh", correlation_id="c-9")

    assert facade.stock_level(sku="MUG") == StockLevelView(sku="MUG", on_hand=5, reserved=4, available=1)
    assert len(outbox()) == before


def test_an_adjustment_publishes_stock_adjusted_under_its_sku(shelves):
    result = facade.adjust_stock(sku="CUP", delta=-1, reason="damaged", actor="user:wh", correlation_id="c-9")

    assert (result.on_hand, result.available, result.reason) == (1, 1, "damaged")
    assert outbox() == [
        (
            "inventory.StockAdjusted.v1",
            "CUP",
            {"sku": "CUP", "delta": -1, "on_hand": 1, "reserved": 0, "reason": "damaged"},
        )
    ]


def test_a_lapsed_hold_is_available_again_at_once_though_no_sweep_ran(shelves):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=16), MUG=5)
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), CUP=2)

    assert facade.stock_level(sku="MUG") == StockLevelView(sku="MUG", on_hand=5, reserved=0, available=5)
    assert [q.available for q in facade.quote_products(skus=["MUG", "CUP"])] == [5, 0]
    assert facade.find_shortages(lines=[StockLine(sku="MUG", quantity=5)]) == []


def test_shortages_at_submit_time_name_each_short_sku(shelves):
    lines = [
        StockLine(sku="MUG", quantity=6),
        StockLine(sku="CUP", quantity=2),
        StockLine(sku="LAMP", quantity=1),
    ]

    assert facade.find_shortages(lines=lines) == [
        Shortage(sku="LAMP", requested=1, available=0),
        Shortage(sku="MUG", requested=6, available=5),
    ]
