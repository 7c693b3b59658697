"""The orders' events, read once into the news a customer is told: a topic and the event's facts."""

import re
import uuid
from datetime import UTC, datetime

import pytest

from oms.contexts.notifications.application.topics import TOPICS, Topic, news_of
from oms.contexts.orders.contracts import events
from oms.shared_kernel.messages import MoneyPayload

HEADER = {"order_id": uuid.uuid4(), "customer_id": uuid.uuid4(), "number": "SO-000007"}
AT = datetime(2026, 12, 4, tzinfo=UTC)
EUR = MoneyPayload(amount="5.00", currency="EUR")


@pytest.mark.parametrize(
    ("event", "topic", "facts"),
    [
        (
            events.OrderConfirmed(**HEADER, total=EUR),
            Topic.ORDER_CONFIRMED,
            {"total": {"amount": "5.00", "currency": "EUR"}},
        ),
        (
            events.OrderRejected(**HEADER, reason="Out of stock"),
            Topic.ORDER_REJECTED,
            {"reason": "Out of stock"},
        ),
        (events.OrderCancelled(**HEADER, reason=""), Topic.ORDER_CANCELLED, {"reason": ""}),
        (
            events.OrderShipped(**HEADER, carrier="UPS", tracking_number="1Z999"),
            Topic.ORDER_SHIPPED,
            {"carrier": "UPS", "tracking_number": "1Z999"},
        ),
        (events.OrderDelivered(**HEADER), Topic.ORDER_DELIVERED, {}),
        (
            events.OrderRefunded(**HEADER, amount=EUR, refunded_total=EUR, fully=True),
            Topic.ORDER_REFUNDED,
            {
                "amount": {"amount": "5.00", "currency": "EUR"},
                "refunded_total": {"amount": "5.00", "currency": "EUR"},
                "fully": True,
            },
        ),
    ],
)
def test_each_order_event_a_customer_cares_about_becomes_news_of_its_topic(event, topic, facts):
    message_id = uuid.uuid4()

    news = news_of(event, message_id=message_id, occurred_at=AT)

    assert (news.topic, news.message_id, news.occurred_at, news.number) == (
        topic,
        message_id,
        AT,
        "SO-000007",
    )
    assert (news.order_id, news.customer_id) == (HEADER["order_id"], HEADER["customer_id"])
    assert news.facts == facts


def test_every_topic_has_exactly_one_event():
    assert sorted(TOPICS.values()) == sorted(Topic)


def test_an_order_placed_is_not_news_for_the_customer():
    placed = events.OrderPlaced(**HEADER, lines=(), total=EUR)

    with pytest.raises(
        TypeError, match=re.escape("orders.OrderPlaced.v1 is not an order event customers are told about")
    ):
        news_of(placed, message_id=uuid.uuid4(), occurred_at=AT)
