"""How the payments context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.payments.contracts import commands, events
from oms.contexts.payments.infrastructure.models import PaymentsOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "payments"


def wire() -> None:
    bus.add_outbox(PaymentsOutbox)
    registry.register_module(events)
    registry.register_module(commands)
