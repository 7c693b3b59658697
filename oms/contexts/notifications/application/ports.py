"""Ports of the notifications application: what it reads, where it stores, how it sends, when.

Infrastructure implements them over Django, Celery, SMTP, HTTP and the other contexts' facades; the
unit tests implement them in memory.
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.contracts.dtos import NotificationPage
from oms.contexts.notifications.domain.channels import Channel, DeliveryStatus
from oms.contexts.notifications.domain.notification import Notification, NotificationId
from oms.shared_kernel.money import Money
from oms.shared_kernel.unit_of_work import UnitOfWork


@dataclass(frozen=True, kw_only=True)
class OrderLine:
    sku: str
    quantity: int
    unit_price: Money
    line_total: Money


@dataclass(frozen=True, kw_only=True)
class OrderDetails:
    """What an e-mail shows of the order: its lines and total, as the orders context knows them now."""

    lines: tuple[OrderLine, ...]
    total: Money


@dataclass(frozen=True, kw_only=True)
class Contact:
    name: str
    email: str


@dataclass(frozen=True, kw_only=True)
class WebhookEndpoint:
    subscription_id: uuid.UUID
    url: str


@dataclass(frozen=True, kw_only=True)
class Rendered:
    subject: str
    text: str
    html: str = ""


class OrderBook(Protocol):
    def details(self, order_id: uuid.UUID, *, customer_id: uuid.UUID) -> OrderDetails | None:
        """The customer's order, or None if they have no such order. SourceUnavailable if unreachable."""
        ...


class Directory(Protocol):
    def contact(self, customer_id: uuid.UUID) -> Contact | None:
        """How to reach the customer, or None for an unknown or disabled one."""
        ...


class Subscriptions(Protocol):
    def listening_to(self, topic: Topic) -> list[WebhookEndpoint]:
        """The active webhook subscriptions that asked for ``topic``."""
        ...


class Templates(Protocol):
    def render(self, topic: Topic, channel: Channel, context: Mapping[str, object]) -> Rendered: ...


@dataclass(frozen=True, kw_only=True)
class Sources:
    """Everything a notification is made from, read before its transaction opens."""

    orders: OrderBook
    directory: Directory
    subscriptions: Subscriptions
    templates: Templates


class NotificationRepository(Protocol):
    def get(self, notification_id: NotificationId) -> Notification | None:
        """The notification, locked for the rest of the transaction: one worker changes it at a time."""
        ...

    def exists(self, message_id: uuid.UUID, channel: Channel, target: str) -> bool:
        """Whether the event already produced a notification for this destination (resends aside)."""
        ...

    def add(self, notification: Notification) -> None: ...

    def save(self, notification: Notification) -> None: ...


class NotificationsUnitOfWork(UnitOfWork, Protocol):
    @property
    def notifications(self) -> NotificationRepository: ...


class Dispatcher(Protocol):
    def send_after_commit(self, notification_id: NotificationId) -> None:
        """Have the notification sent once the current transaction has committed (never before)."""
        ...


class DeliveryFailed(Exception):
    """A try that did not deliver. ``permanent``: trying again cannot help (the subscription is gone)."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


class Transport(Protocol):
    def send(self, notification: Notification) -> None:
        """Deliver it once, or raise DeliveryFailed with a reason free of personal data."""
        ...


class SourceUnavailable(Exception):
    """Another context could not be asked now; the event is handled again later, nothing is lost."""


class Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True, kw_only=True)
class NotificationSearch:
    recipient_id: uuid.UUID
    channel: Channel | None = None
    status: DeliveryStatus | None = None
    offset: int = 0
    limit: int = 20


class NotificationReader(Protocol):
    def page(self, search: NotificationSearch) -> NotificationPage:
        """The recipient's notifications the search selects, newest first, and how many in all."""
        ...
