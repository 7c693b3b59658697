"""How the notifications context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.notifications.contracts import commands, events
from oms.contexts.notifications.infrastructure import handlers
from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.contexts.orders.contracts import events as orders
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "notifications"

# One handler per event, each with its own inbox rows; they share the code behind them.
SUBSCRIPTIONS = (
    (orders.OrderConfirmed, "notifications.on_order_confirmed"),
    (orders.OrderRejected, "notifications.on_order_rejected"),
    (orders.OrderCancelled, "notifications.on_order_cancelled"),
    (orders.OrderShipped, "notifications.on_order_shipped"),
    (orders.OrderDelivered, "notifications.on_order_delivered"),
    (orders.OrderRefunded, "notifications.on_order_refunded"),
)


def wire() -> None:
    bus.add_outbox(NotificationsOutbox)
    registry.register_module(events)
    registry.register_module(commands)
    for message_class, name in SUBSCRIPTIONS:
        bus.subscribe(
            message_class, handlers.on_order_event, name=name, queue=QUEUE, inbox=NotificationsInbox
        )
