from datetime import UTC, datetime

import pytest

from oms.contexts.inventory.domain.events import (
    ProductActivated,
    ProductCreated,
    ProductDeactivated,
    ProductUpdated,
)
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue
from oms.shared_kernel.money import Money

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
SKU = Sku("MUG-01")


def a_mug() -> Product:
    product = Product.create(
        sku=SKU, name=" Mug ", description="Stoneware", price=Money("9.90", "EUR"), now=NOW
    )
    product.pull_events()
    return product


def test_creating_a_product_records_product_created_with_its_trimmed_name() -> None:
    product = Product.create(sku=SKU, name=" Mug ", description="", price=Money("9.90", "EUR"), now=NOW)

    assert product.active
    assert product.pull_events() == [
        ProductCreated(sku=SKU, name="Mug", description="", price=Money("9.90", "EUR"), occurred_at=NOW)
    ]


@pytest.mark.parametrize("price", [Money(0, "EUR"), Money("-1.00", "EUR")])
def test_a_product_cannot_be_priced_at_zero_or_less(price: Money) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        Product.create(sku=SKU, name="Mug", description="", price=price, now=NOW)
    assert refused.value.rule == "price_must_be_positive"


def test_repricing_a_product_below_zero_is_refused_and_keeps_the_old_price() -> None:
    product = a_mug()

    with pytest.raises(BusinessRuleViolation):
        product.update(price=Money("-5", "EUR"), now=NOW)
    assert product.price == Money("9.90", "EUR")


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_product_needs_a_name_of_at_most_200_characters(name: str) -> None:
    with pytest.raises(InvalidValue):
        Product.create(sku=SKU, name=name, description="", price=Money(1, "EUR"), now=NOW)


def test_a_description_longer_than_5000_characters_is_refused() -> None:
    with pytest.raises(InvalidValue):
        a_mug().update(description="x" * 5001, now=NOW)


def test_updating_a_product_records_its_whole_new_state() -> None:
    product = a_mug()

    product.update(price=Money("12.00", "EUR"), now=NOW)

    assert product.pull_events() == [
        ProductUpdated(
            sku=SKU, name="Mug", description="Stoneware", price=Money("12.00", "EUR"), occurred_at=NOW
        )
    ]


def test_an_update_that_changes_nothing_records_nothing() -> None:
    product = a_mug()

    product.update(name="Mug", description="Stoneware", price=Money("9.90", "EUR"), now=NOW)

    assert product.pull_events() == []


def test_deactivating_twice_records_one_event_and_reactivating_records_another() -> None:
    product = a_mug()

    product.deactivate(now=NOW)
    product.deactivate(now=NOW)
    product.activate(now=NOW)
    product.activate(now=NOW)

    assert product.pull_events() == [
        ProductDeactivated(sku=SKU, occurred_at=NOW),
        ProductActivated(sku=SKU, occurred_at=NOW),
    ]
    assert product.active
