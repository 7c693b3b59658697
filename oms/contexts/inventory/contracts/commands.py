"""Asynchronous commands the inventory context accepts (the order-placement saga sends them)."""

import uuid
from dataclasses import dataclass

from oms.shared_kernel.messages import IntegrationCommand


@dataclass(frozen=True, kw_only=True)
class StockLine:
    sku: str
    quantity: int


@dataclass(frozen=True, kw_only=True)
class ReserveStock(IntegrationCommand):
    """Hold every line for the order, or none; answered by StockReserved or StockReservationFailed."""

    message_type = "inventory.ReserveStock.v1"
    order_id: uuid.UUID
    lines: tuple[StockLine, ...]


@dataclass(frozen=True, kw_only=True)
class ConfirmReservation(IntegrationCommand):
    """The order is paid: keep its stock held past the reservation's deadline until it ships."""

    message_type = "inventory.ConfirmReservation.v1"
    order_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class ReleaseReservation(IntegrationCommand):
    """Give the order's held stock back (payment failed, order cancelled); answered by ReservationReleased."""

    message_type = "inventory.ReleaseReservation.v1"
    order_id: uuid.UUID
    reason: str


@dataclass(frozen=True, kw_only=True)
class CommitReservation(IntegrationCommand):
    """The order shipped: held stock leaves the warehouse; answered by ReservationCommitted."""

    message_type = "inventory.CommitReservation.v1"
    order_id: uuid.UUID
