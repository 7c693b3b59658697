"""The order and its saga as the facade shows them: the domain's objects turned into contracts DTOs."""

from collections.abc import Iterable

from oms.contexts.orders.application.messages import money
from oms.contexts.orders.application.ports import JournalEntry
from oms.contexts.orders.contracts.dtos import (
    AddressData,
    OrderLineView,
    OrderView,
    SagaLogEntryView,
    SagaStepView,
    SagaView,
    TimelineEntryView,
)
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.timeline import TimelineEntry


def order_view(order: Order, *, actions: tuple[str, ...]) -> OrderView:
    """``created_at`` is when it was placed, ``updated_at`` its last change: both from its timeline."""
    address = order.shipping_address
    carrier, tracking_number = order.shipment or (None, None)
    return OrderView(
        id=order.id.value,
        number=order.number,
        customer_id=order.customer_id.value,
        status=order.status.value,
        payment_status=order.payment_status.value,
        status_reason=order.status_reason,
        lines=line_views(order.lines),
        total=money(order.total),
        refunded=money(order.refunded),
        created_at=order.timeline[0].at,
        updated_at=order.timeline[-1].at,
        available_actions=actions,
        shipping_address=AddressData(
            name=address.name,
            line1=address.line1,
            line2=address.line2,
            city=address.city,
            region=address.region,
            postal_code=address.postal_code,
            country=address.country,
        ),
        carrier=carrier,
        tracking_number=tracking_number,
        external_reference=order.external_reference,
        metadata=dict(order.metadata),
        timeline=tuple(_entry_view(entry) for entry in order.timeline),
    )


def line_views(lines: Iterable[OrderLine]) -> tuple[OrderLineView, ...]:
    return tuple(
        OrderLineView(
            sku=line.sku,
            quantity=line.quantity,
            unit_price=money(line.unit_price),
            line_total=money(line.line_total),
        )
        for line in lines
    )


def _entry_view(entry: TimelineEntry) -> TimelineEntryView:
    return TimelineEntryView(
        from_status=entry.from_status.value if entry.from_status is not None else None,
        to_status=entry.to_status.value,
        payment_status=entry.payment_status.value,
        reason=entry.reason,
        actor=entry.actor,
        at=entry.at,
    )


def saga_view(saga: OrderPlacementSaga, journal: Iterable[JournalEntry]) -> SagaView:
    steps = saga.steps
    return SagaView(
        order_id=saga.id.value,
        state=saga.state.value,
        current_step=steps.current_step.value if steps.current_step is not None else None,
        deadline=steps.deadline,
        reservation=saga.reservation.value,
        authorization=saga.authorization.value,
        needs_attention=saga.needs_attention,
        attention_reason=steps.attention_reason,
        steps=tuple(
            SagaStepView(step=step.value, attempts=progress.attempts, last_error=progress.last_error)
            for step, progress in steps.progress.items()
        ),
        log=tuple(
            SagaLogEntryView(at=e.at, direction=e.direction, message_type=e.message_type, detail=e.detail)
            for e in journal
        ),
    )
