"""The bus's entry points into the orders context: a message in, one use case with its adapters, out.

The bus hands over any IntegrationMessage; each entry point checks it got the type it subscribed to.
"""

from collections.abc import Callable
from typing import TypeVar

from oms.contexts.orders.infrastructure.clock import SystemClock
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork
from oms.shared_kernel.messages import IntegrationMessage

M = TypeVar("M", bound=IntegrationMessage)
CLOCK = SystemClock()
Handler = Callable[[IntegrationMessage], None]


def entry_point(kind: type[M], use_case: Callable[..., None]) -> Handler:
    """A handler for the bus: checks the message's type, then runs ``use_case`` with fresh adapters."""

    def handle(message: IntegrationMessage) -> None:
        if not isinstance(message, kind):
            raise TypeError(f"expected {kind.message_type}, got {message.message_type}")
        use_case(message, uow=DjangoOrdersUnitOfWork(), clock=CLOCK)

    handle.__name__ = handle.__qualname__ = use_case.__name__
    return handle
