"""The bus's entry points into notifications: an order event in, the customer notified, out.

They run inside the inbox's transaction: the notifications are stored with the proof of handling,
and sent by ``tasks.send_notification`` once that transaction has committed.
"""

import uuid

from oms.contexts.notifications.application.notify import notify_customer
from oms.contexts.notifications.application.ports import Sources
from oms.contexts.notifications.application.topics import news_of
from oms.contexts.notifications.infrastructure.acl import IdentityAdapter, OrdersAdapter
from oms.contexts.notifications.infrastructure.config import enabled_channels
from oms.contexts.notifications.infrastructure.rendering import DjangoTemplateRenderer
from oms.contexts.notifications.infrastructure.subscriptions import DjangoSubscriptions
from oms.contexts.notifications.infrastructure.tasks import CLOCK, CeleryDispatcher
from oms.contexts.notifications.infrastructure.unit_of_work import DjangoNotificationsUnitOfWork
from oms.platform.correlation import current_causation_id
from oms.shared_kernel.messages import IntegrationMessage

SOURCES = Sources(
    orders=OrdersAdapter(),
    directory=IdentityAdapter(),
    subscriptions=DjangoSubscriptions(),
    templates=DjangoTemplateRenderer(),
)
DISPATCHER = CeleryDispatcher()


def on_order_event(message: IntegrationMessage) -> None:
    news = news_of(message, message_id=_message_id(), occurred_at=CLOCK.now())
    notify_customer(
        news,
        uow=DjangoNotificationsUnitOfWork(),
        sources=SOURCES,
        dispatcher=DISPATCHER,
        clock=CLOCK,
        channels=enabled_channels(),
    )


def _message_id() -> uuid.UUID:
    # The consumer names the message being handled as the causation id of whatever it causes.
    causation = current_causation_id()
    if causation is None:
        raise RuntimeError("an order event is handled outside the consumer: its message id is unknown")
    return uuid.UUID(causation)
