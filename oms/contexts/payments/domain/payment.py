"""The Payment aggregate: the money side of one order, read from its ledger."""

from collections.abc import Iterable
from datetime import datetime

from oms.contexts.payments.domain import rules
from oms.contexts.payments.domain.entries import EntryType, LedgerEntry, Operation
from oms.contexts.payments.domain.events import failure_event, success_event
from oms.contexts.payments.domain.ids import OrderId, PaymentId, RefundId
from oms.contexts.payments.domain.ledger import Ledger
from oms.contexts.payments.domain.status import PaymentStatus, derive_status
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.money import Money, minor_units

GATEWAY_ACTOR = "gateway"


class Payment(AggregateRoot[PaymentId]):
    """Every provider call is two steps, because the call happens outside any database transaction:
    a ``request_*`` method refuses an illegal move or records the intent under a deterministic
    idempotency key, then ``record_success`` or ``record_failure`` records the provider's answer.
    The first answer to a request is final and later ones are ignored, so a redelivered webhook or
    a late reply after a timeout cannot change an amount twice.
    """

    def __init__(
        self,
        id: PaymentId,
        *,
        order_id: OrderId,
        currency: str,
        method: PaymentMethodToken | None = None,
        entries: Iterable[LedgerEntry] = (),
        version: int = 0,
    ) -> None:
        super().__init__(id, version=version)
        minor_units(currency)  # refuses a code that is not ISO 4217 before any entry needs it
        self.order_id = order_id
        self.currency = currency
        self.method = method
        self._ledger = Ledger(currency, entries)

    @property
    def ledger(self) -> tuple[LedgerEntry, ...]:
        return self._ledger.entries

    @property
    def status(self) -> PaymentStatus:
        return derive_status(self._ledger)

    @property
    def authorized_amount(self) -> Money:
        return self._ledger.succeeded_total(Operation.AUTHORIZE)

    @property
    def captured_amount(self) -> Money:
        return self._ledger.succeeded_total(Operation.CAPTURE)

    @property
    def refunded_amount(self) -> Money:
        return self._ledger.succeeded_total(Operation.REFUND)

    @property
    def balance(self) -> Money:
        """What the merchant holds of the customer's money right now."""
        return self.captured_amount - self.refunded_amount

    @property
    def refundable_amount(self) -> Money:
        return self.balance

    @property
    def refund_in_progress_amount(self) -> Money:
        return self._ledger.total(self._ledger.pending(Operation.REFUND))

    def pending_requests(self, operation: Operation) -> tuple[LedgerEntry, ...]:
        """Refunds may be in flight side by side; every other operation has at most one."""
        return self._ledger.pending(operation)

    def pending_request(self, operation: Operation) -> LedgerEntry | None:
        """The oldest request of ``operation`` still awaiting its answer: a redelivered command
        resends this one, under the same key, instead of asking the provider a second time."""
        pending = self._ledger.pending(operation)
        return pending[0] if pending else None

    def request_of(self, idempotency_key: str) -> LedgerEntry | None:
        return self._ledger.request(idempotency_key)

    def outcome_of(self, idempotency_key: str) -> LedgerEntry | None:
        """The recorded answer, or None while it is awaited (or if no such request was made)."""
        return self._ledger.answer(idempotency_key)

    def request_authorization(
        self, *, amount: Money, method: PaymentMethodToken, actor: str, at: datetime
    ) -> LedgerEntry:
        rules.status_allows(Operation.AUTHORIZE, self.status)
        rules.authorized_once(self._ledger.requests(Operation.AUTHORIZE))
        rules.amount_is_positive_in_payment_currency(amount, currency=self.currency)
        self.method = method
        return self._request(Operation.AUTHORIZE, amount, actor=actor, at=at)

    def request_capture(self, *, actor: str, at: datetime, amount: Money | None = None) -> LedgerEntry:
        """Captures the whole authorization unless ``amount`` asks for less; the rest is released."""
        rules.status_allows(Operation.CAPTURE, self.status)
        rules.one_capture_or_void_at_a_time(self._capture_or_void_in_progress())
        amount = self.authorized_amount if amount is None else amount
        rules.amount_is_positive_in_payment_currency(amount, currency=self.currency)
        rules.captures_never_exceed_authorization(amount, authorized=self.authorized_amount)
        return self._request(Operation.CAPTURE, amount, actor=actor, at=at)

    def request_void(self, *, actor: str, at: datetime) -> LedgerEntry:
        rules.status_allows(Operation.VOID, self.status)
        rules.one_capture_or_void_at_a_time(self._capture_or_void_in_progress())
        return self._request(Operation.VOID, self.authorized_amount, actor=actor, at=at)

    def refund_request(self, refund_id: RefundId) -> LedgerEntry | None:
        """The request a refund command with this id already made, or None."""
        return self._ledger.refund_request(refund_id)

    def request_refund(
        self, *, amount: Money, reason: str, actor: str, at: datetime, refund_id: RefundId | None = None
    ) -> LedgerEntry:
        rules.status_allows(Operation.REFUND, self.status)
        rules.amount_is_positive_in_payment_currency(amount, currency=self.currency)
        rules.refunds_never_exceed_captures(
            amount, refundable=self.refundable_amount, in_progress=self.refund_in_progress_amount
        )
        stem = str(self.id)
        return self._ledger.add_request(
            Operation.REFUND, amount, key_stem=stem, actor=actor, at=at, reason=reason, refund_id=refund_id
        )

    def record_success(
        self, idempotency_key: str, *, provider_reference: str, at: datetime, actor: str = GATEWAY_ACTOR
    ) -> bool:
        """Records the provider's yes; False (and nothing recorded) if this request was answered."""
        request = self._ledger.awaiting_answer(idempotency_key)
        if request is None:
            return False
        answer = self._ledger.add_answer(
            request, EntryType.SUCCESS, at=at, actor=actor, reference=provider_reference
        )
        self.record(success_event(answer, self._ledger, payment_id=self.id, order_id=self.order_id))
        return True

    def record_failure(
        self,
        idempotency_key: str,
        *,
        kind: FailureKind,
        reason: str,
        at: datetime,
        actor: str = GATEWAY_ACTOR,
    ) -> bool:
        """Records the provider's no (or its silence); False if this request was already answered."""
        request = self._ledger.awaiting_answer(idempotency_key)
        if request is None:
            return False
        answer = self._ledger.add_answer(
            request, EntryType.FAILURE, at=at, actor=actor, kind=kind, reason=reason
        )
        self.record(failure_event(answer, payment_id=self.id, order_id=self.order_id, kind=kind))
        return True

    def _capture_or_void_in_progress(self) -> tuple[LedgerEntry, ...]:
        return self._ledger.pending(Operation.CAPTURE) + self._ledger.pending(Operation.VOID)

    def _request(self, operation: Operation, amount: Money, *, actor: str, at: datetime) -> LedgerEntry:
        return self._ledger.add_request(operation, amount, key_stem=str(self.id), actor=actor, at=at)
