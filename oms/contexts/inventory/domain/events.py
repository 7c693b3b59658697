"""What happens to products, stock and reservations, in the past tense.

Every event is given ``occurred_at`` by the aggregate from the ``now`` it was handed: the domain
reads no clock, so replays and tests see the same times.
"""

from dataclasses import dataclass
from datetime import datetime

from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.events import DomainEvent
from oms.shared_kernel.money import Money


@dataclass(frozen=True, kw_only=True)
class ProductCreated(DomainEvent):
    sku: Sku
    name: str
    description: str
    price: Money


@dataclass(frozen=True, kw_only=True)
class ProductUpdated(DomainEvent):
    """Carries the whole new state, so a consumer's copy (orders' price cache) never needs a merge."""

    sku: Sku
    name: str
    description: str
    price: Money


@dataclass(frozen=True, kw_only=True)
class ProductDeactivated(DomainEvent):
    sku: Sku


@dataclass(frozen=True, kw_only=True)
class ProductActivated(DomainEvent):
    sku: Sku


@dataclass(frozen=True, kw_only=True)
class StockAdjusted(DomainEvent):
    sku: Sku
    delta: int
    on_hand: int
    available: int
    reason: str
    actor: str
    correlation_id: str


@dataclass(frozen=True, kw_only=True)
class StockShipped(DomainEvent):
    """On-hand stock left the warehouse for an order (its reservation was committed)."""

    sku: Sku
    order_id: OrderId
    quantity: int
    on_hand: int


@dataclass(frozen=True, kw_only=True)
class StockReserved(DomainEvent):
    order_id: OrderId
    lines: tuple[ReservationLine, ...]
    expires_at: datetime


@dataclass(frozen=True, kw_only=True)
class StockReservationFailed(DomainEvent):
    order_id: OrderId
    shortages: tuple[Shortage, ...]


@dataclass(frozen=True, kw_only=True)
class ReservationConfirmed(DomainEvent):
    """The order was paid for: its stock is held until shipped or released, no longer until a deadline."""

    order_id: OrderId


@dataclass(frozen=True, kw_only=True)
class ReservationReleased(DomainEvent):
    order_id: OrderId
    lines: tuple[ReservationLine, ...]


@dataclass(frozen=True, kw_only=True)
class ReservationCommitted(DomainEvent):
    order_id: OrderId
    lines: tuple[ReservationLine, ...]


@dataclass(frozen=True, kw_only=True)
class ReservationExpired(DomainEvent):
    order_id: OrderId
    lines: tuple[ReservationLine, ...]
    expired_at: datetime
