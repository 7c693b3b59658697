"""Order records to the Order aggregate and back (saga_mappers.py does the saga's)."""

from collections.abc import Iterable
from typing import Any

from oms.contexts.orders.domain.address import Address
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.lifecycle import Lifecycle
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.contexts.orders.domain.timeline import TimelineEntry
from oms.contexts.orders.infrastructure.models import (
    OrderLineRecord,
    OrderRecord,
    TimelineEntryRecord,
)
from oms.shared_kernel.ids import CustomerId
from oms.shared_kernel.money import Money


def to_order(
    record: OrderRecord, lines: Iterable[OrderLineRecord], timeline: Iterable[TimelineEntryRecord]
) -> Order:
    currency = record.currency
    return Order(
        id=OrderId(record.id),
        number=record.number,
        customer_id=CustomerId(record.customer_id),
        lines=[OrderLine(line.sku, line.quantity, Money(line.unit_price, currency)) for line in lines],
        currency=currency,
        shipping_address=Address(
            name=record.ship_name,
            line1=record.ship_line1,
            line2=record.ship_line2,
            city=record.ship_city,
            region=record.ship_region,
            postal_code=record.ship_postal_code,
            country=record.ship_country,
        ),
        lifecycle=Lifecycle(
            OrderStatus(record.status), PaymentStatus(record.payment_status), map(_entry, timeline)
        ),
        refunded=Money(record.refunded_amount, currency),
        shipment=(record.carrier, record.tracking_number) if record.carrier else None,
        external_reference=record.external_reference,
        metadata=record.metadata,
        version=record.version,
    )


def _entry(record: TimelineEntryRecord) -> TimelineEntry:
    return TimelineEntry(
        OrderStatus(record.from_status) if record.from_status else None,
        OrderStatus(record.to_status),
        PaymentStatus(record.payment_status),
        record.reason,
        record.actor,
        record.at,
    )


def order_columns(order: Order) -> dict[str, Any]:
    """What can change after placement; lines, address and metadata never do."""
    carrier, tracking_number = order.shipment or ("", "")
    return {
        "status": order.status.value,
        "payment_status": order.payment_status.value,
        "status_reason": order.status_reason,
        "refunded_amount": order.refunded.amount,
        "carrier": carrier,
        "tracking_number": tracking_number,
        "updated_at": order.timeline[-1].at,
    }


def new_order_record(order: Order) -> OrderRecord:
    address = order.shipping_address
    return OrderRecord(
        id=order.id.value,
        number=order.number,
        customer_id=order.customer_id.value,
        currency=order.currency,
        total_amount=order.total.amount,
        ship_name=address.name,
        ship_line1=address.line1,
        ship_line2=address.line2,
        ship_city=address.city,
        ship_region=address.region,
        ship_postal_code=address.postal_code,
        ship_country=address.country,
        external_reference=order.external_reference,
        metadata=order.metadata,
        created_at=order.timeline[0].at,
        version=order.version,
        **order_columns(order),
    )


def line_records(order: Order) -> list[OrderLineRecord]:
    return [
        OrderLineRecord(
            order_id=order.id.value,
            position=position,
            sku=line.sku,
            quantity=line.quantity,
            unit_price=line.unit_price.amount,
            line_total=line.line_total.amount,
        )
        for position, line in enumerate(order.lines)
    ]


def timeline_records(order: Order, *, start: int) -> list[TimelineEntryRecord]:
    return [
        TimelineEntryRecord(
            order_id=order.id.value,
            position=position,
            from_status=entry.from_status.value if entry.from_status is not None else "",
            to_status=entry.to_status.value,
            payment_status=entry.payment_status.value,
            reason=entry.reason,
            actor=entry.actor,
            at=entry.at,
        )
        for position, entry in enumerate(order.timeline[start:], start=start)
    ]
