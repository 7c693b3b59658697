"""Facts the payments context publishes."""

import uuid
from dataclasses import dataclass

from oms.shared_kernel.messages import IntegrationEvent, MoneyPayload


@dataclass(frozen=True, kw_only=True)
class PaymentAuthorized(IntegrationEvent):
    message_type = "payments.PaymentAuthorized.v1"
    order_id: uuid.UUID
    payment_id: uuid.UUID
    amount: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class PaymentFailed(IntegrationEvent):
    """``kind`` is ``declined`` (the customer's problem) or ``gateway_unavailable`` (ours)."""

    message_type = "payments.PaymentFailed.v1"
    order_id: uuid.UUID
    payment_id: uuid.UUID
    kind: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class PaymentCaptured(IntegrationEvent):
    message_type = "payments.PaymentCaptured.v1"
    order_id: uuid.UUID
    payment_id: uuid.UUID
    amount: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class PaymentVoided(IntegrationEvent):
    message_type = "payments.PaymentVoided.v1"
    order_id: uuid.UUID
    payment_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class PaymentRefunded(IntegrationEvent):
    message_type = "payments.PaymentRefunded.v1"
    order_id: uuid.UUID
    payment_id: uuid.UUID
    refund_id: uuid.UUID
    amount: MoneyPayload
    total_refunded: MoneyPayload
    fully_refunded: bool


@dataclass(frozen=True, kw_only=True)
class PaymentOperationFailed(IntegrationEvent):
    """A capture, void or refund the provider refused; the saga flags the order for a person."""

    message_type = "payments.PaymentOperationFailed.v1"
    order_id: uuid.UUID
    payment_id: uuid.UUID
    operation: str
    reason: str
