"""How the inventory context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.inventory.contracts import commands, events
from oms.contexts.inventory.infrastructure import handlers
from oms.contexts.inventory.infrastructure.models import InventoryInbox, InventoryOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "inventory"

SUBSCRIPTIONS = (
    (commands.ReserveStock, handlers.reserve_stock, "inventory.reserve_stock"),
    (commands.ConfirmReservation, handlers.confirm_reservation, "inventory.confirm_reservation"),
    (commands.ReleaseReservation, handlers.release_reservation, "inventory.release_reservation"),
    (commands.CommitReservation, handlers.commit_reservation, "inventory.commit_reservation"),
)


def wire() -> None:
    bus.add_outbox(InventoryOutbox)
    registry.register_module(events)
    registry.register_module(commands)
    for message_class, handler, name in SUBSCRIPTIONS:
        bus.subscribe(message_class, handler, name=name, queue=QUEUE, inbox=InventoryInbox)
