"""The provider's answers: the first one to a request is final, whatever arrives after it."""

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.errors import UnknownPaymentRequest
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.errors import InvalidValue, NotFound
from oms.shared_kernel.money import CurrencyMismatch, Money

AT = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def refund(payment: Payment, amount: str) -> str:
    entry = payment.request_refund(amount=eur(amount), reason="damaged", actor="support", at=AT)
    return entry.idempotency_key


def rebuilt(payment: Payment) -> Payment:
    """What a repository does: a new aggregate from the stored ledger."""
    return Payment(
        payment.id,
        order_id=payment.order_id,
        currency=payment.currency,
        method=payment.method,
        entries=payment.ledger,
    )


def test_a_redelivered_success_is_ignored_and_records_nothing(captured: Payment) -> None:
    key = refund(captured, "30.00")
    captured.record_success(key, provider_reference="re_1", at=AT)
    captured.pull_events()
    ledger = captured.ledger

    assert captured.record_success(key, provider_reference="re_1", at=AT + timedelta(minutes=1)) is False

    assert captured.ledger == ledger
    assert captured.pending_events == ()
    assert captured.refunded_amount == eur("30.00")


def test_a_late_success_after_a_recorded_failure_changes_nothing(captured: Payment) -> None:
    key = refund(captured, "30.00")
    captured.record_failure(key, kind=FailureKind.GATEWAY_UNAVAILABLE, reason="timeout", at=AT)

    assert captured.record_success(key, provider_reference="re_late", at=AT + timedelta(hours=1)) is False

    assert captured.refunded_amount == eur("0")
    outcome = captured.outcome_of(key)
    assert outcome is not None
    assert outcome.entry_type is EntryType.FAILURE


def test_a_late_failure_after_a_recorded_success_changes_nothing(
    payment: Payment, authorized: Payment
) -> None:
    key = f"{authorized.id}:authorize:1"

    assert authorized.record_failure(key, kind=FailureKind.DECLINED, reason="late", at=AT) is False

    assert authorized.status is PaymentStatus.AUTHORIZED
    assert authorized.pending_events == ()


def test_an_answer_to_a_request_never_made_is_refused(authorized: Payment) -> None:
    with pytest.raises(UnknownPaymentRequest) as refused:
        authorized.record_success(f"{authorized.id}:refund:7", provider_reference="re_x", at=AT)

    assert isinstance(refused.value, NotFound)
    with pytest.raises(UnknownPaymentRequest):
        authorized.record_failure("someone-else:capture:1", kind=FailureKind.DECLINED, reason="?", at=AT)


def test_refund_answers_arriving_out_of_order_add_up_the_same(captured: Payment) -> None:
    first, second = refund(captured, "30.00"), refund(captured, "20.00")

    captured.record_success(second, provider_reference="re_2", at=AT)
    captured.record_success(first, provider_reference="re_1", at=AT)

    assert captured.refunded_amount == eur("50.00")
    assert captured.pending_request(Operation.REFUND) is None


def test_an_answer_copies_its_request_and_adds_who_answered_when(authorized: Payment) -> None:
    key = authorized.request_capture(actor="warehouse", at=AT).idempotency_key
    later = AT + timedelta(seconds=3)

    authorized.record_success(key, provider_reference="ch_cap", at=later, actor="webhook:sandbox")

    answer = authorized.outcome_of(key)
    assert answer is not None
    assert (answer.operation, answer.amount, answer.sequence) == (Operation.CAPTURE, eur("100.00"), 4)
    assert (answer.actor, answer.at, answer.provider_reference) == ("webhook:sandbox", later, "ch_cap")
    assert [event.occurred_at for event in authorized.pull_events()] == [later]


def test_a_payment_rebuilt_from_its_ledger_has_the_same_amounts_status_and_next_keys(
    captured: Payment,
) -> None:
    captured.record_success(refund(captured, "25.00"), provider_reference="re_1", at=AT)
    refund(captured, "5.00")

    copy = rebuilt(captured)

    assert (copy.status, copy.authorized_amount, copy.captured_amount) == (
        PaymentStatus.PARTIALLY_REFUNDED,
        eur("100.00"),
        eur("100.00"),
    )
    assert (copy.refunded_amount, copy.refund_in_progress_amount) == (eur("25.00"), eur("5.00"))
    assert refund(copy, "1.00") == f"{captured.id}:refund:3"


def test_a_stored_ledger_that_contradicts_itself_is_refused_on_load(captured: Payment) -> None:
    entries = list(captured.ledger)
    answer_to_nothing = dataclasses.replace(entries[1], idempotency_key="unknown", sequence=len(entries) + 1)
    wrong_amount = dataclasses.replace(entries[3], amount=eur("99.00"))

    with pytest.raises(InvalidValue, match="no request awaiting"):
        Payment(
            captured.id, order_id=captured.order_id, currency="EUR", entries=[*entries, answer_to_nothing]
        )
    with pytest.raises(InvalidValue, match="does not match its request"):
        Payment(captured.id, order_id=captured.order_id, currency="EUR", entries=[*entries[:3], wrong_amount])
    with pytest.raises(InvalidValue, match="arrived where"):
        Payment(captured.id, order_id=captured.order_id, currency="EUR", entries=entries[1:])
    with pytest.raises(CurrencyMismatch):
        Payment(captured.id, order_id=captured.order_id, currency="USD", entries=entries)


def test_a_payment_needs_an_iso_currency(payment: Payment) -> None:
    with pytest.raises(InvalidValue):
        Payment(payment.id, order_id=payment.order_id, currency="EURO")
