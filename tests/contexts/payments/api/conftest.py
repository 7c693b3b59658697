"""Payments made through the real handlers, and callers with each role, for the HTTP tests."""

import uuid
from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from oms.contexts.payments.contracts.commands import CapturePayment
from oms.contexts.payments.infrastructure import gateways
from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
from tests.contexts.payments.integration.conftest import authorize, deliver, refund

WEBHOOK_SECRET = "whsec_test_0123456789"


@pytest.fixture(autouse=True)
def payments_settings(settings) -> None:
    settings.MESSAGING_NUDGE_ON_COMMIT = False  # outbox rows stay put; the relay is not under test
    settings.PAYMENT_WEBHOOK_SECRETS = {"stripe": WEBHOOK_SECRET}


@pytest.fixture
def sandbox() -> Iterator[SandboxGateway]:
    with gateways.using(SandboxGateway(timeout=0.01)) as gateway:
        assert isinstance(gateway, SandboxGateway)
        yield gateway


@pytest.fixture
def pay(sandbox, django_capture_on_commit_callbacks) -> Callable[..., uuid.UUID]:
    """An order's payment through the bus: authorized, and optionally captured and refunded."""

    def pay(token: str = "tok_visa", *, capture: bool = False, refunds: tuple[str, ...] = ()) -> uuid.UUID:
        order = uuid.uuid4()
        messages = [authorize(order, token=token, amount="49.90")]
        messages += [CapturePayment(order_id=order)] if capture else []
        messages += [refund(order, amount) for amount in refunds]
        for message in messages:
            with django_capture_on_commit_callbacks(execute=True):
                deliver(message)
        return order

    return pay


@pytest.fixture
def as_role(django_user_model) -> Callable[[str], APIClient]:
    def as_role(role: str) -> APIClient:
        user = django_user_model.objects.create_user(f"{role}-{uuid.uuid4().hex[:8]}", password="pw")
        user.groups.set([Group.objects.get(name=role)])
        client = APIClient()
        client.force_authenticate(user)
        return client

    return as_role
