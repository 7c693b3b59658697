"""The bus's entry points into the inventory: a message in, one use case with its adapters, out.

The bus hands over any IntegrationMessage; each entry point checks it got the type it subscribed to.
"""

from typing import TypeVar

from oms.contexts.inventory.application import reservations
from oms.contexts.inventory.contracts import commands
from oms.contexts.inventory.infrastructure.clock import SystemClock, reservation_ttl
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork
from oms.platform.correlation import accept_or_generate, current_correlation_id
from oms.shared_kernel.messages import IntegrationMessage

M = TypeVar("M", bound=IntegrationMessage)
CLOCK = SystemClock()


def reserve_stock(message: IntegrationMessage) -> None:
    command = _expect(message, commands.ReserveStock)
    reservations.reserve_stock(command, uow=DjangoInventoryUnitOfWork(), clock=CLOCK, ttl=reservation_ttl())


def confirm_reservation(message: IntegrationMessage) -> None:
    command = _expect(message, commands.ConfirmReservation)
    reservations.confirm_reservation(command, uow=DjangoInventoryUnitOfWork(), clock=CLOCK)


def release_reservation(message: IntegrationMessage) -> None:
    command = _expect(message, commands.ReleaseReservation)
    reservations.release_reservation(command, uow=DjangoInventoryUnitOfWork(), clock=CLOCK)


def commit_reservation(message: IntegrationMessage) -> None:
    command = _expect(message, commands.CommitReservation)
    # The ledger entries of the shipment carry the request that shipped the order.
    correlation_id = accept_or_generate(current_correlation_id())
    reservations.commit_reservation(
        command, uow=DjangoInventoryUnitOfWork(), clock=CLOCK, correlation_id=correlation_id
    )


def _expect(message: IntegrationMessage, kind: type[M]) -> M:
    if not isinstance(message, kind):
        raise TypeError(f"expected {kind.message_type}, got {message.message_type}")
    return message
