"""People's commands: cancel, ship, deliver, refund, and lowering the saga's flag.

Each checks, in this order, that the caller may see the order (else it is not found), that one of
their roles allows the action (else it is not permitted), and leaves the rest to the domain, which
refuses an action the order's state does not allow (a conflict) and changes nothing when it does.
"""

from datetime import datetime

from oms.contexts.orders.application import access
from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.application.ports import Clock, OrdersUnitOfWork
from oms.contexts.orders.application.steering import Note, Reaction, steer
from oms.contexts.orders.contracts.errors import ActionNotPermitted
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import Commands, OrderPlacementSaga
from oms.shared_kernel.errors import NotFound
from oms.shared_kernel.messages import MoneyPayload
from oms.shared_kernel.money import Money


def cancel_order(
    order_id: OrderId, *, caller: Caller, reason: str, uow: OrdersUnitOfWork, clock: Clock
) -> Order:
    why = reason.strip() or ("Cancelled by staff" if caller.is_staff else "Cancelled by the customer")

    def cancel(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        return saga.cancel(order, reason=why, actor=caller.actor, now=now)

    return _act(order_id, "cancel", cancel, caller=caller, uow=uow, clock=clock)


def ship_order(
    order_id: OrderId,
    *,
    caller: Caller,
    carrier: str,
    tracking_number: str,
    uow: OrdersUnitOfWork,
    clock: Clock,
) -> Order:
    def ship(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        return saga.ship(order, carrier=carrier, tracking_number=tracking_number, actor=caller.actor, now=now)

    return _act(order_id, "ship", ship, caller=caller, uow=uow, clock=clock)


def deliver_order(order_id: OrderId, *, caller: Caller, uow: OrdersUnitOfWork, clock: Clock) -> Order:
    def deliver(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        order.deliver(at=now, actor=caller.actor)  # the saga's work ended with the capture
        return []

    return _act(order_id, "deliver", deliver, caller=caller, uow=uow, clock=clock)


def refund_order(
    order_id: OrderId,
    *,
    caller: Caller,
    amount: MoneyPayload,
    reason: str,
    uow: OrdersUnitOfWork,
    clock: Clock,
) -> Order:
    money = Money(amount.amount, amount.currency)
    why = reason.strip() or "Refunded by support"

    def refund(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        return saga.refund(order, amount=money, reason=why, actor=caller.actor, now=now)

    return _act(order_id, "refund", refund, caller=caller, uow=uow, clock=clock)


def resolve_attention(order_id: OrderId, *, caller: Caller, uow: OrdersUnitOfWork, clock: Clock) -> Order:
    """A person dealt with the flagged problem outside the saga; the journal says who."""

    def resolve(saga: OrderPlacementSaga, order: Order, now: datetime) -> Commands:
        saga.resolve_attention()
        return []

    if not caller.roles & {"support", "admin"}:
        raise ActionNotPermitted("Only support or an admin may lower a saga's flag.")
    note: Note = ("noted", "attention resolved", f"by {caller.actor}")
    return _act(order_id, None, resolve, caller=caller, uow=uow, clock=clock, note=note)


def _act(
    order_id: OrderId,
    action: str | None,
    reaction: Reaction,
    *,
    caller: Caller,
    uow: OrdersUnitOfWork,
    clock: Clock,
    note: Note | None = None,
) -> Order:
    def check(order: Order | None) -> Order:
        seen = access.visible_or_not_found(caller, order, order_id)
        if action is not None:
            access.require(caller, action, seen)
        return seen

    order = steer(order_id, reaction, uow=uow, clock=clock, check=check, note=note)
    if order is None:
        raise NotFound(f"No order {order_id} was found.")
    return order
