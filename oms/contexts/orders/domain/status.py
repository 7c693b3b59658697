"""The order's two status machines: where the order is in its life, and where its money is.

The tables are the single source of truth: the aggregate refuses any move they do not list, and the
tests walk them. Values are the lower-case words API.md publishes.
"""

from collections.abc import Mapping
from enum import StrEnum


class OrderStatus(StrEnum):
    PENDING = "pending"
    AWAITING_PAYMENT = "awaiting_payment"
    CONFIRMED = "confirmed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_final(self) -> bool:
        return not ORDER_TRANSITIONS[self]

    def can_become(self, other: "OrderStatus") -> bool:
        return other in ORDER_TRANSITIONS[self]


class PaymentStatus(StrEnum):
    NONE = "none"
    AUTHORIZED = "authorized"
    CAPTURED = "captured"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    VOIDED = "voided"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    def can_become(self, other: "PaymentStatus") -> bool:
        return other in PAYMENT_TRANSITIONS[self]


_O = OrderStatus
# Cancelling is open until the parcel leaves: before confirmation nothing is charged, and the saga
# compensates whatever reservation or authorization arrives afterwards.
ORDER_TRANSITIONS: Mapping[OrderStatus, frozenset[OrderStatus]] = {
    _O.PENDING: frozenset({_O.AWAITING_PAYMENT, _O.REJECTED, _O.CANCELLED}),
    _O.AWAITING_PAYMENT: frozenset({_O.CONFIRMED, _O.REJECTED, _O.CANCELLED}),
    _O.CONFIRMED: frozenset({_O.SHIPPED, _O.CANCELLED}),
    _O.SHIPPED: frozenset({_O.DELIVERED, _O.REFUNDED}),
    _O.DELIVERED: frozenset({_O.REFUNDED}),
    _O.REJECTED: frozenset(),
    _O.CANCELLED: frozenset(),
    _O.REFUNDED: frozenset(),
}

_P = PaymentStatus
PAYMENT_TRANSITIONS: Mapping[PaymentStatus, frozenset[PaymentStatus]] = {
    # NONE/FAILED -> VOIDED: an authorization that arrived after the order closed was voided at once.
    _P.NONE: frozenset({_P.AUTHORIZED, _P.FAILED, _P.VOIDED}),
    _P.FAILED: frozenset({_P.VOIDED}),
    _P.AUTHORIZED: frozenset({_P.CAPTURED, _P.VOIDED}),
    _P.CAPTURED: frozenset({_P.PARTIALLY_REFUNDED, _P.REFUNDED}),
    _P.PARTIALLY_REFUNDED: frozenset({_P.PARTIALLY_REFUNDED, _P.REFUNDED}),
    _P.REFUNDED: frozenset(),
    _P.VOIDED: frozenset(),
}

# Which payment states each order status can be seen with: the invariant tests check it always holds.
CONSISTENT_PAYMENT: Mapping[OrderStatus, frozenset[PaymentStatus]] = {
    _O.PENDING: frozenset({_P.NONE}),
    _O.AWAITING_PAYMENT: frozenset({_P.NONE}),
    _O.CONFIRMED: frozenset({_P.AUTHORIZED}),
    _O.SHIPPED: frozenset({_P.AUTHORIZED, _P.CAPTURED, _P.PARTIALLY_REFUNDED}),
    _O.DELIVERED: frozenset({_P.AUTHORIZED, _P.CAPTURED, _P.PARTIALLY_REFUNDED}),
    _O.REJECTED: frozenset({_P.NONE, _P.FAILED, _P.VOIDED}),
    _O.CANCELLED: frozenset({_P.NONE, _P.VOIDED}),
    _O.REFUNDED: frozenset({_P.REFUNDED}),
}
