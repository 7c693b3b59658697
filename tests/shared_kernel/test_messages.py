from dataclasses import FrozenInstanceError, dataclass
from typing import ClassVar

import pytest

from oms.shared_kernel.messages import IntegrationCommand, IntegrationEvent, MoneyPayload, parse_type_name


@dataclass(frozen=True, kw_only=True)
class OrderPlaced(IntegrationEvent):
    message_type: ClassVar[str] = "orders.OrderPlaced.v1"
    order_id: str
    total: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class ReserveStock(IntegrationCommand):
    message_type: ClassVar[str] = "inventory.ReserveStock.v12"
    sku: str


@pytest.mark.parametrize(
    ("type_name", "parts"),
    [
        ("orders.OrderPlaced.v1", ("orders", "OrderPlaced", 1)),
        ("inventory.ReserveStock.v12", ("inventory", "ReserveStock", 12)),
        ("order_history.V2Imported.v3", ("order_history", "V2Imported", 3)),
    ],
)
def test_a_type_name_splits_into_context_name_and_version(
    type_name: str, parts: tuple[str, str, int]
) -> None:
    assert parse_type_name(type_name) == parts


@pytest.mark.parametrize(
    "type_name",
    [
        "orders.order_placed",
        "Orders.X.v1",
        "orders.X.v0",
        "orders.X.v01",
        "orders.OrderPlaced",
        "orders.OrderPlaced.1",
        "oms.contexts.orders.OrderPlaced.v1",
        "orders.OrderPlaced.v1\n",
        " orders.OrderPlaced.v1",
        "",
    ],
)
def test_a_message_with_a_malformed_type_name_cannot_even_be_defined(type_name: str) -> None:
    with pytest.raises(ValueError, match="not a message type name"):

        class Malformed(IntegrationEvent):
            message_type: ClassVar[str] = type_name


def test_a_message_knows_its_context_and_version() -> None:
    assert (OrderPlaced.context(), OrderPlaced.version()) == ("orders", 1)
    assert (ReserveStock.context(), ReserveStock.version()) == ("inventory", 12)


def test_a_message_is_built_by_keyword_and_cannot_change() -> None:
    message = ReserveStock(sku="SKU-1")
    with pytest.raises(FrozenInstanceError):
        message.sku = "SKU-2"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ReserveStock("SKU-1")  # type: ignore[call-arg]


def test_money_travels_as_a_decimal_string_and_a_currency() -> None:
    payload = MoneyPayload(amount="12.50", currency="EUR")
    assert OrderPlaced(order_id="o-1", total=payload).total == MoneyPayload(amount="12.50", currency="EUR")
