"""From the domain to the published languages: the saga's commands, and the order's events.

The saga speaks in its own plain commands; here each becomes the receiving context's contract
command. The order's domain events become the orders context's contract events, each naming the
order's number. Both reach the outbox through the unit of work, in the transaction of the change.
"""

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import TypedDict

from oms.contexts.inventory.contracts import commands as inventory
from oms.contexts.orders.application.ports import JournalEntry, OrdersUnitOfWork
from oms.contexts.orders.contracts import events as published
from oms.contexts.orders.domain import events as domain
from oms.contexts.orders.domain import saga_commands as saga
from oms.contexts.orders.domain.order import Order
from oms.contexts.payments.contracts import commands as payments
from oms.shared_kernel.events import DomainEvent
from oms.shared_kernel.messages import IntegrationCommand, IntegrationEvent, MoneyPayload
from oms.shared_kernel.money import Money


def money(amount: Money) -> MoneyPayload:
    return MoneyPayload(amount=str(amount.amount), currency=amount.currency)


def publish_changes(
    uow: OrdersUnitOfWork, order: Order, commands: Iterable[saga.SagaCommand], now: datetime
) -> None:
    """The order's new events and the saga's commands, into the outbox; each command is journaled."""
    aggregate_id = str(order.id)
    for event in order.pull_events():
        message = contract_event(event, order)
        if message is not None:
            uow.publish(message, aggregate_id=aggregate_id)
    for command in commands:
        outgoing = contract_command(command, order)
        uow.publish(outgoing, aggregate_id=aggregate_id)
        uow.journal.record(JournalEntry(order.id, now, "sent", outgoing.message_type))


def contract_command(command: saga.SagaCommand, order: Order) -> IntegrationCommand:
    order_id = command.order_id.value
    message: IntegrationCommand
    match command:
        case saga.ReserveStock(lines=lines):
            stock = tuple(inventory.StockLine(sku=line.sku, quantity=line.quantity) for line in lines)
            message = inventory.ReserveStock(order_id=order_id, lines=stock)
        case saga.ConfirmReservation():
            message = inventory.ConfirmReservation(order_id=order_id)
        case saga.ReleaseReservation():
            message = inventory.ReleaseReservation(order_id=order_id, reason=_why(order))
        case saga.CommitReservation():
            message = inventory.CommitReservation(order_id=order_id)
        case saga.AuthorizePayment(amount=amount, payment_token=token):
            message = payments.AuthorizePayment(order_id=order_id, amount=money(amount), payment_token=token)
        case saga.VoidPayment():
            message = payments.VoidPayment(order_id=order_id, reason=_why(order))
        case saga.CapturePayment():
            message = payments.CapturePayment(order_id=order_id)
        case saga.RefundPayment(amount=amount, reason=reason):
            message = payments.RefundPayment(
                order_id=order_id, refund_id=_refund_id(order), amount=money(amount), reason=reason
            )
        case _:
            raise TypeError(f"no published form for {type(command).__name__}")
    return message


def _why(order: Order) -> str:
    return order.status_reason or f"The order is {order.status.label}"


def _refund_id(order: Order) -> uuid.UUID:
    """Named after the running total it reaches, which only grows: one id per refund, every time."""
    return uuid.uuid5(order.id.value, f"refund:{order.refunded.amount}")


class _Header(TypedDict):
    order_id: uuid.UUID
    customer_id: uuid.UUID
    number: str


def contract_event(event: DomainEvent, order: Order) -> IntegrationEvent | None:
    """The published form of ``event``, or None for the steps only the orders context cares about."""
    if not isinstance(event, domain.OrderEvent):
        return None  # the order records only OrderEvents; anything else is not ours to publish
    header = _Header(order_id=event.order_id.value, customer_id=event.customer_id.value, number=order.number)
    message: IntegrationEvent | None
    match event:
        case domain.OrderPlaced(lines=lines, total=total):
            placed = tuple(
                published.PlacedLine(sku=line.sku, quantity=line.quantity, unit_price=money(line.unit_price))
                for line in lines
            )
            message = published.OrderPlaced(**header, lines=placed, total=money(total))
        case domain.OrderConfirmed(total=total):
            message = published.OrderConfirmed(**header, total=money(total))
        case domain.OrderRejected(reason=reason):
            message = published.OrderRejected(**header, reason=reason)
        case domain.OrderCancelled(reason=reason):
            message = published.OrderCancelled(**header, reason=reason)
        case domain.OrderShipped(carrier=carrier, tracking_number=tracking):
            message = published.OrderShipped(**header, carrier=carrier, tracking_number=tracking)
        case domain.OrderDelivered():
            message = published.OrderDelivered(**header)
        case domain.OrderRefunded(amount=amount, refunded_total=total, fully=fully):
            message = published.OrderRefunded(
                **header, amount=money(amount), refunded_total=money(total), fully=fully
            )
        case _:
            message = None
    return message
