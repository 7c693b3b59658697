"""Random requests and random answers (repeated, late, out of order) never corrupt a payment.

Every move the naive model deems legal must be accepted and every other one refused with the
domain's own error; after every step the aggregate's figures must equal the model's plain sums.
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from oms.contexts.payments.domain import events
from oms.contexts.payments.domain.entries import LedgerEntry, Operation
from oms.contexts.payments.domain.errors import UnknownPaymentRequest
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.money import Money
from tests.contexts.payments.unit.payment_model import PaymentModel

EXPECTED_EVENT: dict[tuple[Operation, bool], type[events.PaymentEvent]] = {
    (Operation.AUTHORIZE, True): events.PaymentAuthorized,
    (Operation.AUTHORIZE, False): events.PaymentFailed,
    (Operation.CAPTURE, True): events.PaymentCaptured,
    (Operation.CAPTURE, False): events.PaymentCaptureFailed,
    (Operation.VOID, True): events.PaymentVoided,
    (Operation.VOID, False): events.PaymentVoidFailed,
    (Operation.REFUND, True): events.PaymentRefunded,
    (Operation.REFUND, False): events.PaymentRefundFailed,
}
AMOUNT_RULES = {"amount_is_positive_in_payment_currency"}
NOT_CAPTURED = {PaymentStatus.NONE, PaymentStatus.FAILED, PaymentStatus.AUTHORIZED, PaymentStatus.VOIDED}

# Just past a limit (1 cent), far past it, or an amount of nothing (0) or less (-1).
out_of_bounds = st.sampled_from([1, 0, -1]) | st.integers(min_value=2, max_value=1_000)


def eur(cents: int) -> Money:
    return Money.from_minor_units(cents, "EUR")


def authorized(machine: "PaymentUnderRandomTraffic") -> bool:
    return machine.model.succeeded(Operation.AUTHORIZE) > 0


class PaymentUnderRandomTraffic(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.payment = Payment(PaymentId.new(), order_id=OrderId.new(), currency="EUR")
        self.model = PaymentModel()
        self.now = datetime(2025, 3, 1, tzinfo=UTC)

    def tick(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now

    def attempt(self, legal: bool, cents: int, request: Callable[[], LedgerEntry]) -> None:
        ledger = self.payment.ledger
        if not legal:
            with pytest.raises(BusinessRuleViolation):
                request()
            assert self.payment.ledger == ledger
            return
        entry = request()
        assert entry.amount == eur(cents)
        self.model.requested[entry.idempotency_key] = (entry.operation, cents)

    # -- requests ---------------------------------------------------------------------------------

    @initialize(cents=st.integers(min_value=1, max_value=1_000))
    def open_with_an_authorization_request(self, cents: int) -> None:
        self.request_authorization(cents)

    @rule(cents=st.integers(min_value=-1, max_value=1_000))
    def request_authorization(self, cents: int) -> None:
        token, legal = PaymentMethodToken("tok_visa"), not self.model.requested and cents > 0
        self.attempt(
            legal,
            cents,
            lambda: self.payment.request_authorization(
                amount=eur(cents), method=token, actor="saga", at=self.tick()
            ),
        )

    @precondition(authorized)
    @rule(data=st.data(), whole=st.booleans())
    def request_capture(self, data: st.DataObject, whole: bool) -> None:
        limit = self.model.succeeded(Operation.AUTHORIZE)
        cents = limit if whole else data.draw(st.integers(1, limit), label="cents")
        amount = None if whole else eur(cents)
        self.attempt(
            self.model.can_capture_or_void(),
            cents,
            lambda: self.payment.request_capture(amount=amount, actor="ops", at=self.tick()),
        )

    @precondition(authorized)
    @rule()
    def request_void(self) -> None:
        self.attempt(
            self.model.can_capture_or_void(),
            self.model.succeeded(Operation.AUTHORIZE),
            lambda: self.payment.request_void(actor="saga", at=self.tick()),
        )

    @precondition(authorized)
    @rule(data=st.data(), all_that_is_left=st.booleans())
    def request_refund(self, data: st.DataObject, all_that_is_left: bool) -> None:
        left = self.model.still_refundable()
        cents = left if all_that_is_left else data.draw(st.integers(1, max(left, 1)), label="cents")
        self.attempt(
            self.model.succeeded(Operation.CAPTURE) > 0 and 0 < cents <= left,
            cents,
            lambda: self.payment.request_refund(
                amount=eur(cents), reason="r", actor="support", at=self.tick()
            ),
        )

    @precondition(lambda self: self.model.can_capture_or_void())
    @rule(beyond=out_of_bounds)
    def request_a_capture_of_more_than_was_authorized_or_of_nothing(self, beyond: int) -> None:
        cents = self.model.succeeded(Operation.AUTHORIZE) + beyond if beyond > 0 else beyond
        with pytest.raises(BusinessRuleViolation) as refused:
            self.payment.request_capture(amount=eur(cents), actor="ops", at=self.tick())
        assert refused.value.rule in {*AMOUNT_RULES, "captures_never_exceed_authorization"}

    @precondition(lambda self: self.model.still_refundable() > 0)
    @rule(beyond=out_of_bounds)
    def request_a_refund_of_more_than_is_left_or_of_nothing(self, beyond: int) -> None:
        cents = self.model.still_refundable() + beyond if beyond > 0 else beyond
        with pytest.raises(BusinessRuleViolation) as refused:
            self.payment.request_refund(amount=eur(cents), reason="r", actor="support", at=self.tick())
        assert refused.value.rule in {*AMOUNT_RULES, "refunds_never_exceed_captures"}

    # -- answers ----------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.model.awaiting()))
    @rule(
        data=st.data(), success=st.sampled_from([True, True, True, False]), kind=st.sampled_from(FailureKind)
    )
    def answer_any_request_in_flight(self, data: st.DataObject, success: bool, kind: FailureKind) -> None:
        """Any of them, not the oldest: answers arrive out of order."""
        self.answer(data.draw(st.sampled_from(self.model.awaiting()), label="key"), success, kind)

    @precondition(lambda self: bool(self.model.answered))
    @rule(data=st.data(), success=st.booleans(), kind=st.sampled_from(FailureKind))
    def answer_an_answered_request_again(self, data: st.DataObject, success: bool, kind: FailureKind) -> None:
        """A redelivered webhook, or a late reply contradicting the first answer."""
        self.answer(data.draw(st.sampled_from(sorted(self.model.answered)), label="key"), success, kind)

    def answer(self, key: str, success: bool, kind: FailureKind) -> None:
        first, ledger_length = key not in self.model.answered, len(self.payment.ledger)
        if success:
            recorded = self.payment.record_success(key, provider_reference=f"ref-{key}", at=self.tick())
        else:
            recorded = self.payment.record_failure(key, kind=kind, reason="no", at=self.tick())
        assert recorded is first
        assert len(self.payment.ledger) == ledger_length + first
        if first:
            self.model.answered[key] = success
        self.check_events(key, success if first else None)

    def check_events(self, key: str, success: bool | None) -> None:
        recorded = self.payment.pull_events()
        if success is None:
            assert recorded == []
            return
        [event] = recorded
        assert type(event) is EXPECTED_EVENT[(self.model.requested[key][0], success)]
        if isinstance(event, events.PaymentRefunded):
            assert event.total_refunded == eur(self.model.succeeded(Operation.REFUND))

    @rule(ordinal=st.integers(min_value=1, max_value=50), operation=st.sampled_from(Operation))
    def answer_a_request_never_made(self, ordinal: int, operation: Operation) -> None:
        key = f"{self.payment.id}:{operation.value}:{ordinal}"
        if key in self.model.requested:
            key = f"{OrderId.new()}:{operation.value}:{ordinal}"
        with pytest.raises(UnknownPaymentRequest):
            self.payment.record_success(key, provider_reference="forged", at=self.tick())

    # -- invariants -------------------------------------------------------------------------------

    @invariant()
    def refunds_never_exceed_captures_which_never_exceed_the_authorization(self) -> None:
        payment = self.payment
        assert payment.refunded_amount <= payment.captured_amount <= payment.authorized_amount
        assert payment.refunded_amount + payment.refund_in_progress_amount <= payment.captured_amount

    @invariant()
    def the_balance_is_always_captured_minus_refunded(self) -> None:
        payment = self.payment
        assert (
            payment.balance == payment.captured_amount - payment.refunded_amount == payment.refundable_amount
        )

    @invariant()
    def the_figures_are_the_sums_of_the_first_answers(self) -> None:
        assert self.payment.authorized_amount == eur(self.model.succeeded(Operation.AUTHORIZE))
        assert self.payment.captured_amount == eur(self.model.succeeded(Operation.CAPTURE))
        assert self.payment.refunded_amount == eur(self.model.succeeded(Operation.REFUND))
        assert self.payment.status is self.model.status()

    @invariant()
    def the_status_agrees_with_the_amounts(self) -> None:
        status, captured, refunded = (
            self.payment.status,
            self.payment.captured_amount,
            self.payment.refunded_amount,
        )
        zero = eur(0)
        assert (captured == zero) is (status in NOT_CAPTURED)
        assert (refunded == zero) is (status in {*NOT_CAPTURED, PaymentStatus.CAPTURED})
        assert (zero < refunded < captured) is (status is PaymentStatus.PARTIALLY_REFUNDED)
        assert (zero < refunded == captured) is (status is PaymentStatus.REFUNDED)

    @invariant()
    def a_payment_rebuilt_from_its_ledger_is_the_same_payment(self) -> None:
        payment = self.payment
        copy = Payment(payment.id, order_id=payment.order_id, currency="EUR", entries=payment.ledger)
        assert (copy.status, copy.balance, copy.refund_in_progress_amount) == (
            payment.status,
            payment.balance,
            payment.refund_in_progress_amount,
        )
        for operation in Operation:
            pending = [entry.idempotency_key for entry in copy.pending_requests(operation)]
            assert pending == self.model.pending(operation)


PaymentUnderRandomTraffic.TestCase.settings = settings(stateful_step_count=50)
TestAnyMixOfRequestsAndAnswersKeepsThePaymentConsistent = PaymentUnderRandomTraffic.TestCase
