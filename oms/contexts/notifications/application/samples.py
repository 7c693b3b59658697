"""Believable sample data for every topic: the back office previews each template with it."""

import uuid
from datetime import UTC, datetime

from oms.contexts.notifications.application.composing import template_context
from oms.contexts.notifications.application.ports import Contact, OrderDetails, OrderLine
from oms.contexts.notifications.application.topics import Fact, OrderNews, Topic
from oms.shared_kernel.money import Money

ORDER = OrderDetails(
    lines=(
        OrderLine(
            sku="MUG-BLUE", quantity=2, unit_price=Money("12.50", "EUR"), line_total=Money("25.00", "EUR")
        ),
        OrderLine(
            sku="TEA-EARL", quantity=1, unit_price=Money("7.90", "EUR"), line_total=Money("7.90", "EUR")
        ),
    ),
    total=Money("32.90", "EUR"),
)
CONTACT = Contact(name="Ada Lovelace", email="ada@example.com")
FACTS: dict[Topic, dict[str, Fact]] = {
    Topic.ORDER_CONFIRMED: {"total": {"amount": "32.90", "currency": "EUR"}},
    Topic.ORDER_REJECTED: {"reason": "The payment was declined by the card issuer."},
    Topic.ORDER_CANCELLED: {"reason": "Cancelled at the customer's request."},
    Topic.ORDER_SHIPPED: {"carrier": "DHL", "tracking_number": "JD014600006281230000"},
    Topic.ORDER_DELIVERED: {},
    Topic.ORDER_REFUNDED: {
        "amount": {"amount": "12.50", "currency": "EUR"},
        "refunded_total": {"amount": "12.50", "currency": "EUR"},
        "fully": False,
    },
}


def sample_news(topic: Topic) -> OrderNews:
    return OrderNews(
        message_id=uuid.UUID(int=0),
        topic=topic,
        order_id=uuid.UUID("00000000-0000-4000-8000-000000000001"),
        customer_id=uuid.UUID("00000000-0000-4000-8000-000000000002"),
        number="SO-000042",
        occurred_at=datetime(2026, 12, 4, 9, 30, tzinfo=UTC),
        facts=FACTS[topic],
    )


def sample_context(topic: Topic) -> dict[str, object]:
    return template_context(sample_news(topic), ORDER, CONTACT)
