"""Helpers of the payments integration tests: envelopes through the real consumer, outbox rows."""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from oms.contexts.payments.contracts.commands import (
    AuthorizePayment,
    CapturePayment,
    RefundPayment,
    VoidPayment,
)
from oms.contexts.payments.infrastructure import gateways
from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
from oms.contexts.payments.infrastructure.models import PaymentsOutbox
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.registry import registry
from oms.shared_kernel.messages import IntegrationMessage, MoneyPayload

AUTHORIZE, CAPTURE = "payments.authorize_payment", "payments.capture_payment"
VOID, REFUND = "payments.void_payment", "payments.refund_payment"
HANDLERS: dict[type[IntegrationMessage], str] = {
    AuthorizePayment: AUTHORIZE,
    CapturePayment: CAPTURE,
    VoidPayment: VOID,
    RefundPayment: REFUND,
}


def envelope(message: IntegrationMessage, *, message_id: uuid.UUID | None = None) -> dict[str, Any]:
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
    return consume(envelope(message, message_id=message_id), HANDLERS[type(message)])


def authorize(order: uuid.UUID, token: str = "tok_visa", amount: str = "49.90") -> AuthorizePayment:
    return AuthorizePayment(
        order_id=order, amount=MoneyPayload(amount=amount, currency="EUR"), payment_token=token
    )


def refund(order: uuid.UUID, amount: str, refund_id: uuid.UUID | None = None) -> RefundPayment:
    return RefundPayment(
        order_id=order,
        refund_id=refund_id or uuid.uuid4(),
        amount=MoneyPayload(amount=amount, currency="EUR"),
        reason="damaged",
    )


def outbox() -> list[tuple[str, dict[str, Any]]]:
    return [(row.type, row.payload) for row in PaymentsOutbox.objects.order_by("created_at")]


def outbox_types() -> list[str]:
    return [kind for kind, _ in outbox()]


@pytest.fixture(autouse=True)
def quiet_relay(settings) -> None:
    """The relay is not under test here: outbox rows stay where the assertions read them."""
    settings.MESSAGING_NUDGE_ON_COMMIT = False


@pytest.fixture
def sandbox() -> Iterator[SandboxGateway]:
    with gateways.using(SandboxGateway(timeout=0.01)) as gateway:
        assert isinstance(gateway, SandboxGateway)
        yield gateway
