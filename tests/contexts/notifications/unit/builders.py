"""Notifications as the domain makes them, for the unit tests."""

import uuid
from datetime import timedelta

from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import (
    Cause,
    Content,
    Destination,
    Notification,
    NotificationId,
)
from oms.contexts.notifications.domain.retry import RetryPolicy
from tests.contexts.notifications.unit.fakes import START

LEASE = timedelta(seconds=60)
POLICY = RetryPolicy(max_attempts=3, base_delay_seconds=10, max_delay_seconds=25)


def a_notification(channel: Channel = Channel.EMAIL) -> Notification:
    customer = uuid.uuid4()
    return Notification(
        NotificationId.new(),
        cause=Cause(
            message_id=uuid.uuid4(), topic="order.shipped", order_id=uuid.uuid4(), order_number="SO-1"
        ),
        destination=Destination(
            channel=channel, target=str(customer), address="ada@example.com", recipient_id=customer
        ),
        content=Content(subject="Your order SO-1 is on its way", body="Shipped.\n", html="<p>Shipped.</p>"),
        created_at=START,
    )
