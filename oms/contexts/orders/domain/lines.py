"""What was bought: one line per product, priced at the moment the order was placed."""

from dataclasses import dataclass

from oms.contexts.orders.domain import rules
from oms.shared_kernel.money import Money


@dataclass(frozen=True, slots=True)
class OrderLine:
    """An entity within its order, identified there by its SKU (the basket rules allow one line each).

    ``unit_price`` is a snapshot: a later price change in the catalog never reprices a placed order.
    """

    sku: str
    quantity: int
    unit_price: Money

    def __post_init__(self) -> None:
        sku = rules.sku_must_be_given(self.sku)
        object.__setattr__(self, "sku", sku)
        rules.quantity_within_limits(sku, self.quantity)
        rules.unit_price_not_negative(sku, self.unit_price)

    @property
    def line_total(self) -> Money:
        return self.unit_price * self.quantity
