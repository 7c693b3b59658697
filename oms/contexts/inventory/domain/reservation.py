"""One order's claim on stock: held until paid for, shipped, released, or past its deadline."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Self

from oms.contexts.inventory.domain.events import (
    ReservationCommitted,
    ReservationConfirmed,
    ReservationExpired,
    ReservationReleased,
    StockReservationFailed,
    StockReserved,
)
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.errors import IllegalTransition, NotFound


class Reservation(AggregateRoot[OrderId]):
    """Identified by its order: one reservation per order is what makes reserving idempotent.

    ``expires_at`` is None once confirmed (paid for): then only shipping or release ends the hold.
    Each transition also moves the holds on the lines' StockItems, so the two never disagree.
    """

    def __init__(
        self,
        order_id: OrderId,
        *,
        lines: Iterable[ReservationLine],
        status: ReservationStatus,
        expires_at: datetime | None,
        shortages: Iterable[Shortage] = (),
        version: int = 0,
    ) -> None:
        super().__init__(order_id, version=version)
        self.lines = tuple(lines)
        self.status = status
        self.expires_at = expires_at
        self.shortages = tuple(shortages)

    @classmethod
    def open(
        cls, order_id: OrderId, lines: tuple[ReservationLine, ...], expires_at: datetime, now: datetime
    ) -> Self:
        reservation = cls(order_id, lines=lines, status=ReservationStatus.ACTIVE, expires_at=expires_at)
        reservation.record(
            StockReserved(order_id=order_id, lines=lines, expires_at=expires_at, occurred_at=now)
        )
        return reservation

    @classmethod
    def refuse(
        cls,
        order_id: OrderId,
        lines: tuple[ReservationLine, ...],
        shortages: tuple[Shortage, ...],
        now: datetime,
    ) -> Self:
        reservation = cls(
            order_id, lines=lines, status=ReservationStatus.REJECTED, expires_at=None, shortages=shortages
        )
        reservation.record(StockReservationFailed(order_id=order_id, shortages=shortages, occurred_at=now))
        return reservation

    @property
    def order_id(self) -> OrderId:
        return self.id

    @property
    def confirmed(self) -> bool:
        return self.status is ReservationStatus.ACTIVE and self.expires_at is None

    def holds_stock(self, now: datetime) -> bool:
        return self.status is ReservationStatus.ACTIVE and not self._lapsed(now)

    def status_at(self, now: datetime) -> ReservationStatus:
        """What a reader should see: an active reservation past its deadline is already expired."""
        return ReservationStatus.EXPIRED if self._lapsed(now) else self.status

    def quantity_of(self, sku: Sku) -> int:
        return sum(line.quantity for line in self.lines if line.sku == sku)

    def confirm(self, stock: Mapping[Sku, StockItem], *, now: datetime) -> None:
        """Paid for: hold the stock until shipped, past the deadline that guarded an unpaid order."""
        if self.confirmed:
            return
        self._require_holding(now, to="confirmed")
        for item in self._stock_items(stock):
            item.keep_hold(self.order_id)
        self.expires_at = None
        self.record(ReservationConfirmed(order_id=self.order_id, occurred_at=now))

    def release(self, stock: Mapping[Sku, StockItem], *, now: datetime) -> None:
        """Give the stock back (order cancelled or payment failed); harmless once nothing is held."""
        if self.status is not ReservationStatus.ACTIVE:
            return
        self._end(stock, ReservationStatus.RELEASED)
        self.record(ReservationReleased(order_id=self.order_id, lines=self.lines, occurred_at=now))

    def commit(
        self, stock: Mapping[Sku, StockItem], *, actor: str, correlation_id: str, now: datetime
    ) -> None:
        """The order ships: each line's units leave on-hand stock with a ledger entry."""
        if self.status is ReservationStatus.COMMITTED:
            return
        self._require_holding(now, to="shipped")
        for item in self._stock_items(stock):
            item.ship_hold(order_id=self.order_id, actor=actor, correlation_id=correlation_id, now=now)
        self.status = ReservationStatus.COMMITTED
        self.record(ReservationCommitted(order_id=self.order_id, lines=self.lines, occurred_at=now))

    def expire(self, stock: Mapping[Sku, StockItem], *, now: datetime) -> None:
        """The sweeper's tidy-up: availability already ignored this hold from its deadline on."""
        if not self._lapsed(now):
            return
        assert self.expires_at is not None  # a lapsed reservation has a deadline
        self._end(stock, ReservationStatus.EXPIRED)
        self.record(
            ReservationExpired(
                order_id=self.order_id, lines=self.lines, expired_at=self.expires_at, occurred_at=now
            )
        )

    def _lapsed(self, now: datetime) -> bool:
        active = self.status is ReservationStatus.ACTIVE
        return active and self.expires_at is not None and now >= self.expires_at

    def _require_holding(self, now: datetime, *, to: str) -> None:
        if not self.holds_stock(now):
            state = self.status_at(now).value
            raise IllegalTransition(
                f"The reservation for order {self.order_id} is {state}; it cannot be {to}."
            )

    def _end(self, stock: Mapping[Sku, StockItem], status: ReservationStatus) -> None:
        for item in self._stock_items(stock):
            item.release_hold(self.order_id)
        self.status = status

    def _stock_items(self, stock: Mapping[Sku, StockItem]) -> list[StockItem]:
        # Every item is looked up before any is changed: a missing one must not leave half a change.
        missing = [str(line.sku) for line in self.lines if line.sku not in stock]
        if missing:
            raise NotFound(f"No stock record for {', '.join(missing)}, held by order {self.order_id}.")
        return [stock[line.sku] for line in self.lines]
