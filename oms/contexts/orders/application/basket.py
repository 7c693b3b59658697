"""The basket as sent, checked and normalised before anything is priced or stored.

Every problem is collected, keyed by field as DRF keys them (``items`` holds one entry per item
sent, ``{}`` where that item is fine), so a client can fix everything in one go. The same SKU on
several items is summed into one line (SKUs compare upper-cased, as the catalog stores them):
a basket that lists a mug twice means two mugs, and the order keeps one line per product.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from oms.contexts.orders.contracts.dtos import AddressData, ItemRequest, PlaceOrderRequest
from oms.contexts.orders.contracts.errors import InvalidOrderRequest
from oms.contexts.orders.domain import rules
from oms.contexts.orders.domain.address import Address, InvalidAddress
from oms.contexts.orders.domain.saga_commands import StockLine
from oms.shared_kernel.errors import BusinessRuleViolation, DomainError
from oms.shared_kernel.money import Money

MAX_TOKEN_LENGTH = 255
MAX_REFERENCE_LENGTH = 100
MAX_METADATA_KEYS, MAX_METADATA_KEY_LENGTH, MAX_METADATA_VALUE_LENGTH = 20, 40, 500


@dataclass(frozen=True, slots=True)
class Basket:
    lines: tuple[StockLine, ...]
    item_of: Mapping[str, int]  # the index of the item each SKU first appeared on, for errors
    address: Address
    currency: str


@dataclass
class Problems:
    item_count: int
    fields: dict[str, Any] = field(default_factory=dict)
    items: list[dict[str, list[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items = [{} for _ in range(self.item_count)]

    def add(self, name: str, message: str | dict[str, list[str]]) -> None:
        self.fields[name] = message if isinstance(message, dict) else [message]

    def add_item(self, index: int, name: str, message: str) -> None:
        self.items[index].setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        errors = dict(self.fields)
        if any(self.items) and "items" not in errors:
            errors["items"] = self.items
        if errors:
            raise InvalidOrderRequest(errors)


def check_basket(request: PlaceOrderRequest) -> Basket:
    problems = Problems(len(request.items))
    currency = _currency(request.currency, problems)
    lines, item_of = _lines(request, problems)
    address = _address(request.shipping_address, problems)
    _check_extras(request, problems)
    problems.raise_if_any()
    assert address is not None  # raise_if_any() has reported it otherwise
    return Basket(lines=lines, item_of=item_of, address=address, currency=currency)


def _currency(raw: str, problems: Problems) -> str:
    currency = raw.strip().upper()
    try:
        Money.zero(currency)
    except DomainError:
        problems.add("currency", f"{raw!r} is not an ISO 4217 currency code (such as 'EUR').")
    return currency


def _lines(request: PlaceOrderRequest, problems: Problems) -> tuple[tuple[StockLine, ...], dict[str, int]]:
    if not 1 <= len(request.items) <= rules.MAX_LINES:
        problems.add("items", f"An order must have from 1 to {rules.MAX_LINES} items.")
        return (), {}
    quantities: dict[str, int] = {}
    item_of: dict[str, int] = {}
    for index, item in enumerate(request.items):
        sku = _item(index, item, problems)
        if sku is None:
            continue
        item_of.setdefault(sku, index)
        quantities[sku] = quantities.get(sku, 0) + item.quantity
        if quantities[sku] > rules.MAX_QUANTITY:
            message = f"{sku} adds up to {quantities[sku]} over several items; at most {rules.MAX_QUANTITY}."
            problems.add_item(index, "quantity", message)
    return tuple(StockLine(sku, quantity) for sku, quantity in quantities.items()), item_of


def _item(index: int, item: ItemRequest, problems: Problems) -> str | None:
    """The item's SKU as the catalog spells it, or None once its problem is noted."""
    try:
        sku = rules.sku_must_be_given(item.sku)
    except BusinessRuleViolation as error:
        problems.add_item(index, "sku", error.message)
        return None
    try:
        rules.quantity_within_limits(sku, item.quantity)
    except BusinessRuleViolation as error:
        problems.add_item(index, "quantity", error.message)
        return None
    return sku


def _address(data: AddressData, problems: Problems) -> Address | None:
    try:
        return Address(
            name=data.name,
            line1=data.line1,
            line2=data.line2,
            city=data.city,
            region=data.region,
            postal_code=data.postal_code,
            country=data.country,
        )
    except InvalidAddress as error:
        problems.add("shipping_address", {error.field: [str(error)]})
        return None


def _check_extras(request: PlaceOrderRequest, problems: Problems) -> None:
    if not request.payment_token.strip() or len(request.payment_token) > MAX_TOKEN_LENGTH:
        problems.add("payment", {"token": [f"A payment token of 1 to {MAX_TOKEN_LENGTH} characters."]})
    if request.external_reference is not None and len(request.external_reference) > MAX_REFERENCE_LENGTH:
        problems.add("external_reference", f"At most {MAX_REFERENCE_LENGTH} characters.")
    metadata = request.metadata
    if len(metadata) > MAX_METADATA_KEYS or not all(_fits(key, value) for key, value in metadata.items()):
        problems.add(
            "metadata",
            f"At most {MAX_METADATA_KEYS} keys of 1 to {MAX_METADATA_KEY_LENGTH} characters, "
            f"each with a text value of at most {MAX_METADATA_VALUE_LENGTH} characters.",
        )


def _fits(key: object, value: object) -> bool:
    return (
        isinstance(key, str)
        and 1 <= len(key) <= MAX_METADATA_KEY_LENGTH
        and isinstance(value, str)
        and len(value) <= MAX_METADATA_VALUE_LENGTH
    )
