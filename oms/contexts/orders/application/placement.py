"""PlaceOrder: check the basket, snapshot the catalog's prices, and start the saga, or refuse at once.

The catalog is asked before the transaction opens (it is another context's data, read through its
facade), so the order's transaction holds its locks only for its own inserts. Stock short at the
moment of asking refuses the order on the spot, creating nothing; stock that runs out between this
check and the reservation is the saga's business (the order is then rejected, never oversold).
"""

from collections.abc import Mapping

from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.application.basket import Basket, Problems, check_basket
from oms.contexts.orders.application.messages import publish_changes
from oms.contexts.orders.application.ports import Clock, InventoryCatalog, OrdersUnitOfWork, ProductPrice
from oms.contexts.orders.contracts.dtos import PlaceOrderRequest
from oms.contexts.orders.contracts.errors import ShortStock, StockShortAtPlacement
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import SagaPolicy
from oms.shared_kernel.ids import CustomerId


def place_order(
    request: PlaceOrderRequest,
    *,
    customer: Caller,
    uow: OrdersUnitOfWork,
    catalog: InventoryCatalog,
    clock: Clock,
    policy: SagaPolicy,
) -> Order:
    basket = check_basket(request)
    prices = catalog.prices([line.sku for line in basket.lines])
    lines = priced_lines(basket, prices, len(request.items))
    shortages = short_stock(basket, prices)
    if shortages:
        raise StockShortAtPlacement(tuple(shortages))
    with uow:
        now = clock.now()
        order = Order.place(
            order_id=OrderId.new(),
            customer_id=CustomerId(customer.user_id),
            lines=lines,
            currency=basket.currency,
            shipping_address=basket.address,
            at=now,
            actor=customer.actor,
            external_reference=request.external_reference,
            metadata=request.metadata,
            number=uow.numbers.next_number(),
        )
        saga, commands = OrderPlacementSaga.start(
            order, payment_token=request.payment_token, now=now, policy=policy
        )
        uow.orders.add(order)
        uow.sagas.add(saga)
        publish_changes(uow, order, commands, now)
        uow.commit()
    return order


def priced_lines(basket: Basket, prices: Mapping[str, ProductPrice], item_count: int) -> list[OrderLine]:
    """Each line at the catalog's price now; unknown, withdrawn or foreign-priced products are refused."""
    problems = Problems(item_count)
    lines = []
    for line in basket.lines:
        offer = _on_sale(line.sku, prices.get(line.sku), basket.currency)
        if isinstance(offer, str):
            problems.add_item(basket.item_of[line.sku], "sku", offer)
        else:
            lines.append(OrderLine(sku=line.sku, quantity=line.quantity, unit_price=offer.price))
    problems.raise_if_any()
    return lines


def _on_sale(sku: str, product: ProductPrice | None, currency: str) -> ProductPrice | str:
    """The product, or why it cannot be ordered in this currency."""
    if product is None:
        return f"No product has SKU {sku}."
    if not product.active:
        return f"{sku} is no longer sold."
    if product.price.currency != currency:
        return f"{sku} is priced in {product.price.currency}, not in {currency}."
    return product


def short_stock(basket: Basket, prices: Mapping[str, ProductPrice]) -> list[ShortStock]:
    """Stock already short as quoted; the quote carries availability, so one question suffices."""
    return [
        ShortStock(sku=line.sku, requested=line.quantity, available=prices[line.sku].available)
        for line in basket.lines
        if line.sku in prices and prices[line.sku].available < line.quantity
    ]
