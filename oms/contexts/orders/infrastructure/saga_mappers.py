"""The saga's record to the OrderPlacementSaga and back: its steps' progress travels as JSON."""

from typing import Any

from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import (
    Authorization,
    Reservation,
    SagaPolicy,
    SagaState,
    SagaStep,
    StepProgress,
)
from oms.contexts.orders.domain.saga_steps import StepTracker
from oms.contexts.orders.infrastructure.models import SagaRecord


def to_saga(record: SagaRecord, policy: SagaPolicy) -> OrderPlacementSaga:
    steps = StepTracker(
        current_step=SagaStep(record.current_step) if record.current_step else None,
        deadline=record.deadline,
        progress={
            SagaStep(step): StepProgress(kept.get("attempts", 0), kept.get("last_error"))
            for step, kept in record.steps.items()
        },
        attention_reason=record.attention_reason if record.needs_attention else None,
        attention_step=SagaStep(record.attention_step) if record.attention_step else None,
    )
    return OrderPlacementSaga(
        order_id=OrderId(record.order_id),
        payment_token=record.payment_token,
        state=SagaState(record.state),
        reservation=Reservation(record.reservation),
        authorization=Authorization(record.authorization),
        steps=steps,
        policy=policy,
        version=record.version,
    )


def saga_columns(saga: OrderPlacementSaga) -> dict[str, Any]:
    steps = saga.steps
    return {
        "state": saga.state.value,
        "reservation": saga.reservation.value,
        "authorization": saga.authorization.value,
        "current_step": steps.current_step.value if steps.current_step is not None else "",
        "deadline": steps.deadline,
        "steps": {
            step.value: {"attempts": progress.attempts, "last_error": progress.last_error}
            for step, progress in steps.progress.items()
        },
        "needs_attention": saga.needs_attention,
        "attention_reason": steps.attention_reason or "",
        "attention_step": steps.attention_step.value if steps.attention_step is not None else "",
        "payment_token": saga.payment_token,
    }
