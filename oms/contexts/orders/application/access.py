"""Who may see an order and act on it. Deny by default.

A customer sees only their own orders; staff (support, warehouse, admin) see every order, because
support answers questions about any of them and the warehouse ships them. An order the caller may
not see is reported as not found, so its existence is not revealed.
"""

import uuid
from dataclasses import dataclass

from oms.contexts.orders.contracts.errors import ActionNotPermitted
from oms.contexts.orders.domain.actions import granted
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.shared_kernel.errors import NotFound

CUSTOMER = "customer"
STAFF = frozenset({"support", "warehouse", "admin"})
_ACTOR_PRECEDENCE = ("admin", "support", "warehouse", "customer")


@dataclass(frozen=True, slots=True)
class Caller:
    user_id: uuid.UUID
    roles: frozenset[str]

    @property
    def is_staff(self) -> bool:
        return bool(self.roles & STAFF)

    @property
    def actor(self) -> str:
        """How the timeline names them: their strongest role and their id (``support:<uuid>``)."""
        role = next((name for name in _ACTOR_PRECEDENCE if name in self.roles), "user")
        return f"{role}:{self.user_id}"

    def owns(self, order: Order) -> bool:
        return CUSTOMER in self.roles and order.customer_id.value == self.user_id


def can_see(caller: Caller, order: Order) -> bool:
    return caller.is_staff or caller.owns(order)


def visible_or_not_found(caller: Caller, order: Order | None, order_id: OrderId) -> Order:
    if order is None or not can_see(caller, order):
        raise NotFound(f"No order {order_id} was found.")
    return order


def require(caller: Caller, action: str, order: Order) -> None:
    if not granted(action, roles=caller.roles, is_owner=caller.owns(order)):
        raise ActionNotPermitted(f"Your roles do not allow you to {action} this order.")


def actions_for(caller: Caller, order: Order) -> tuple[str, ...]:
    return tuple(order.available_actions(caller.roles, caller.owns(order)))
