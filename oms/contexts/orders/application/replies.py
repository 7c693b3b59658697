"""How the saga hears the other contexts: one handler per reply, each state-guarded by the saga.

A reply that comes twice, late or out of order changes nothing (the saga's guards return no
commands), but it is still journaled, so whoever watches the saga sees everything that was said.
A reply about an order this context does not hold is ignored: it cannot be acted on, now or later.
"""

from datetime import datetime

from oms.contexts.inventory.contracts import events as inventory
from oms.contexts.orders.application.ports import Clock, OrdersUnitOfWork
from oms.contexts.orders.application.steering import Reaction, steer
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import Commands, OrderPlacementSaga
from oms.contexts.payments.contracts import events as payments

Event = (
    inventory.StockReserved
    | inventory.StockReservationFailed
    | inventory.ReservationExpired
    | inventory.ReservationConfirmed
    | inventory.ReservationReleased
    | inventory.ReservationCommitted
    | payments.PaymentAuthorized
    | payments.PaymentFailed
    | payments.PaymentCaptured
    | payments.PaymentOperationFailed
    | payments.PaymentVoided
    | payments.PaymentRefunded
)


def _hear(event: Event, reaction: Reaction, *, uow: OrdersUnitOfWork, clock: Clock, detail: str = "") -> None:
    steer(
        OrderId(event.order_id), reaction, uow=uow, clock=clock, note=("received", event.message_type, detail)
    )


def _record_only(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
    """The confirmation of a step the saga took for granted: worth a line in the journal, no more."""
    return []


def on_stock_reserved(event: inventory.StockReserved, *, uow: OrdersUnitOfWork, clock: Clock) -> None:
    _hear(event, lambda saga, order, now: saga.on_stock_reserved(order, now=now), uow=uow, clock=clock)


def on_stock_reservation_failed(
    event: inventory.StockReservationFailed, *, uow: OrdersUnitOfWork, clock: Clock
) -> None:
    reason = "Out of stock: " + ", ".join(
        f"{short.sku} ({short.requested} wanted, {short.available} available)" for short in event.shortages
    )

    def reject(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        return saga.on_stock_reservation_failed(order, reason=reason, now=now)

    _hear(event, reject, uow=uow, clock=clock, detail=reason)


def on_reservation_expired(
    event: inventory.ReservationExpired, *, uow: OrdersUnitOfWork, clock: Clock
) -> None:
    _hear(event, lambda saga, order, now: saga.on_reservation_expired(order, now=now), uow=uow, clock=clock)


def on_reservation_settled(
    event: inventory.ReservationConfirmed | inventory.ReservationReleased | inventory.ReservationCommitted,
    *,
    uow: OrdersUnitOfWork,
    clock: Clock,
) -> None:
    _hear(event, _record_only, uow=uow, clock=clock)


def on_payment_authorized(event: payments.PaymentAuthorized, *, uow: OrdersUnitOfWork, clock: Clock) -> None:
    _hear(event, lambda saga, order, now: saga.on_payment_authorized(order, now=now), uow=uow, clock=clock)


def on_payment_failed(event: payments.PaymentFailed, *, uow: OrdersUnitOfWork, clock: Clock) -> None:
    reason = f"The payment was declined: {event.reason}"
    if event.kind != "declined":
        reason = f"The payment could not be authorized ({event.kind}): {event.reason}"

    def reject(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        return saga.on_payment_failed(order, reason=reason, now=now)

    _hear(event, reject, uow=uow, clock=clock, detail=reason)


def on_payment_captured(event: payments.PaymentCaptured, *, uow: OrdersUnitOfWork, clock: Clock) -> None:
    _hear(event, lambda saga, order, now: saga.on_payment_captured(order, now=now), uow=uow, clock=clock)


def on_payment_operation_failed(
    event: payments.PaymentOperationFailed, *, uow: OrdersUnitOfWork, clock: Clock
) -> None:
    """Raises the saga's flag for a person: the money is not where the order says it should be."""

    def flag(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        if event.operation == "capture":
            return saga.on_payment_capture_failed(order, reason=event.reason, now=now)
        return saga.on_payment_operation_failed(
            order, operation=event.operation, reason=event.reason, now=now
        )

    _hear(event, flag, uow=uow, clock=clock, detail=f"{event.operation}: {event.reason}")


def on_payment_voided(event: payments.PaymentVoided, *, uow: OrdersUnitOfWork, clock: Clock) -> None:
    _hear(event, _record_only, uow=uow, clock=clock)


def on_payment_refunded(event: payments.PaymentRefunded, *, uow: OrdersUnitOfWork, clock: Clock) -> None:
    """The order counted the refund when it was asked for; the payment's word is recorded beside it."""
    total = event.total_refunded
    detail = f"{event.amount.amount} {event.amount.currency} refunded, {total.amount} {total.currency} in all"
    _hear(event, _record_only, uow=uow, clock=clock, detail=detail)
