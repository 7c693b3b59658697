"""What the orders facade takes and returns: frozen dataclasses of primitives and MoneyPayload.

Statuses travel as their lower-case words (API.md): ``pending``, ``awaiting_payment``, ``confirmed``...
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from oms.shared_kernel.messages import MoneyPayload

OrderOrdering = Literal["created_at", "-created_at", "updated_at", "-updated_at", "number", "-number"]


@dataclass(frozen=True, kw_only=True)
class ItemRequest:
    sku: str
    quantity: int


@dataclass(frozen=True, kw_only=True)
class AddressData:
    name: str
    line1: str
    city: str
    postal_code: str
    country: str
    line2: str = ""
    region: str = ""


@dataclass(frozen=True, kw_only=True)
class PlaceOrderRequest:
    """The basket as the customer sent it; prices are the catalog's at the moment of placing."""

    items: tuple[ItemRequest, ...]
    shipping_address: AddressData
    currency: str
    payment_token: str
    external_reference: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class OrderLineView:
    sku: str
    quantity: int
    unit_price: MoneyPayload
    line_total: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class TimelineEntryView:
    """``from_status`` is None for the entry that placed the order."""

    from_status: str | None
    to_status: str
    payment_status: str
    reason: str
    actor: str
    at: datetime


@dataclass(frozen=True, kw_only=True)
class OrderSummary:
    """An order in a list: everything but its address, metadata and timeline."""

    id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    status: str
    payment_status: str
    status_reason: str
    lines: tuple[OrderLineView, ...]
    total: MoneyPayload
    refunded: MoneyPayload
    created_at: datetime
    updated_at: datetime
    available_actions: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class OrderView(OrderSummary):
    """One order in full; ``available_actions`` depend on who asks (their roles, whether it is theirs)."""

    shipping_address: AddressData
    carrier: str | None
    tracking_number: str | None
    external_reference: str | None
    metadata: Mapping[str, str]
    timeline: tuple[TimelineEntryView, ...]


@dataclass(frozen=True, kw_only=True)
class OrderPage:
    count: int
    results: tuple[OrderSummary, ...]


@dataclass(frozen=True, kw_only=True)
class OrderListQuery:
    """Filters of a list; ``customer_id`` is forced to the caller's own for a customer."""

    statuses: tuple[str, ...] = ()
    customer_id: uuid.UUID | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None
    ordering: OrderOrdering = "-created_at"
    offset: int = 0
    limit: int = 20


@dataclass(frozen=True, kw_only=True)
class SagaStepView:
    step: str
    attempts: int
    last_error: str | None


@dataclass(frozen=True, kw_only=True)
class SagaLogEntryView:
    """A message the saga sent or received, in order: its conversation with the other contexts."""

    at: datetime
    direction: Literal["sent", "received", "noted"]
    message_type: str
    detail: str


@dataclass(frozen=True, kw_only=True)
class SagaView:
    order_id: uuid.UUID
    state: str
    current_step: str | None
    deadline: datetime | None
    reservation: str
    authorization: str
    needs_attention: bool
    attention_reason: str | None
    steps: tuple[SagaStepView, ...]
    log: tuple[SagaLogEntryView, ...]


@dataclass(frozen=True, kw_only=True)
class SweepReport:
    resent: int
    flagged: int
    skipped: int
