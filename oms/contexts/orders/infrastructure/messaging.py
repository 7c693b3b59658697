"""How the orders context plugs into the bus: its outbox, its published types and its subscriptions.

The saga listens to the replies of the inventory and of payments, on the orders' own queue.
"""

from oms.contexts.inventory.contracts import events as inventory
from oms.contexts.orders.application import replies
from oms.contexts.orders.contracts import commands, events
from oms.contexts.orders.infrastructure.handlers import entry_point
from oms.contexts.orders.infrastructure.metrics import timing_steps
from oms.contexts.orders.infrastructure.models import OrdersInbox, OrdersOutbox
from oms.contexts.payments.contracts import events as payments
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "orders"

# Built once, at import: wiring twice subscribes the very same functions, which the bus accepts.
# Each reply's handling also times the saga step it ends (oms_saga_step_duration_seconds).
SUBSCRIPTIONS = tuple(
    (kind, entry_point(kind, timing_steps(use_case)), name)
    for kind, use_case, name in (
        (inventory.StockReserved, replies.on_stock_reserved, "orders.on_stock_reserved"),
        (
            inventory.StockReservationFailed,
            replies.on_stock_reservation_failed,
            "orders.on_stock_reservation_failed",
        ),
        (inventory.ReservationExpired, replies.on_reservation_expired, "orders.on_reservation_expired"),
        (inventory.ReservationConfirmed, replies.on_reservation_settled, "orders.on_reservation_confirmed"),
        (inventory.ReservationReleased, replies.on_reservation_settled, "orders.on_reservation_released"),
        (inventory.ReservationCommitted, replies.on_reservation_settled, "orders.on_reservation_committed"),
        (payments.PaymentAuthorized, replies.on_payment_authorized, "orders.on_payment_authorized"),
        (payments.PaymentFailed, replies.on_payment_failed, "orders.on_payment_failed"),
        (payments.PaymentCaptured, replies.on_payment_captured, "orders.on_payment_captured"),
        (
            payments.PaymentOperationFailed,
            replies.on_payment_operation_failed,
            "orders.on_payment_operation_failed",
        ),
        (payments.PaymentVoided, replies.on_payment_voided, "orders.on_payment_voided"),
        (payments.PaymentRefunded, replies.on_payment_refunded, "orders.on_payment_refunded"),
    )
)


def wire() -> None:
    bus.add_outbox(OrdersOutbox)
    registry.register_module(events)
    registry.register_module(commands)
    for kind, handler, name in SUBSCRIPTIONS:
        bus.subscribe(kind, handler, name=name, queue=QUEUE, inbox=OrdersInbox)
