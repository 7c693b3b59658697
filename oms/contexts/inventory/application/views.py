"""The inventory's aggregates as the published language shows them (contracts.dtos)."""

from datetime import datetime

from oms.contexts.inventory.contracts.dtos import ProductQuote, ProductView, StockLevelView
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.messages import MoneyPayload
from oms.shared_kernel.money import Money


def money(payload: MoneyPayload) -> Money:
    return Money(payload.amount, payload.currency)


def money_payload(amount: Money) -> MoneyPayload:
    return MoneyPayload(amount=str(amount.amount), currency=amount.currency)


def sku_or_none(raw: str) -> Sku | None:
    """A code that is not a SKU names no product: queries treat it as unknown, not as bad input."""
    try:
        return Sku(raw)
    except InvalidValue:
        return None


def available(item: StockItem | None, now: datetime) -> int:
    """A product never stocked has nothing available."""
    return 0 if item is None else item.available(now)


def product_view(product: Product, item: StockItem | None, now: datetime) -> ProductView:
    return ProductView(
        sku=str(product.sku),
        name=product.name,
        description=product.description,
        price=money_payload(product.price),
        active=product.active,
        available=available(item, now),
        version=product.version,
    )


def product_quote(product: Product, item: StockItem | None, now: datetime) -> ProductQuote:
    return ProductQuote(
        sku=str(product.sku),
        name=product.name,
        price=money_payload(product.price),
        active=product.active,
        available=available(item, now),
    )


def stock_level_view(item: StockItem, now: datetime) -> StockLevelView:
    return StockLevelView(
        sku=str(item.sku),
        on_hand=item.on_hand,
        reserved=item.reserved(now),
        available=item.available(now),
    )
