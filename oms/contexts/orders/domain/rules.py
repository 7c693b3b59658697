"""The orders context's business rules, each named after the invariant it protects.

Each raises BusinessRuleViolation with a sentence a support agent could read; ``rule`` carries the
function's name so clients and logs tell violations apart without parsing prose.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.money import Money

if TYPE_CHECKING:
    from oms.contexts.orders.domain.lines import OrderLine

MAX_LINES = 100
MAX_QUANTITY = 999
MAX_SKU_LENGTH = 64


def _violation(message: str, rule: str) -> BusinessRuleViolation:
    return BusinessRuleViolation(message, rule=rule)


def sku_must_be_given(sku: object) -> str:
    """Upper-cased like the catalog's SKUs, so "ab-1" and "AB-1" are one product, not two."""
    text = sku.strip().upper() if isinstance(sku, str) else ""
    if not text or len(text) > MAX_SKU_LENGTH:
        raise _violation(
            f"Every line needs a product SKU of 1 to {MAX_SKU_LENGTH} characters.", "sku_must_be_given"
        )
    return text


def quantity_within_limits(sku: str, quantity: object) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise _violation(
            f"The quantity of {sku} must be a whole number from 1 to {MAX_QUANTITY}, not {quantity!r}.",
            "quantity_within_limits",
        )


def unit_price_not_negative(sku: str, unit_price: object) -> None:
    if not isinstance(unit_price, Money) or unit_price.is_negative:
        raise _violation(f"The price of {sku} must be an amount of zero or more.", "unit_price_not_negative")


def basket_size_within_limits(line_count: int) -> None:
    if not 1 <= line_count <= MAX_LINES:
        raise _violation(
            f"An order must have from 1 to {MAX_LINES} lines; this one has {line_count}.",
            "basket_size_within_limits",
        )


def one_currency_per_order(lines: Sequence["OrderLine"], currency: str) -> None:
    """Totals are plain sums: there is no exchange rate inside an order."""
    for line in lines:
        if line.unit_price.currency != currency:
            raise _violation(
                f"{line.sku} is priced in {line.unit_price.currency} but the order is in {currency}.",
                "one_currency_per_order",
            )


def one_line_per_sku(lines: Sequence["OrderLine"]) -> None:
    """Stock is reserved per SKU, so a product split over two lines would be reserved twice."""
    seen: set[str] = set()
    for line in lines:
        if line.sku in seen:
            raise _violation(
                f"{line.sku} appears on more than one line; combine them into one quantity.",
                "one_line_per_sku",
            )
        seen.add(line.sku)


def shipment_is_traceable(carrier: str, tracking_number: str) -> None:
    if not carrier.strip() or not tracking_number.strip():
        raise _violation("A shipment needs both a carrier and a tracking number.", "shipment_is_traceable")


def refund_is_positive(amount: Money, currency: str) -> None:
    if amount.currency != currency or not amount.is_positive:
        raise _violation(
            f"A refund must be a positive amount in the order's currency ({currency}), not {amount}.",
            "refund_is_positive",
        )


def refund_never_above_captured(amount: Money, refundable: Money) -> None:
    if amount > refundable:
        raise _violation(
            f"Only {refundable} of this order's payment can still be refunded; {amount} is too much.",
            "refund_never_above_captured",
        )
