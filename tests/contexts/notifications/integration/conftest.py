"""Helpers of the notifications integration tests: order events through the real consumer, a real
customer and order, and a real SMTP server and webhook receiver on loopback."""

import uuid
from collections.abc import Iterator

import pytest
from django.utils import timezone

from oms.contexts.identity.infrastructure.models import User
from oms.contexts.inventory import facade as inventory
from oms.contexts.notifications.infrastructure import tasks
from oms.contexts.notifications.infrastructure.messaging import SUBSCRIPTIONS
from oms.contexts.notifications.infrastructure.models import NotificationRecord, WebhookSubscriptionRecord
from oms.contexts.orders import facade as orders
from oms.contexts.orders.contracts import events
from oms.contexts.orders.contracts.dtos import AddressData, ItemRequest, OrderView, PlaceOrderRequest
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.registry import registry
from oms.shared_kernel.messages import IntegrationMessage, MoneyPayload
from tests.contexts.notifications.integration.smtp_server import Mailbox, serving
from tests.contexts.notifications.integration.webhook_receiver import Receiver, receiving

HANDLERS = dict(SUBSCRIPTIONS)
ADDRESS = AddressData(
    name="Ada Lovelace", line1="12 St James's Square", city="London", postal_code="SW1Y 4JH", country="GB"
)


def envelope(message: IntegrationMessage, *, message_id: uuid.UUID | None = None) -> dict:
    return Envelope(
        id=message_id or uuid.uuid4(),
        type=message.message_type,
        occurred_at=timezone.now(),
        aggregate_id=str(getattr(message, "order_id", "")),
        correlation_id="req-test",
        causation_id=None,
        payload=registry.serialize(message),
    ).to_dict()


def deliver(message: IntegrationMessage, *, message_id: uuid.UUID | None = None) -> Outcome:
    """Deliver as the bus does, to the notifications handler subscribed to the message's type."""
    return consume(envelope(message, message_id=message_id), HANDLERS[type(message)])


def shipped(order: OrderView, tracking_number: str = "JD014600006281230000") -> events.OrderShipped:
    return events.OrderShipped(
        order_id=order.id,
        customer_id=order.customer_id,
        number=order.number,
        carrier="DHL",
        tracking_number=tracking_number,
    )


def delivered(order: OrderView) -> events.OrderDelivered:
    return events.OrderDelivered(order_id=order.id, customer_id=order.customer_id, number=order.number)


def notifications(channel: str | None = None) -> list[NotificationRecord]:
    rows = NotificationRecord.objects.order_by("created_at", "channel")
    return list(rows.filter(channel=channel) if channel else rows)


@pytest.fixture(autouse=True)
def notification_settings(settings) -> None:
    settings.MESSAGING_NUDGE_ON_COMMIT = False  # the relay is not under test: events are delivered by hand
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    settings.NOTIFICATIONS_RETRY_BASE_DELAY = 0.0
    settings.NOTIFICATIONS_WEBHOOK_TIMEOUT = 0.3
    settings.DEFAULT_FROM_EMAIL = "Mugs & Co <orders@mugs.example>"


@pytest.fixture(autouse=True)
def _fresh_smtp_connection() -> Iterator[None]:
    """Each test's SMTP server is new: a connection kept from the previous test must not be reused."""
    tasks.MAIL.close()
    yield
    tasks.MAIL.close()


@pytest.fixture
def customer(db) -> User:
    return User.objects.create_user(
        subject=f"sub-{uuid.uuid4().hex[:10]}", email="ada@example.com", name="Ada Lovelace"
    )


@pytest.fixture
def order(customer) -> OrderView:
    """A real order of the customer's, placed through the orders' facade with stock from the inventory's."""
    for sku, price in (("MUG-BLUE", "12.50"), ("TEA-EARL", "7.90")):
        inventory.create_product(sku=sku, name=sku.title(), price=MoneyPayload(amount=price, currency="EUR"))
        inventory.adjust_stock(sku=sku, delta=10, reason="opening", actor="user:wh", correlation_id="c-open")
    basket = PlaceOrderRequest(
        items=(ItemRequest(sku="MUG-BLUE", quantity=2), ItemRequest(sku="TEA-EARL", quantity=1)),
        shipping_address=ADDRESS,
        currency="EUR",
        payment_token="tok_visa",
    )
    return orders.place_order(customer_id=customer.id, roles=frozenset({"customer"}), request=basket)


@pytest.fixture
def smtp(settings) -> Iterator[Mailbox]:
    with serving(Mailbox()) as mailbox:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", mailbox.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield mailbox


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving(Receiver()) as running:
        yield running


@pytest.fixture
def subscription(db, receiver) -> WebhookSubscriptionRecord:
    return WebhookSubscriptionRecord.objects.create(
        name="ERP", url=receiver.url, event_types=["order.shipped", "order.delivered"]
    )
