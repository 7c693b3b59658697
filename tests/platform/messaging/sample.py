"""A tiny sample context for messaging tests: one event, one handler whose effect is an outbox row.

The handler's effect is itself a message written through a unit of work, so counting those rows
counts how many times the handler really took effect (its transaction committed).
"""

from dataclasses import dataclass

from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork
from oms.shared_kernel.messages import IntegrationEvent, MoneyPayload


@dataclass(frozen=True, kw_only=True)
class PingSent(IntegrationEvent):
    message_type = "sample.PingSent.v1"
    ping_id: str
    count: int
    price: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class PongSent(IntegrationEvent):
    message_type = "sample.PongSent.v1"
    ping_id: str


class SampleUnitOfWork(DjangoUnitOfWork):
    outbox_model = NotificationsOutbox


class FlakyHandler:
    """Fails ``failures`` times, then answers every ping with a pong in its own transaction."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self, message: PingSent) -> None:
        self.calls += 1
        if self.failures > 0:
            self.failures -= 1
            raise RuntimeError("the sample handler is failing on purpose")
        with SampleUnitOfWork() as uow:
            uow.publish(PongSent(ping_id=message.ping_id), aggregate_id=message.ping_id)
            uow.commit()


HANDLER_NAME = "sample.answer_ping"


def subscribe(handler: FlakyHandler) -> None:
    bus.subscribe(PingSent, handler, name=HANDLER_NAME, queue="notifications", inbox=NotificationsInbox)


def unsubscribe() -> None:
    bus.unsubscribe(HANDLER_NAME)


def ping(ping_id: str = "p-1", count: int = 1) -> PingSent:
    return PingSent(ping_id=ping_id, count=count, price=MoneyPayload(amount="12.50", currency="EUR"))


def pongs() -> int:
    return NotificationsOutbox.objects.filter(type=PongSent.message_type).count()
