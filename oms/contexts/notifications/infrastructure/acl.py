"""The anti-corruption layer: the orders' and identity's facades behind this application's ports.

The only module of the notifications context that calls another context's facade. Their DTOs become
this application's values here; "no such order" or "no such customer" is None, and any other
failure is SourceUnavailable, so the event is handled again later rather than notified half-made.
The facades are in process today; when a context leaves the monolith its adapter here becomes an
HTTP client with a timeout, and nothing else changes.
"""

import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from oms.contexts.identity import facade as identity
from oms.contexts.notifications.application.ports import Contact, OrderDetails, OrderLine, SourceUnavailable
from oms.contexts.orders import facade as orders
from oms.shared_kernel.errors import NotFound
from oms.shared_kernel.messages import MoneyPayload
from oms.shared_kernel.money import Money

logger = logging.getLogger(__name__)
T = TypeVar("T")
AS_THE_CUSTOMER = frozenset({"customer"})  # ask as the order's owner: no more than they may see


def _asking(context: str, question: Callable[[], T]) -> T | None:
    try:
        return question()
    except NotFound:
        return None
    except Exception as error:  # another context's failure is not ours to show: retry the event later
        logger.warning("the %s context could not be asked", context, exc_info=True)
        raise SourceUnavailable(f"The {context} context cannot be reached now.") from error


def _money(payload: MoneyPayload) -> Money:
    return Money(payload.amount, payload.currency)


class OrdersAdapter:
    def details(self, order_id: uuid.UUID, *, customer_id: uuid.UUID) -> OrderDetails | None:
        view = _asking(
            "orders",
            lambda: orders.get_order(order_id=order_id, caller_id=customer_id, roles=AS_THE_CUSTOMER),
        )
        if view is None:
            return None
        lines = tuple(
            OrderLine(
                sku=line.sku,
                quantity=line.quantity,
                unit_price=_money(line.unit_price),
                line_total=_money(line.line_total),
            )
            for line in view.lines
        )
        return OrderDetails(lines=lines, total=_money(view.total))


class IdentityAdapter:
    def contact(self, customer_id: uuid.UUID) -> Contact | None:
        found = _asking("identity", lambda: identity.customer_contact(customer_id=customer_id))
        return None if found is None else Contact(name=found.name, email=found.email)
