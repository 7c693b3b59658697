"""Identifiers of the payments context."""

from oms.shared_kernel.ids import Identifier


class PaymentId(Identifier):
    """A payment's id; it is also the stem of every idempotency key sent to the provider."""


class OrderId(Identifier):
    """The order a payment settles: the orders context's id, kept here as a plain UUID.

    Defined locally because the shared kernel has no OrderId and payments, being upstream of
    orders, may not import it. One payment per order.
    """


class RefundId(Identifier):
    """The orders context's id of one refund: a resent RefundPayment names the refund it repeats."""
