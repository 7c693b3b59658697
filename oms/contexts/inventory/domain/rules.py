"""The inventory's business rules, each named after the invariant it protects.

Each raises BusinessRuleViolation with a sentence a support agent could read; ``rule`` carries the
function's name so clients and logs tell violations apart without parsing prose.
"""

from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.money import Money


def price_must_be_positive(price: Money) -> None:
    if not price.is_positive:
        raise BusinessRuleViolation(
            f"A product must cost more than nothing; {price} is not a price.",
            rule="price_must_be_positive",
        )


def stock_never_below_reserved(sku: Sku, *, on_hand_after: int, reserved: int) -> None:
    """Covers "never below zero" too: reserved is never negative."""
    if on_hand_after < reserved:
        raise BusinessRuleViolation(
            f"Stock of {sku} cannot drop to {on_hand_after}: {reserved} units are reserved for orders.",
            rule="stock_never_below_reserved",
        )


def reserved_never_above_on_hand(sku: Sku, *, requested: int, available: int) -> None:
    if requested > available:
        raise BusinessRuleViolation(
            f"Only {available} units of {sku} are available; {requested} cannot be reserved.",
            rule="reserved_never_above_on_hand",
        )


def reservation_needs_lines(line_count: int) -> None:
    if line_count == 0:
        raise BusinessRuleViolation(
            "A reservation must hold at least one product.", rule="reservation_needs_lines"
        )


def order_holds_a_sku_once(sku: Sku, *, already_held: bool) -> None:
    """An order's lines are summed per SKU before they are held, so a second hold is a double booking."""
    if already_held:
        raise BusinessRuleViolation(
            f"This order already holds stock of {sku}; it cannot be reserved twice.",
            rule="order_holds_a_sku_once",
        )


def ships_only_live_holds(sku: Sku, *, held: bool) -> None:
    """Stock leaves only against a reservation that still holds it; a lapsed one may have been resold."""
    if not held:
        raise BusinessRuleViolation(
            f"No stock of {sku} is held for this order, so none can be shipped for it.",
            rule="ships_only_live_holds",
        )


def sku_names_one_product(sku: Sku, *, taken: bool) -> None:
    """A SKU is the product's identity on shelves, in orders and in the ledger: it cannot be reused."""
    if taken:
        raise BusinessRuleViolation(f"A product with SKU {sku} already exists.", rule="sku_names_one_product")
