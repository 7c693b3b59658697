"""What the payments facade takes and returns: frozen dataclasses of primitives."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from oms.shared_kernel.errors import InvalidValue, NotFound
from oms.shared_kernel.messages import MoneyPayload


@dataclass(frozen=True, kw_only=True)
class LedgerEntryView:
    """One attempt line: a request sent to the provider, or its answer."""

    sequence: int
    operation: str
    entry_type: str
    amount: MoneyPayload
    idempotency_key: str
    actor: str
    at: datetime
    provider_reference: str | None
    failure_kind: str | None
    reason: str


@dataclass(frozen=True, kw_only=True)
class RefundView:
    refund_id: uuid.UUID | None
    idempotency_key: str
    amount: MoneyPayload
    reason: str
    status: str  # pending, succeeded or failed
    requested_at: datetime
    answered_at: datetime | None
    provider_reference: str | None


@dataclass(frozen=True, kw_only=True)
class PaymentView:
    id: uuid.UUID
    order_id: uuid.UUID
    status: str
    currency: str
    method: str | None
    authorized: MoneyPayload
    captured: MoneyPayload
    refunded: MoneyPayload
    created_at: datetime | None
    updated_at: datetime | None
    attempts: tuple[LedgerEntryView, ...]
    refunds: tuple[RefundView, ...]


@dataclass(frozen=True, kw_only=True)
class PaymentPage:
    results: tuple[PaymentView, ...]
    count: int


@dataclass(frozen=True, kw_only=True)
class WebhookReceipt:
    event_id: str
    duplicate: bool


# The facade's own refusals, so its callers (the API) can tell them apart without importing deeper.
class InvalidSignature(InvalidValue):
    """A webhook whose signature does not prove it came from the provider, or came too late."""


class UnknownProvider(NotFound):
    """No payment provider of this name is configured."""
