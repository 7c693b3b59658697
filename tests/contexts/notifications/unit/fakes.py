"""In-memory fakes of the notifications application's ports, shared by the unit tests."""

import copy
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Self

from oms.contexts.notifications.application.ports import (
    Contact,
    DeliveryFailed,
    OrderDetails,
    Rendered,
    Sources,
    WebhookEndpoint,
)
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import Notification, NotificationId
from oms.shared_kernel.messages import IntegrationMessage

START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = START) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


class FakeRepository:
    """Stores copies, as a database would: a change counts only once it is saved."""

    def __init__(self) -> None:
        self.rows: dict[NotificationId, Notification] = {}

    def get(self, notification_id: NotificationId) -> Notification | None:
        found = self.rows.get(notification_id)
        return copy.deepcopy(found) if found is not None else None

    def exists(self, message_id: uuid.UUID, channel: Channel, target: str) -> bool:
        return any(
            n.cause.message_id == message_id and n.channel is channel and n.destination.target == target
            for n in self.rows.values()
            if n.resend_of is None
        )

    def add(self, notification: Notification) -> None:
        assert notification.id not in self.rows, "added the same notification twice"
        self.rows[notification.id] = copy.deepcopy(notification)

    def save(self, notification: Notification) -> None:
        assert notification.id in self.rows, "saved a notification that was never added"
        self.rows[notification.id] = copy.deepcopy(notification)

    def all(self) -> list[Notification]:
        return list(self.rows.values())


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.notifications = FakeRepository()
        self.commits = 0
        self.is_open = False
        self._saved: dict[NotificationId, Notification] = {}

    def __enter__(self) -> Self:
        assert not self.is_open, "a unit of work was entered twice"
        self._saved = copy.deepcopy(self.notifications.rows)
        self._committed, self.is_open = False, True
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.is_open = False
        if not self._committed:
            self.notifications.rows = self._saved

    def publish(self, message: IntegrationMessage, *, aggregate_id: str) -> None:
        raise AssertionError("notifications publish nothing")

    def commit(self) -> None:
        self.commits += 1
        self._committed = True


class FakeDispatcher:
    def __init__(self) -> None:
        self.queued: list[NotificationId] = []

    def send_after_commit(self, notification_id: NotificationId) -> None:
        self.queued.append(notification_id)


class FakeOrders:
    def __init__(self, details: OrderDetails | None = None) -> None:
        self.found = details

    def details(self, order_id: uuid.UUID, *, customer_id: uuid.UUID) -> OrderDetails | None:
        return self.found


class FakeDirectory:
    def __init__(self, contact: Contact | None = None) -> None:
        self.found = contact

    def contact(self, customer_id: uuid.UUID) -> Contact | None:
        return self.found


class FakeSubscriptions:
    def __init__(self, endpoints: Mapping[Topic, list[WebhookEndpoint]] | None = None) -> None:
        self.endpoints = dict(endpoints or {})

    def listening_to(self, topic: Topic) -> list[WebhookEndpoint]:
        return self.endpoints.get(topic, [])


class RecordingTemplates:
    """Renders a line per topic and channel, and remembers the context each template was given."""

    def __init__(self) -> None:
        self.contexts: list[tuple[Topic, Channel, dict[str, object]]] = []

    def render(self, topic: Topic, channel: Channel, context: Mapping[str, object]) -> Rendered:
        self.contexts.append((topic, channel, dict(context)))
        html = f"<p>{topic.value}</p>" if channel is Channel.EMAIL else ""
        return Rendered(subject=f"{topic.value} {context['number']}", text=f"{channel.value} text", html=html)


class ScriptedTransport:
    """Fails with the scripted reasons in turn, then delivers; remembers what it delivered."""

    def __init__(self, *failures: DeliveryFailed) -> None:
        self.failures = list(failures)
        self.delivered: list[NotificationId] = []
        self.tries = 0

    def send(self, notification: Notification) -> None:
        self.tries += 1
        if self.failures:
            raise self.failures.pop(0)
        self.delivered.append(notification.id)


def sources(
    *,
    order: OrderDetails | None = None,
    contact: Contact | None = None,
    endpoints: Mapping[Topic, list[WebhookEndpoint]] | None = None,
) -> Sources:
    return Sources(
        orders=FakeOrders(order),
        directory=FakeDirectory(contact),
        subscriptions=FakeSubscriptions(endpoints),
        templates=RecordingTemplates(),
    )
