"""How the payments context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.payments.contracts import commands, events
from oms.contexts.payments.infrastructure import handlers
from oms.contexts.payments.infrastructure.models import PaymentsInbox, PaymentsOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "payments"

SUBSCRIPTIONS = (
    (commands.AuthorizePayment, handlers.authorize_payment, "payments.authorize_payment"),
    (commands.CapturePayment, handlers.capture_payment, "payments.capture_payment"),
    (commands.VoidPayment, handlers.void_payment, "payments.void_payment"),
    (commands.RefundPayment, handlers.refund_payment, "payments.refund_payment"),
)


def wire() -> None:
    bus.add_outbox(PaymentsOutbox)
    registry.register_module(events)
    registry.register_module(commands)
    for message_class, handler, name in SUBSCRIPTIONS:
        bus.subscribe(message_class, handler, name=name, queue=QUEUE, inbox=PaymentsInbox)
