"""The anti-corruption layer: the inventory's facade behind the orders application's catalog port.

The only module of the orders context that calls another context's facade. Its DTOs become the
application's values here (money as Money, shortages as the orders' own), and any failure other
than a rule of the inventory becomes CatalogUnavailable: placing is refused with a 503 and can be
retried, rather than answering 500. The facade is in process today; when the inventory leaves the
monolith this adapter becomes an HTTP client with a timeout, and nothing else changes.
"""

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

from oms.contexts.inventory import facade as inventory
from oms.contexts.orders.application.ports import ProductPrice
from oms.contexts.orders.contracts.errors import CatalogUnavailable
from oms.shared_kernel.errors import DomainError
from oms.shared_kernel.money import Money

logger = logging.getLogger(__name__)
T = TypeVar("T")


def _asking(question: Callable[[], T]) -> T:
    try:
        return question()
    except DomainError:
        raise
    except Exception as error:  # the inventory is another context: its failure is not ours to show
        logger.exception("the inventory could not be asked")
        raise CatalogUnavailable("The catalog cannot be reached now; please try again shortly.") from error


class InventoryCatalogAdapter:
    def prices(self, skus: Sequence[str]) -> dict[str, ProductPrice]:
        quotes = _asking(lambda: inventory.quote_products(skus=list(skus)))
        return {
            quote.sku: ProductPrice(
                sku=quote.sku,
                price=Money(quote.price.amount, quote.price.currency),
                active=quote.active,
                available=quote.available,
            )
            for quote in quotes
        }
