"""Who may do what to an order now: the buttons a client shows, computed from state and roles.

Deny by default: an action appears only when the order's state allows it AND one of the caller's
roles grants it. The API still enforces both on the request itself; this list is advice to clients.
"""

from collections.abc import Callable

from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus

CANCELLABLE = frozenset({OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED})
SHIPPED_OR_DELIVERED = frozenset({OrderStatus.SHIPPED, OrderStatus.DELIVERED})
REFUNDABLE_PAYMENT = frozenset({PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED})

_Grant = Callable[[frozenset[str], bool], bool]


def _owner_or(*roles: str) -> _Grant:
    return lambda held, is_owner: bool(held & {"admin", *roles}) or (is_owner and "customer" in held)


def _any_of(*roles: str) -> _Grant:
    return lambda held, _is_owner: bool(held & {"admin", *roles})


_GRANTS: dict[str, _Grant] = {
    "cancel": _owner_or("support"),
    "ship": _any_of("warehouse"),
    "deliver": _any_of("warehouse"),
    "refund": _any_of("support"),
}


def _state_allows(action: str, status: OrderStatus, payment_status: PaymentStatus) -> bool:
    if action == "cancel":
        return status in CANCELLABLE
    if action == "ship":
        return status is OrderStatus.CONFIRMED
    if action == "deliver":
        return status is OrderStatus.SHIPPED
    return status in SHIPPED_OR_DELIVERED and payment_status in REFUNDABLE_PAYMENT


def granted(action: str, *, roles: frozenset[str], is_owner: bool) -> bool:
    """Whether the caller's roles allow ``action`` on such an order at all, whatever its state."""
    grant = _GRANTS.get(action)
    return grant is not None and grant(roles, is_owner)


def available_actions(
    status: OrderStatus, payment_status: PaymentStatus, *, roles: frozenset[str], is_owner: bool
) -> list[str]:
    """In a stable order (cancel, ship, deliver, refund), so clients can render them as they come."""
    return [
        action
        for action, granted in _GRANTS.items()
        if granted(roles, is_owner) and _state_allows(action, status, payment_status)
    ]
