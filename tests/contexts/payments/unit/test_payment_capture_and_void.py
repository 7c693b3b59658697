from datetime import UTC, datetime

import pytest

from oms.contexts.payments.domain.entries import Operation
from oms.contexts.payments.domain.events import (
    PaymentCaptured,
    PaymentCaptureFailed,
    PaymentVoided,
    PaymentVoidFailed,
)
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition
from oms.shared_kernel.money import Money

AT = datetime(2025, 3, 2, 9, 0, tzinfo=UTC)


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def test_a_capture_takes_the_whole_authorization_unless_told_otherwise(authorized: Payment) -> None:
    request = authorized.request_capture(actor="warehouse", at=AT)

    assert request.idempotency_key == f"{authorized.id}:capture:1"
    assert request.amount == eur("100.00")
    assert authorized.status is PaymentStatus.AUTHORIZED
    assert authorized.captured_amount == eur("0")


def test_a_successful_capture_captures_the_amount_and_records_payment_captured(authorized: Payment) -> None:
    key = authorized.request_capture(actor="warehouse", at=AT).idempotency_key

    authorized.record_success(key, provider_reference="ch_cap", at=AT)

    assert authorized.status is PaymentStatus.CAPTURED
    assert authorized.captured_amount == authorized.balance == eur("100.00")
    [event] = authorized.pull_events()
    assert isinstance(event, PaymentCaptured)
    assert (event.amount, event.provider_reference, event.idempotency_key) == (eur("100.00"), "ch_cap", key)


def test_a_partial_capture_captures_only_what_was_asked(authorized: Payment) -> None:
    key = authorized.request_capture(amount=eur("60.00"), actor="warehouse", at=AT).idempotency_key

    authorized.record_success(key, provider_reference="ch_cap", at=AT)

    assert authorized.captured_amount == eur("60.00")
    assert authorized.authorized_amount == eur("100.00")
    assert authorized.status is PaymentStatus.CAPTURED


def test_a_capture_cannot_exceed_the_authorization(authorized: Payment) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        authorized.request_capture(amount=eur("100.01"), actor="warehouse", at=AT)

    assert refused.value.rule == "captures_never_exceed_authorization"
    assert "Only 100.00 EUR was authorized" in refused.value.message


def test_a_capture_of_nothing_is_refused(authorized: Payment) -> None:
    with pytest.raises(BusinessRuleViolation, match="more than nothing"):
        authorized.request_capture(amount=eur("0"), actor="warehouse", at=AT)


def test_a_failed_capture_leaves_the_authorization_standing_and_may_be_retried(authorized: Payment) -> None:
    first = authorized.request_capture(actor="warehouse", at=AT).idempotency_key
    authorized.record_failure(first, kind=FailureKind.GATEWAY_UNAVAILABLE, reason="timeout", at=AT)

    retry = authorized.request_capture(actor="sweeper", at=AT)

    assert authorized.status is PaymentStatus.AUTHORIZED
    assert retry.idempotency_key == f"{authorized.id}:capture:2"
    [event] = authorized.pull_events()
    assert isinstance(event, PaymentCaptureFailed)
    assert (event.kind, event.reason) == (FailureKind.GATEWAY_UNAVAILABLE, "timeout")


@pytest.mark.parametrize("in_flight", [Operation.CAPTURE, Operation.VOID])
def test_capture_and_void_wait_for_the_answer_to_one_already_in_flight(
    authorized: Payment, in_flight: Operation
) -> None:
    if in_flight is Operation.CAPTURE:
        authorized.request_capture(actor="warehouse", at=AT)
    else:
        authorized.request_void(actor="saga", at=AT)

    with pytest.raises(
        IllegalTransition, match=f"A {in_flight.value} of this payment is already in progress"
    ):
        authorized.request_capture(actor="warehouse", at=AT)
    with pytest.raises(IllegalTransition, match="already in progress"):
        authorized.request_void(actor="saga", at=AT)


def test_a_captured_payment_can_be_neither_captured_again_nor_voided(captured: Payment) -> None:
    with pytest.raises(IllegalTransition, match="captured cannot be captured"):
        captured.request_capture(actor="warehouse", at=AT)
    with pytest.raises(IllegalTransition, match="captured cannot be voided"):
        captured.request_void(actor="saga", at=AT)


def test_a_void_releases_the_whole_authorization_and_records_payment_voided(authorized: Payment) -> None:
    request = authorized.request_void(actor="saga", at=AT)

    authorized.record_success(request.idempotency_key, provider_reference="void_1", at=AT)

    assert request.idempotency_key == f"{authorized.id}:void:1"
    assert authorized.status is PaymentStatus.VOIDED
    assert authorized.captured_amount == authorized.balance == eur("0")
    [event] = authorized.pull_events()
    assert isinstance(event, PaymentVoided)
    assert event.amount == eur("100.00")


def test_a_failed_void_leaves_the_hold_on_the_card_and_may_be_retried(authorized: Payment) -> None:
    key = authorized.request_void(actor="saga", at=AT).idempotency_key
    authorized.record_failure(key, kind=FailureKind.DECLINED, reason="already expired", at=AT)

    retry = authorized.request_void(actor="saga", at=AT)

    assert authorized.status is PaymentStatus.AUTHORIZED
    assert retry.idempotency_key == f"{authorized.id}:void:2"
    assert [type(event) for event in authorized.pull_events()] == [PaymentVoidFailed]


def test_a_voided_payment_can_be_neither_captured_voided_nor_refunded(authorized: Payment) -> None:
    key = authorized.request_void(actor="saga", at=AT).idempotency_key
    authorized.record_success(key, provider_reference="void_1", at=AT)

    with pytest.raises(IllegalTransition, match="voided cannot be captured"):
        authorized.request_capture(actor="warehouse", at=AT)
    with pytest.raises(IllegalTransition, match="voided cannot be voided"):
        authorized.request_void(actor="saga", at=AT)
    with pytest.raises(IllegalTransition, match="voided cannot be refunded"):
        authorized.request_refund(amount=eur("1.00"), reason="goodwill", actor="support", at=AT)
