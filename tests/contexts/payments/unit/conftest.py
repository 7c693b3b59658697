"""Payments in each status the unit tests start from, built through the aggregate's own methods."""

import uuid
from datetime import UTC, datetime

import pytest

from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.shared_kernel.money import Money
from tests.contexts.payments.unit.fakes import FakeGatewayCalls, FakeUnitOfWork

PAYMENT_ID = PaymentId(uuid.UUID("00000000-0000-4000-8000-000000000001"))
ORDER_ID = OrderId(uuid.UUID("00000000-0000-4000-8000-0000000000aa"))
AUTHORIZED_AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def payment() -> Payment:
    return Payment(PAYMENT_ID, order_id=ORDER_ID, currency="EUR")


@pytest.fixture
def authorized(payment: Payment) -> Payment:
    """Authorized for 100.00 EUR, its events already handed over."""
    request = payment.request_authorization(
        amount=Money("100.00", "EUR"), method=PaymentMethodToken("tok_visa"), actor="saga", at=AUTHORIZED_AT
    )
    payment.record_success(request.idempotency_key, provider_reference="ch_auth", at=AUTHORIZED_AT)
    payment.pull_events()
    return payment


@pytest.fixture
def captured(authorized: Payment) -> Payment:
    """All 100.00 EUR captured, its events already handed over."""
    request = authorized.request_capture(actor="saga", at=AUTHORIZED_AT)
    authorized.record_success(request.idempotency_key, provider_reference="ch_capture", at=AUTHORIZED_AT)
    authorized.pull_events()
    return authorized


@pytest.fixture
def uow() -> FakeUnitOfWork:
    """The application's unit of work, in memory (tests/contexts/payments/unit/fakes.py)."""
    return FakeUnitOfWork()


@pytest.fixture
def calls() -> FakeGatewayCalls:
    return FakeGatewayCalls()
