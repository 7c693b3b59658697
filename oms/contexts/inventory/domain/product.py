"""The catalog entry: what a SKU is called, what it costs, and whether it can still be ordered."""

from datetime import datetime
from typing import Self

from oms.contexts.inventory.domain.events import (
    ProductActivated,
    ProductCreated,
    ProductDeactivated,
    ProductUpdated,
)
from oms.contexts.inventory.domain.rules import price_must_be_positive
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.validation import require_text
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money

NAME_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 5000


def _name(value: object) -> str:
    return require_text(value, what="A product's name", max_length=NAME_MAX_LENGTH)


def _description(value: object) -> str:
    """May be empty: a new product is often listed before anyone writes its copy."""
    if not isinstance(value, str):
        raise InvalidValue(f"A product's description is text, not {type(value).__name__}.")
    if len(value.strip()) > DESCRIPTION_MAX_LENGTH:
        raise InvalidValue(f"A product's description is longer than {DESCRIPTION_MAX_LENGTH} characters.")
    return value.strip()


def _price(value: Money) -> Money:
    price_must_be_positive(value)
    return value


class Product(AggregateRoot[Sku]):
    """Identified by its SKU. Stock levels live in StockItem: a restock must not contend with a rename."""

    def __init__(
        self, sku: Sku, *, name: str, description: str, price: Money, active: bool = True, version: int = 0
    ) -> None:
        super().__init__(sku, version=version)
        self.name = _name(name)
        self.description = _description(description)
        self.price = _price(price)
        self.active = active

    @property
    def sku(self) -> Sku:
        return self.id

    @classmethod
    def create(cls, *, sku: Sku, name: str, description: str, price: Money, now: datetime) -> Self:
        product = cls(sku, name=name, description=description, price=price)
        product.record(
            ProductCreated(
                sku=sku, name=product.name, description=product.description, price=price, occurred_at=now
            )
        )
        return product

    def update(
        self,
        *,
        now: datetime,
        name: str | None = None,
        description: str | None = None,
        price: Money | None = None,
    ) -> None:
        """Change what was given; an update that changes nothing records nothing."""
        new_name = self.name if name is None else _name(name)
        new_description = self.description if description is None else _description(description)
        new_price = self.price if price is None else _price(price)
        if (new_name, new_description, new_price) == (self.name, self.description, self.price):
            return
        self.name, self.description, self.price = new_name, new_description, new_price
        self.record(
            ProductUpdated(
                sku=self.sku, name=new_name, description=new_description, price=new_price, occurred_at=now
            )
        )

    def deactivate(self, *, now: datetime) -> None:
        """Withdrawn from sale: no new orders. Stock already reserved for orders is still shipped."""
        if self.active:
            self.active = False
            self.record(ProductDeactivated(sku=self.sku, occurred_at=now))

    def activate(self, *, now: datetime) -> None:
        if not self.active:
            self.active = True
            self.record(ProductActivated(sku=self.sku, occurred_at=now))
