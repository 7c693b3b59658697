"""Ports of the payments application: persistence, the clock, the provider, and what runs later.

Infrastructure implements them over Django, Celery and the provider's API; the unit tests implement
them in memory (fakes).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.shared_kernel.money import Money
from oms.shared_kernel.unit_of_work import UnitOfWork


class PaymentRepository(Protocol):
    def get(self, payment_id: PaymentId) -> Payment | None:
        """The payment, locked for the rest of the transaction so answers are recorded one at a time."""
        ...

    def for_order(self, order_id: OrderId) -> Payment | None:
        """The order's payment (one per order), locked like ``get``."""
        ...

    def add(self, payment: Payment) -> None: ...

    def save(self, payment: Payment) -> None:
        """Stores the new ledger lines; refuses (ConcurrentUpdate) if someone saved it meanwhile."""
        ...


class ProviderEvents(Protocol):
    def first_time(self, provider: str, event_id: str) -> bool:
        """Remembers the provider's event id; False if it was handled before (a redelivered webhook)."""
        ...


class PaymentsUnitOfWork(UnitOfWork, Protocol):
    @property
    def payments(self) -> PaymentRepository: ...

    @property
    def provider_events(self) -> ProviderEvents: ...


@dataclass(frozen=True, kw_only=True)
class PaymentSearch:
    order_id: OrderId | None = None
    status: PaymentStatus | None = None
    offset: int = 0
    limit: int = 20


class PaymentReader(Protocol):
    """The read side: payments as stored, for the facade's questions; never locks anything."""

    def get(self, payment_id: PaymentId) -> Payment | None: ...

    def for_order(self, order_id: OrderId) -> Payment | None: ...

    def search(self, search: PaymentSearch) -> tuple[list[Payment], int]:
        """The page of payments the search selects, newest first, and how many match in all."""
        ...


class ConcurrentUpdate(Exception):
    """The payment changed since it was read; the caller's transaction must be retried from the start."""


class Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True, kw_only=True)
class GatewayAnswer:
    """What the provider said: approved with its reference, or a failure of some kind."""

    reference: str | None = None
    failure: FailureKind | None = None
    reason: str = ""
    pending: bool = False

    @classmethod
    def approved(cls, reference: str) -> "GatewayAnswer":
        return cls(reference=reference)

    @classmethod
    def declined(cls, reason: str) -> "GatewayAnswer":
        return cls(failure=FailureKind.DECLINED, reason=reason)

    @classmethod
    def unavailable(cls, reason: str) -> "GatewayAnswer":
        return cls(failure=FailureKind.GATEWAY_UNAVAILABLE, reason=reason)

    @classmethod
    def in_progress(cls, reference: str) -> "GatewayAnswer":
        """The provider took the request but answers later (an asynchronous refund): by webhook."""
        return cls(reference=reference, pending=True)


class PaymentGateway(Protocol):
    """The provider. Every call carries an idempotency key: the same key never moves money twice.

    Adapters answer rather than raise: a timeout, an outage or an open circuit breaker is an
    ``unavailable`` answer, after whatever retries the adapter judged safe.
    """

    def authorize(
        self,
        *,
        idempotency_key: str,
        amount: Money,
        method: PaymentMethodToken,
        payment_id: PaymentId,
        order_id: OrderId,
    ) -> GatewayAnswer: ...

    def capture(self, *, idempotency_key: str, authorization: str, amount: Money) -> GatewayAnswer: ...

    def void(self, *, idempotency_key: str, authorization: str) -> GatewayAnswer: ...

    def refund(
        self, *, idempotency_key: str, authorization: str, amount: Money, payment_id: PaymentId
    ) -> GatewayAnswer: ...


class GatewayCalls(Protocol):
    """Sends a recorded request to the provider once the transaction that recorded it has committed.

    The call itself must never run inside a database transaction: a slow provider would hold row
    locks and a connection for seconds, and a rollback could not take back money that moved.
    """

    def send_after_commit(self, payment_id: PaymentId, idempotency_key: str) -> None: ...

    def void_stray_authorization_after_commit(self, payment_id: PaymentId, authorization: str) -> None:
        """The provider authorized after we had recorded a failure: release that hold."""
        ...
