from datetime import UTC, datetime

import pytest

from oms.contexts.payments.domain.entries import Operation
from oms.contexts.payments.domain.events import PaymentRefunded, PaymentRefundFailed
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition
from oms.shared_kernel.money import Money

AT = datetime(2025, 3, 9, 15, 30, tzinfo=UTC)


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def refund(payment: Payment, amount: str) -> str:
    entry = payment.request_refund(amount=eur(amount), reason="damaged", actor="support", at=AT)
    return entry.idempotency_key


def refunded(payment: Payment, amount: str) -> None:
    payment.record_success(refund(payment, amount), provider_reference="re_1", at=AT)


def test_a_refund_request_records_its_reason_under_a_numbered_key(captured: Payment) -> None:
    first = captured.request_refund(amount=eur("10.00"), reason="damaged", actor="support", at=AT)
    second = captured.request_refund(amount=eur("5.00"), reason="late", actor="support", at=AT)

    assert (first.idempotency_key, first.reason) == (f"{captured.id}:refund:1", "damaged")
    assert (second.idempotency_key, second.reason) == (f"{captured.id}:refund:2", "late")
    assert captured.pending_requests(Operation.REFUND) == (first, second)
    assert captured.refunded_amount == eur("0")


def test_a_partial_refund_partially_refunds_the_payment(captured: Payment) -> None:
    key = refund(captured, "30.00")

    captured.record_success(key, provider_reference="re_1", at=AT)

    assert captured.status is PaymentStatus.PARTIALLY_REFUNDED
    assert (captured.refunded_amount, captured.balance) == (eur("30.00"), eur("70.00"))
    [event] = captured.pull_events()
    assert isinstance(event, PaymentRefunded)
    assert (event.amount, event.total_refunded, event.fully_refunded) == (eur("30.00"), eur("30.00"), False)
    assert (event.idempotency_key, event.provider_reference) == (key, "re_1")


def test_a_full_refund_refunds_the_payment(captured: Payment) -> None:
    refunded(captured, "100.00")

    assert captured.status is PaymentStatus.REFUNDED
    assert captured.balance == captured.refundable_amount == eur("0")
    [event] = captured.pull_events()
    assert isinstance(event, PaymentRefunded)
    assert (event.total_refunded, event.fully_refunded) == (eur("100.00"), True)


def test_partial_refunds_that_add_up_to_the_capture_refund_the_payment(captured: Payment) -> None:
    refunded(captured, "40.00")
    refunded(captured, "60.00")

    assert captured.status is PaymentStatus.REFUNDED
    assert [
        event.total_refunded for event in captured.pull_events() if isinstance(event, PaymentRefunded)
    ] == [
        eur("40.00"),
        eur("100.00"),
    ]


def test_a_refund_cannot_exceed_what_was_captured(captured: Payment) -> None:
    refunded(captured, "70.00")

    with pytest.raises(BusinessRuleViolation) as refused:
        refund(captured, "30.01")

    assert refused.value.rule == "refunds_never_exceed_captures"
    assert "Only 30.00 EUR can still be refunded" in refused.value.message


def test_refunds_awaiting_an_answer_count_against_what_can_still_be_refunded(captured: Payment) -> None:
    refund(captured, "60.00")

    with pytest.raises(BusinessRuleViolation, match=r"60\.00 EUR is already being refunded"):
        refund(captured, "40.01")
    refund(captured, "40.00")

    assert captured.refund_in_progress_amount == eur("100.00")


def test_a_failed_refund_makes_its_amount_refundable_again(captured: Payment) -> None:
    key = refund(captured, "100.00")

    captured.record_failure(key, kind=FailureKind.DECLINED, reason="card closed", at=AT)

    assert captured.refund_in_progress_amount == eur("0")
    assert captured.status is PaymentStatus.CAPTURED
    assert [type(event) for event in captured.pull_events()] == [PaymentRefundFailed]
    refund(captured, "100.00")


def test_a_refund_after_a_partial_capture_is_limited_by_the_capture_not_the_authorization(
    authorized: Payment,
) -> None:
    key = authorized.request_capture(amount=eur("50.00"), actor="warehouse", at=AT).idempotency_key
    authorized.record_success(key, provider_reference="ch_cap", at=AT)

    with pytest.raises(BusinessRuleViolation, match=r"Only 50\.00 EUR can still be refunded"):
        refund(authorized, "50.01")


@pytest.mark.parametrize("amount", ["0", "-1.00"])
def test_a_refund_of_nothing_or_less_is_refused(captured: Payment, amount: str) -> None:
    with pytest.raises(BusinessRuleViolation, match="more than nothing"):
        refund(captured, amount)


def test_a_fully_refunded_payment_cannot_be_refunded_again(captured: Payment) -> None:
    refunded(captured, "100.00")

    with pytest.raises(IllegalTransition, match="refunded cannot be refunded"):
        refund(captured, "0.01")


def test_a_payment_that_is_only_authorized_cannot_be_refunded(authorized: Payment) -> None:
    with pytest.raises(IllegalTransition, match="authorized cannot be refunded"):
        refund(authorized, "1.00")


def test_a_partially_refunded_payment_can_be_neither_captured_nor_voided(captured: Payment) -> None:
    refunded(captured, "1.00")

    with pytest.raises(IllegalTransition, match="partially refunded cannot be captured"):
        captured.request_capture(actor="warehouse", at=AT)
    with pytest.raises(IllegalTransition, match="partially refunded cannot be voided"):
        captured.request_void(actor="saga", at=AT)
