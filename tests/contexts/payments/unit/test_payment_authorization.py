from datetime import UTC, datetime

import pytest

from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.events import PaymentAuthorized, PaymentFailed
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition
from oms.shared_kernel.money import CurrencyMismatch, Money

AT = datetime(2025, 3, 1, 12, 5, tzinfo=UTC)
VISA = PaymentMethodToken("tok_visa")


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def request_authorization(payment: Payment, amount: str = "100.00") -> str:
    return payment.request_authorization(amount=eur(amount), method=VISA, actor="saga", at=AT).idempotency_key


def test_a_new_payment_is_in_status_none_and_holds_no_money(payment: Payment) -> None:
    assert payment.status is PaymentStatus.NONE
    assert payment.authorized_amount == payment.captured_amount == payment.refunded_amount == eur("0")
    assert payment.ledger == ()


def test_requesting_authorization_records_a_request_under_a_deterministic_key(payment: Payment) -> None:
    entry = payment.request_authorization(amount=eur("100.00"), method=VISA, actor="saga", at=AT)

    assert entry.idempotency_key == f"{payment.id}:authorize:1"
    assert (entry.sequence, entry.operation, entry.entry_type) == (1, Operation.AUTHORIZE, EntryType.REQUEST)
    assert (entry.amount, entry.actor, entry.at) == (eur("100.00"), "saga", AT)
    assert payment.method == VISA
    assert payment.ledger == (entry,)


def test_a_requested_authorization_changes_no_amount_and_records_no_event(payment: Payment) -> None:
    request_authorization(payment)

    assert payment.status is PaymentStatus.NONE
    assert payment.authorized_amount == eur("0")
    assert payment.pending_events == ()


def test_a_redelivered_authorize_command_finds_the_request_awaiting_its_answer(payment: Payment) -> None:
    key = request_authorization(payment)

    pending = payment.pending_request(Operation.AUTHORIZE)

    assert pending is not None
    assert pending.idempotency_key == key
    assert payment.outcome_of(key) is None


def test_a_successful_authorization_authorizes_the_amount_and_records_payment_authorized(
    payment: Payment,
) -> None:
    key = request_authorization(payment)

    assert payment.record_success(key, provider_reference="ch_1", at=AT) is True

    assert payment.status is PaymentStatus.AUTHORIZED
    assert payment.authorized_amount == eur("100.00")
    assert payment.pending_request(Operation.AUTHORIZE) is None
    assert payment.pull_events() == [
        PaymentAuthorized(
            payment_id=payment.id,
            order_id=payment.order_id,
            idempotency_key=key,
            amount=eur("100.00"),
            provider_reference="ch_1",
            occurred_at=AT,
        )
    ]


@pytest.mark.parametrize("kind", list(FailureKind))
def test_a_failed_authorization_fails_the_payment_and_says_why(payment: Payment, kind: FailureKind) -> None:
    key = request_authorization(payment)

    payment.record_failure(key, kind=kind, reason="insufficient funds", at=AT)

    assert payment.status is PaymentStatus.FAILED
    assert payment.authorized_amount == eur("0")
    [event] = payment.pull_events()
    assert isinstance(event, PaymentFailed)
    assert (event.kind, event.reason, event.amount) == (kind, "insufficient funds", eur("100.00"))


def test_authorization_is_never_requested_twice_for_one_payment(payment: Payment) -> None:
    request_authorization(payment)

    with pytest.raises(IllegalTransition, match="already requested"):
        request_authorization(payment)


def test_an_authorized_payment_cannot_be_authorized_again(authorized: Payment) -> None:
    with pytest.raises(IllegalTransition, match="authorized cannot be authorized"):
        request_authorization(authorized)


def test_a_failed_payment_cannot_be_authorized_again(payment: Payment) -> None:
    key = request_authorization(payment)
    payment.record_failure(key, kind=FailureKind.DECLINED, reason="declined", at=AT)

    with pytest.raises(IllegalTransition, match="failed cannot be authorized"):
        request_authorization(payment)


@pytest.mark.parametrize("amount", ["0", "-5.00"])
def test_authorization_refuses_an_amount_that_is_not_positive(payment: Payment, amount: str) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        request_authorization(payment, amount)

    assert refused.value.rule == "amount_is_positive_in_payment_currency"
    assert payment.ledger == ()


def test_authorization_refuses_an_amount_in_another_currency(payment: Payment) -> None:
    with pytest.raises(CurrencyMismatch):
        payment.request_authorization(amount=Money("10.00", "USD"), method=VISA, actor="saga", at=AT)


@pytest.mark.parametrize("answered", [False, True])
def test_nothing_but_authorization_is_possible_before_the_payment_is_authorized(
    payment: Payment, answered: bool
) -> None:
    key = request_authorization(payment)
    if answered:
        payment.record_failure(key, kind=FailureKind.GATEWAY_UNAVAILABLE, reason="timeout", at=AT)

    with pytest.raises(IllegalTransition):
        payment.request_capture(actor="saga", at=AT)
    with pytest.raises(IllegalTransition):
        payment.request_void(actor="saga", at=AT)
    with pytest.raises(IllegalTransition):
        payment.request_refund(amount=eur("1.00"), reason="goodwill", actor="support", at=AT)
