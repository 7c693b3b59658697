"""Use cases of the catalog: listing a new product and changing one."""

from oms.contexts.inventory.application.messages import publish_events
from oms.contexts.inventory.application.ports import Clock, InventoryUnitOfWork
from oms.contexts.inventory.application.views import money, product_view
from oms.contexts.inventory.contracts.dtos import ProductView
from oms.contexts.inventory.domain import rules
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import NotFound
from oms.shared_kernel.messages import MoneyPayload


def create_product(
    *,
    uow: InventoryUnitOfWork,
    clock: Clock,
    sku: str,
    name: str,
    description: str,
    price: MoneyPayload,
    active: bool = True,
) -> ProductView:
    """The product starts with no stock: units arrive through an adjustment, with a ledger entry."""
    code = Sku(sku)
    with uow:
        now = clock.now()
        rules.sku_names_one_product(code, taken=uow.products.get(code) is not None)
        product = Product.create(sku=code, name=name, description=description, price=money(price), now=now)
        if not active:
            product.deactivate(now=now)
        stock = StockItem(code)
        uow.products.add(product)
        uow.stock.add(stock)
        publish_events(uow, [product])
        uow.commit()
    return product_view(product, stock, now)


def update_product(
    *,
    uow: InventoryUnitOfWork,
    clock: Clock,
    sku: str,
    name: str | None = None,
    description: str | None = None,
    price: MoneyPayload | None = None,
    active: bool | None = None,
) -> ProductView:
    """Changes what is given; what is left out (None) stays as it was."""
    code = Sku(sku)
    with uow:
        now = clock.now()
        product = uow.products.get(code)
        if product is None:
            raise NotFound(f"No product has SKU {code}.")
        product.update(
            now=now, name=name, description=description, price=None if price is None else money(price)
        )
        if active is not None:
            (product.activate if active else product.deactivate)(now=now)
        if product.pending_events:
            uow.products.save(product)
        publish_events(uow, [product])
        stock = uow.stock.get_many([code], now=now).get(code)
        uow.commit()
    return product_view(product, stock, now)
