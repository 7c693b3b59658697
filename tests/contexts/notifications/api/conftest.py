"""Signed-in users with notifications made by delivering real order events to the real handlers."""

import uuid
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from oms.contexts.identity.infrastructure.models import User
from oms.contexts.orders.contracts import events
from tests.contexts.notifications.integration.conftest import deliver

NOTIFICATIONS = "/api/v1/notifications/"


@pytest.fixture(autouse=True)
def quiet_relay(settings) -> None:
    settings.MESSAGING_NUDGE_ON_COMMIT = False


def a_user(email: str = "someone@example.com") -> User:
    return User.objects.create_user(subject=f"sub-{uuid.uuid4().hex[:10]}", email=email, name="Someone")


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def told(django_capture_on_commit_callbacks) -> Callable[..., None]:
    """``told(user, "SO-1", "SO-2")``: the user's orders were delivered, and they were told."""

    def told(user: User, *numbers: str) -> None:
        for number in numbers:
            event = events.OrderDelivered(order_id=uuid.uuid4(), customer_id=user.id, number=number)
            with django_capture_on_commit_callbacks(execute=True):
                deliver(event)

    return told
