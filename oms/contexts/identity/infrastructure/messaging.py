"""How the identity context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.identity.contracts import commands, events
from oms.contexts.identity.infrastructure.models import IdentityOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "identity"


def wire() -> None:
    bus.add_outbox(IdentityOutbox)
    registry.register_module(events)
    registry.register_module(commands)
