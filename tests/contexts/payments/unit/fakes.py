"""In-memory fakes of the payments application's ports, shared by the test_application_* modules.

(Named test_application_* only so it sits with the tests it serves; it holds no tests itself.)
"""

import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Self

from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.contracts.commands import AuthorizePayment
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.shared_kernel.messages import IntegrationMessage, MoneyPayload
from oms.shared_kernel.money import Money

ORDER = uuid.UUID("00000000-0000-4000-8000-0000000000aa")


class FakePaymentRepository:
    def __init__(self) -> None:
        self.payments: dict[PaymentId, Payment] = {}

    def get(self, payment_id: PaymentId) -> Payment | None:
        return self.payments.get(payment_id)

    def for_order(self, order_id: OrderId) -> Payment | None:
        return next((p for p in self.payments.values() if p.order_id == order_id), None)

    def add(self, payment: Payment) -> None:
        self.payments[payment.id] = payment

    def save(self, payment: Payment) -> None:
        assert payment.id in self.payments, "saved a payment that was never added"
        payment.version += 1


class FakeProviderEvents:
    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def first_time(self, provider: str, event_id: str) -> bool:
        first = (provider, event_id) not in self.seen
        self.seen.add((provider, event_id))
        return first


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.payments = FakePaymentRepository()
        self.provider_events = FakeProviderEvents()
        self.published: list[IntegrationMessage] = []
        self._pending: list[IntegrationMessage] = []
        self.commits = 0

    def __enter__(self) -> Self:
        self._pending = []
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._pending = []

    def publish(self, message: IntegrationMessage, *, aggregate_id: str) -> None:
        self._pending.append(message)

    def commit(self) -> None:
        self.published.extend(self._pending)
        self._pending = []
        self.commits += 1


class FakeClock:
    def __init__(self) -> None:
        self.moment = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


class FakeGatewayCalls:
    def __init__(self) -> None:
        self.sent: list[tuple[PaymentId, str]] = []
        self.stray_voids: list[tuple[PaymentId, str]] = []

    def send_after_commit(self, payment_id: PaymentId, idempotency_key: str) -> None:
        self.sent.append((payment_id, idempotency_key))

    def void_stray_authorization_after_commit(self, payment_id: PaymentId, authorization: str) -> None:
        self.stray_voids.append((payment_id, authorization))


class FakeGateway:
    """Answers ``answer`` to everything, deduplicating by key as a provider does; counts per key."""

    def __init__(self, answer: GatewayAnswer | None = None) -> None:
        self.answer = answer or GatewayAnswer.approved("pi_1")
        self.calls: Counter[str] = Counter()
        self.asked: list[tuple[str, dict[str, object]]] = []

    def _ask(self, operation: str, key: str, **details: object) -> GatewayAnswer:
        self.calls[key] += 1
        self.asked.append((operation, details))
        return self.answer

    def authorize(
        self,
        *,
        idempotency_key: str,
        amount: Money,
        method: PaymentMethodToken,
        payment_id: PaymentId,
        order_id: OrderId,
    ) -> GatewayAnswer:
        return self._ask("authorize", idempotency_key, amount=amount, method=method)

    def capture(self, *, idempotency_key: str, authorization: str, amount: Money) -> GatewayAnswer:
        return self._ask("capture", idempotency_key, authorization=authorization, amount=amount)

    def void(self, *, idempotency_key: str, authorization: str) -> GatewayAnswer:
        return self._ask("void", idempotency_key, authorization=authorization)

    def refund(
        self, *, idempotency_key: str, authorization: str, amount: Money, payment_id: PaymentId
    ) -> GatewayAnswer:
        return self._ask("refund", idempotency_key, authorization=authorization, amount=amount)


def authorize_command(
    amount: str = "100.00", token: str = "tok_visa", order: uuid.UUID = ORDER
) -> AuthorizePayment:
    return AuthorizePayment(
        order_id=order, amount=MoneyPayload(amount=amount, currency="EUR"), payment_token=token
    )
