"""The sweeper: sagas whose awaited reply is past its deadline are asked again, or flagged for a person.

Messages are delivered at least once, but "at least once" assumes the other side is alive and the
message was not parked as dead; the sweeper covers the rest. Each saga is swept in a transaction of
its own, and one whose order is locked by a reply being handled right now is skipped until the next
run: that reply is the answer the sweeper would be waiting for.
"""

from enum import Enum

from oms.contexts.orders.application.messages import publish_changes
from oms.contexts.orders.application.ports import Clock, JournalEntry, OrdersUnitOfWork
from oms.contexts.orders.contracts.dtos import SweepReport
from oms.contexts.orders.domain.identifiers import OrderId

DEFAULT_BATCH = 200


class Outcome(Enum):
    RESENT = "resent"
    FLAGGED = "flagged"
    SKIPPED = "skipped"


def sweep_sagas(*, uow: OrdersUnitOfWork, clock: Clock, limit: int = DEFAULT_BATCH) -> SweepReport:
    with uow:
        due = uow.sagas.overdue(clock.now(), limit=limit)
    outcomes = [sweep_saga(order_id, uow=uow, clock=clock) for order_id in due]
    return SweepReport(
        resent=outcomes.count(Outcome.RESENT),
        flagged=outcomes.count(Outcome.FLAGGED),
        skipped=outcomes.count(Outcome.SKIPPED),
    )


def sweep_saga(order_id: OrderId, *, uow: OrdersUnitOfWork, clock: Clock) -> Outcome:
    with uow:
        now = clock.now()
        order = uow.orders.get_for_update(order_id, skip_locked=True)
        saga = uow.sagas.get_for_update(order_id) if order is not None else None
        if order is None or saga is None:
            return Outcome.SKIPPED
        flagged_before = saga.needs_attention
        commands = saga.sweep(order, now=now)
        outcome = Outcome.RESENT if commands else Outcome.SKIPPED
        if saga.needs_attention and not flagged_before:
            outcome = Outcome.FLAGGED
            reason = saga.steps.attention_reason or ""
            uow.journal.record(JournalEntry(order_id, now, "noted", "flagged for attention", reason))
        uow.orders.save(order)
        uow.sagas.save(saga)
        publish_changes(uow, order, commands, now)
        uow.commit()
    return outcome
