"""Questions other contexts and the API ask: prices, availability, stock levels, the catalog.

Availability is computed at the moment of asking: a hold past its deadline counts for nothing at
once, whether or not the sweeper has run.
"""

from collections.abc import Iterable

from oms.contexts.inventory.application.ports import Clock, InventoryUnitOfWork, ProductOrdering, ProductQuery
from oms.contexts.inventory.application.views import (
    product_quote,
    product_view,
    sku_or_none,
    stock_level_view,
)
from oms.contexts.inventory.contracts.commands import StockLine
from oms.contexts.inventory.contracts.dtos import ProductPage, ProductQuote, ProductView, StockLevelView
from oms.contexts.inventory.contracts.events import Shortage
from oms.contexts.inventory.domain import reserving
from oms.contexts.inventory.domain.lines import ReservationLine
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import NotFound


def quote_products(skus: Iterable[str], *, uow: InventoryUnitOfWork, clock: Clock) -> list[ProductQuote]:
    """In the order asked, once each; a SKU that names no product is left out."""
    codes = list(dict.fromkeys(code for code in map(sku_or_none, skus) if code is not None))
    with uow:
        now = clock.now()
        products = uow.products.get_many(codes)
        stock = uow.stock.get_many(codes, now=now)
    return [product_quote(products[code], stock.get(code), now) for code in codes if code in products]


def find_shortages(lines: Iterable[StockLine], *, uow: InventoryUnitOfWork, clock: Clock) -> list[Shortage]:
    """What ReserveStock would find short now; unknown, malformed or withdrawn SKUs have none available."""
    wanted = [(sku_or_none(line.sku), line) for line in lines]
    unknown = [
        Shortage(sku=line.sku, requested=line.quantity, available=0) for sku, line in wanted if sku is None
    ]
    known = [ReservationLine(sku, line.quantity) for sku, line in wanted if sku is not None]
    with uow:
        now = clock.now()
        products = uow.products.get_many(line.sku for line in known)
        stock = uow.stock.get_many(products, now=now)
    on_sale = {sku: item for sku, item in stock.items() if products[sku].active}
    short = reserving.find_shortages(known, on_sale, now=now)
    return unknown + [Shortage(sku=str(s.sku), requested=s.requested, available=s.available) for s in short]


def stock_level(sku: str, *, uow: InventoryUnitOfWork, clock: Clock) -> StockLevelView:
    code = _known(sku)
    with uow:
        now = clock.now()
        item = uow.stock.get_many([code], now=now).get(code)
    if item is None:
        raise NotFound(f"No product has SKU {sku}.")
    return stock_level_view(item, now)


def get_product(sku: str, *, uow: InventoryUnitOfWork, clock: Clock) -> ProductView:
    code = _known(sku)
    with uow:
        now = clock.now()
        product = uow.products.get(code)
        stock = uow.stock.get_many([code], now=now)
    if product is None:
        raise NotFound(f"No product has SKU {sku}.")
    return product_view(product, stock.get(code), now)


def list_products(
    *,
    uow: InventoryUnitOfWork,
    clock: Clock,
    skus: Iterable[str] | None = None,
    search: str | None = None,
    active: bool | None = None,
    ordering: ProductOrdering = "sku",
    offset: int = 0,
    limit: int = 20,
) -> ProductPage:
    codes = None if skus is None else tuple(code for code in map(sku_or_none, skus) if code is not None)
    query = ProductQuery(
        skus=codes, search=search, active=active, ordering=ordering, offset=offset, limit=limit
    )
    with uow:
        now = clock.now()
        products, count = uow.products.search(query)
        stock = uow.stock.get_many([product.sku for product in products], now=now)
    return ProductPage(count=count, results=tuple(product_view(p, stock.get(p.sku), now) for p in products))


def _known(sku: str) -> Sku:
    code = sku_or_none(sku)
    if code is None:
        raise NotFound(f"No product has SKU {sku}.")
    return code
