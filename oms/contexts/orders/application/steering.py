"""The one shape every saga step takes: lock the order and its saga, react, save, publish, commit.

Used by the replies of other contexts and by people's commands alike, so each of those is a line
that says what happens, and the transaction, the outbox and the journal are handled once, here.
"""

from collections.abc import Callable
from datetime import datetime

from oms.contexts.orders.application.messages import publish_changes
from oms.contexts.orders.application.ports import Clock, Direction, JournalEntry, OrdersUnitOfWork
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import Commands, OrderPlacementSaga

Reaction = Callable[[OrderPlacementSaga, Order, datetime], Commands]
Check = Callable[[Order | None], Order]
Note = tuple[Direction, str, str]  # direction, message type (or what was done), detail


def steer(
    order_id: OrderId,
    reaction: Reaction,
    *,
    uow: OrdersUnitOfWork,
    clock: Clock,
    note: Note | None = None,
    check: Check | None = None,
) -> Order | None:
    """``note`` goes to the saga's journal; ``check`` may refuse before anything moves.

    Returns None, changing nothing, for an order this context does not hold: no retry can change that.
    """
    with uow:
        now = clock.now()
        found = uow.orders.get_for_update(order_id)
        order = check(found) if check is not None else found
        saga = uow.sagas.get_for_update(order_id) if order is not None else None
        if order is None or saga is None:
            return None
        commands = reaction(saga, order, now)
        if note is not None:
            uow.journal.record(JournalEntry(order_id, now, *note))
        uow.orders.save(order)
        uow.sagas.save(saga)
        publish_changes(uow, order, commands, now)
        uow.commit()
    return order
