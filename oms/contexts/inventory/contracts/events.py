"""Facts the inventory context publishes."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from oms.shared_kernel.messages import IntegrationEvent


@dataclass(frozen=True, kw_only=True)
class StockReserved(IntegrationEvent):
    message_type = "inventory.StockReserved.v1"
    order_id: uuid.UUID
    expires_at: datetime


@dataclass(frozen=True, kw_only=True)
class Shortage:
    sku: str
    requested: int
    available: int


@dataclass(frozen=True, kw_only=True)
class StockReservationFailed(IntegrationEvent):
    """Nothing was held; ``shortages`` names each short SKU (unknown or inactive SKUs have available 0)."""

    message_type = "inventory.StockReservationFailed.v1"
    order_id: uuid.UUID
    shortages: tuple[Shortage, ...]


@dataclass(frozen=True, kw_only=True)
class ReservationConfirmed(IntegrationEvent):
    message_type = "inventory.ReservationConfirmed.v1"
    order_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class ReservationReleased(IntegrationEvent):
    message_type = "inventory.ReservationReleased.v1"
    order_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class ReservationCommitted(IntegrationEvent):
    message_type = "inventory.ReservationCommitted.v1"
    order_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class ReservationExpired(IntegrationEvent):
    """The hold lapsed before the order was paid; the stock is available again."""

    message_type = "inventory.ReservationExpired.v1"
    order_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class StockAdjusted(IntegrationEvent):
    message_type = "inventory.StockAdjusted.v1"
    sku: str
    delta: int
    on_hand: int
    reserved: int
    reason: str
