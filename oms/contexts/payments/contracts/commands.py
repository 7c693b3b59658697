"""Asynchronous commands the payments context accepts (the order-placement saga sends them)."""

import uuid
from dataclasses import dataclass

from oms.shared_kernel.messages import IntegrationCommand, MoneyPayload


@dataclass(frozen=True, kw_only=True)
class AuthorizePayment(IntegrationCommand):
    """Hold ``amount`` on the customer's payment method; answered by PaymentAuthorized or PaymentFailed."""

    message_type = "payments.AuthorizePayment.v1"
    order_id: uuid.UUID
    amount: MoneyPayload
    payment_token: str


@dataclass(frozen=True, kw_only=True)
class CapturePayment(IntegrationCommand):
    message_type = "payments.CapturePayment.v1"
    order_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class VoidPayment(IntegrationCommand):
    """Release an authorization (order cancelled, or authorized too late for a rejected order)."""

    message_type = "payments.VoidPayment.v1"
    order_id: uuid.UUID
    reason: str


@dataclass(frozen=True, kw_only=True)
class RefundPayment(IntegrationCommand):
    """Give back part or all of what was captured; ``refund_id`` makes a redelivery harmless."""

    message_type = "payments.RefundPayment.v1"
    order_id: uuid.UUID
    refund_id: uuid.UUID
    amount: MoneyPayload
    reason: str
