"""Who listens to what: subscriptions per message type, and every context's outbox table.

Contexts register in their AppConfig.ready(); the platform never imports a context. A handler has a
stable name (``inventory.reserve_stock``) that keys its inbox rows, and runs on its context's queue.
"""

from collections.abc import Callable
from dataclasses import dataclass

from oms.platform.messaging.models import InboxMessage, OutboxMessage
from oms.platform.messaging.registry import registry
from oms.shared_kernel.messages import IntegrationMessage

Handler = Callable[[IntegrationMessage], None]


@dataclass(frozen=True)
class Subscription:
    name: str
    message_type: str
    queue: str
    handler: Handler
    inbox: type[InboxMessage]


class MessageBus:
    def __init__(self) -> None:
        self._by_name: dict[str, Subscription] = {}
        self._by_type: dict[str, list[Subscription]] = {}
        self._outboxes: dict[str, type[OutboxMessage]] = {}

    def add_outbox(self, model: type[OutboxMessage]) -> None:
        self._outboxes[model._meta.label] = model

    def outboxes(self) -> list[type[OutboxMessage]]:
        return list(self._outboxes.values())

    def subscribe(
        self,
        message_class: type[IntegrationMessage],
        handler: Handler,
        *,
        name: str,
        queue: str,
        inbox: type[InboxMessage],
    ) -> None:
        registry.register(message_class)
        existing = self._by_name.get(name)
        if existing is not None:
            if existing.handler is handler and existing.message_type == message_class.message_type:
                return
            raise ValueError(f"a handler named {name!r} is already subscribed")
        subscription = Subscription(name, message_class.message_type, queue, handler, inbox)
        self._by_name[name] = subscription
        self._by_type.setdefault(subscription.message_type, []).append(subscription)

    def unsubscribe(self, name: str) -> None:
        subscription = self._by_name.pop(name)
        self._by_type[subscription.message_type].remove(subscription)

    def subscribers(self, message_type: str) -> list[Subscription]:
        return list(self._by_type.get(message_type, ()))

    def handler_names(self) -> list[str]:
        return sorted(self._by_name)

    def inboxes(self) -> list[type[InboxMessage]]:
        return list({subscription.inbox for subscription in self._by_name.values()})

    def subscription(self, name: str) -> Subscription:
        try:
            return self._by_name[name]
        except KeyError:
            raise LookupError(f"no handler named {name!r} is subscribed") from None


bus = MessageBus()
