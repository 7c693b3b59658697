"""The inventory context's synchronous public surface: keyword-only functions over contracts types.

Other contexts call these only from their infrastructure/acl.py; the inventory's API calls them too.
Nothing here holds logic: each function delegates to the application layer with the Django adapters
and returns DTOs from `contracts.dtos`. Errors are the shared kernel's: NotFound for an unknown SKU,
InvalidValue for malformed input, BusinessRuleViolation for a refused change.
"""

import uuid

from oms.contexts.inventory.application import catalog, queries, stock
from oms.contexts.inventory.application.ports import ProductOrdering
from oms.contexts.inventory.contracts.commands import StockLine
from oms.contexts.inventory.contracts.dtos import (
    AdjustmentResult,
    ImageLimits,
    ImageUpload,
    ProductImageView,
    ProductPage,
    ProductQuote,
    ProductView,
    StockLevelView,
)
from oms.contexts.inventory.contracts.events import Shortage
from oms.contexts.inventory.infrastructure import image_records, images
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork
from oms.shared_kernel.messages import MoneyPayload

_CLOCK = SystemClock()


def quote_products(*, skus: list[str]) -> list[ProductQuote]:
    """Current price and availability, in the order asked; SKUs that name no product are left out."""
    return queries.quote_products(skus, uow=DjangoInventoryUnitOfWork(), clock=_CLOCK)


def find_shortages(*, lines: list[StockLine]) -> list[Shortage]:
    """What reserving these lines would find short right now (empty: all available)."""
    return queries.find_shortages(lines, uow=DjangoInventoryUnitOfWork(), clock=_CLOCK)


def get_product(*, sku: str) -> ProductView:
    return queries.get_product(sku, uow=DjangoInventoryUnitOfWork(), clock=_CLOCK)


def list_products(
    *,
    skus: list[str] | None = None,
    search: str | None = None,
    active: bool | None = None,
    ordering: ProductOrdering = "sku",
    offset: int = 0,
    limit: int = 20,
) -> ProductPage:
    """One page of the catalog, with how many products match in all."""
    return queries.list_products(
        uow=DjangoInventoryUnitOfWork(),
        clock=_CLOCK,
        skus=skus,
        search=search,
        active=active,
        ordering=ordering,
        offset=offset,
        limit=limit,
    )


def create_product(
    *, sku: str, name: str, description: str = "", price: MoneyPayload, active: bool = True
) -> ProductView:
    return catalog.create_product(
        uow=DjangoInventoryUnitOfWork(),
        clock=_CLOCK,
        sku=sku,
        name=name,
        description=description,
        price=price,
        active=active,
    )


def update_product(
    *,
    sku: str,
    name: str | None = None,
    description: str | None = None,
    price: MoneyPayload | None = None,
    active: bool | None = None,
) -> ProductView:
    """Changes what is given; None leaves a field as it was."""
    return catalog.update_product(
        uow=DjangoInventoryUnitOfWork(),
        clock=_CLOCK,
        sku=sku,
        name=name,
        description=description,
        price=price,
        active=active,
    )


def stock_level(*, sku: str) -> StockLevelView:
    return queries.stock_level(sku, uow=DjangoInventoryUnitOfWork(), clock=_CLOCK)


def adjust_stock(*, sku: str, delta: int, reason: str, actor: str, correlation_id: str) -> AdjustmentResult:
    """Refused with BusinessRuleViolation, changing nothing, when stock would drop below what is reserved."""
    return stock.adjust_stock(
        uow=DjangoInventoryUnitOfWork(),
        clock=_CLOCK,
        sku=sku,
        delta=delta,
        reason=reason,
        actor=actor,
        correlation_id=correlation_id,
    )


def image_limits() -> ImageLimits:
    """What an uploaded image may be: its types, bytes and pixels, and the thumbnail sizes made."""
    return image_records.limits()


def add_product_image(*, sku: str, upload: ImageUpload) -> ProductImageView:
    """InvalidValue unless a JPEG, PNG or WebP within the limits; thumbnails follow after the commit."""
    return images.add_image(sku=sku, upload=upload)


def remove_product_image(*, sku: str, image_id: uuid.UUID) -> None:
    images.remove_image(sku=sku, image_id=image_id)


def product_images(*, skus: list[str]) -> dict[str, tuple[ProductImageView, ...]]:
    """The images of each SKU asked for, oldest first; a SKU without images maps to ()."""
    return images.images_of(skus)
