"""From the domain's events to the published language, and the answer a repeated command gets.

Only what another context may rely on leaves: product changes and shipments stay inside (no
contract publishes them), stock adjustments and every step of a reservation go out.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from oms.contexts.inventory.contracts import events as published
from oms.contexts.inventory.domain import events as domain
from oms.contexts.inventory.domain.lines import Shortage
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.shared_kernel.events import DomainEvent
from oms.shared_kernel.messages import IntegrationEvent
from oms.shared_kernel.unit_of_work import UnitOfWork

Outgoing = tuple[IntegrationEvent, str]


class RecordsEvents(Protocol):
    def pull_events(self) -> list[DomainEvent]: ...


def integration_message(event: DomainEvent) -> Outgoing | None:
    """The message for ``event`` with its aggregate id (the order's, or the SKU), or None."""
    message: IntegrationEvent
    match event:
        case domain.StockAdjusted(sku=sku):
            return _adjusted(event), str(sku)
        case domain.StockReserved(order_id=order, expires_at=expires_at):
            message = published.StockReserved(order_id=order.value, expires_at=expires_at)
        case domain.StockReservationFailed(order_id=order, shortages=shortages):
            message = published.StockReservationFailed(order_id=order.value, shortages=_shortages(shortages))
        case domain.ReservationConfirmed(order_id=order):
            message = published.ReservationConfirmed(order_id=order.value)
        case domain.ReservationReleased(order_id=order):
            message = published.ReservationReleased(order_id=order.value)
        case domain.ReservationCommitted(order_id=order):
            message = published.ReservationCommitted(order_id=order.value)
        case domain.ReservationExpired(order_id=order):
            message = published.ReservationExpired(order_id=order.value)
        case _:
            return None
    return message, str(order)


def _shortages(shortages: Iterable[Shortage]) -> tuple[published.Shortage, ...]:
    return tuple(
        published.Shortage(sku=str(s.sku), requested=s.requested, available=s.available) for s in shortages
    )


def _adjusted(event: domain.StockAdjusted) -> published.StockAdjusted:
    return published.StockAdjusted(
        sku=str(event.sku),
        delta=event.delta,
        on_hand=event.on_hand,
        reserved=event.on_hand - event.available,
        reason=event.reason,
    )


def publish_events(uow: UnitOfWork, aggregates: Iterable[RecordsEvents]) -> int:
    """Hand each aggregate's new events to the outbox; returns how many messages were published."""
    count = 0
    for aggregate in aggregates:
        for event in aggregate.pull_events():
            outgoing = integration_message(event)
            if outgoing is not None:
                uow.publish(outgoing[0], aggregate_id=outgoing[1])
                count += 1
    return count


def current_state(reservation: Reservation, now: datetime) -> Outgoing:
    """The fact that describes where a reservation stands, for a command that changed nothing.

    The saga asks again when a reply is late (its sweeper resends); answering with the same fact
    is harmless, because its handlers are guarded by its state.
    """
    outgoing = integration_message(_fact(reservation, now))
    assert outgoing is not None  # every fact _fact states is published
    return outgoing


def _fact(reservation: Reservation, now: datetime) -> DomainEvent:
    order, lines = reservation.order_id, reservation.lines
    match reservation.status_at(now):
        case ReservationStatus.REJECTED:
            return domain.StockReservationFailed(
                order_id=order, shortages=reservation.shortages, occurred_at=now
            )
        case ReservationStatus.EXPIRED:
            expired_at = reservation.expires_at or now
            return domain.ReservationExpired(
                order_id=order, lines=lines, expired_at=expired_at, occurred_at=now
            )
        case ReservationStatus.RELEASED:
            return domain.ReservationReleased(order_id=order, lines=lines, occurred_at=now)
        case ReservationStatus.COMMITTED:
            return domain.ReservationCommitted(order_id=order, lines=lines, occurred_at=now)
    if reservation.expires_at is None:
        return domain.ReservationConfirmed(order_id=order, occurred_at=now)
    return domain.StockReserved(
        order_id=order, lines=lines, expires_at=reservation.expires_at, occurred_at=now
    )
