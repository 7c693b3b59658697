"""AuthorizePayment: the request is recorded in the handler's transaction, the call comes after."""

import pytest

from oms.contexts.payments.application.authorize import authorize_payment
from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.application.sending import send_request
from oms.contexts.payments.contracts.events import PaymentAuthorized, PaymentFailed
from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.ids import OrderId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from tests.contexts.payments.unit.fakes import (
    ORDER,
    FakeClock,
    FakeGateway,
    FakeGatewayCalls,
    FakeUnitOfWork,
    authorize_command,
)


def authorize(uow: FakeUnitOfWork, calls: FakeGatewayCalls, **command: str) -> Payment:
    authorize_payment(authorize_command(**command), uow=uow, clock=FakeClock(), calls=calls)
    payment = uow.payments.for_order(OrderId(ORDER))
    assert payment is not None
    return payment


def test_authorizing_opens_the_orders_payment_with_a_request_and_sends_it_after_commit(uow, calls):
    payment = authorize(uow, calls)

    [request] = payment.ledger
    assert (request.operation, request.entry_type) == (Operation.AUTHORIZE, EntryType.REQUEST)
    assert calls.sent == [(payment.id, request.idempotency_key)]
    assert uow.published == []
    assert uow.commits == 1


def test_a_resent_command_resends_the_pending_request_under_the_same_key_and_asks_nothing_new(uow, calls):
    payment = authorize(uow, calls)
    again = authorize(uow, calls)

    assert again is payment
    assert len(payment.ledger) == 1
    assert calls.sent == [(payment.id, payment.ledger[0].idempotency_key)] * 2


def test_a_resent_command_after_the_answer_is_told_the_answer_again_and_nothing_is_sent(uow, calls):
    payment = authorize(uow, calls)
    send_request(
        payment.id,
        payment.ledger[0].idempotency_key,
        uow=uow,
        gateway=FakeGateway(),
        clock=FakeClock(),
        calls=calls,
    )

    authorize(uow, calls)

    assert [type(message) for message in uow.published] == [PaymentAuthorized, PaymentAuthorized]
    assert len(calls.sent) == 1


def test_a_resent_command_after_a_decline_is_told_of_the_failure_again(uow, calls):
    payment = authorize(uow, calls, token="tok_chargeDeclined")
    declined = FakeGateway(GatewayAnswer.declined("Your card was declined."))
    send_request(
        payment.id,
        payment.ledger[0].idempotency_key,
        uow=uow,
        gateway=declined,
        clock=FakeClock(),
        calls=calls,
    )

    authorize(uow, calls)

    assert uow.published[0] == uow.published[1]
    assert isinstance(uow.published[1], PaymentFailed)
    assert (uow.published[1].kind, uow.published[1].reason) == ("declined", "Your card was declined.")


@pytest.mark.parametrize(("amount", "token"), [("0", "tok_visa"), ("10.00", "4242424242424242")])
def test_an_authorization_the_rules_refuse_is_answered_as_declined_and_nothing_is_sent(
    uow, calls, amount, token
):
    payment = authorize(uow, calls, amount=amount, token=token)

    [failed] = uow.published
    assert isinstance(failed, PaymentFailed)
    assert (failed.kind, failed.payment_id) == ("declined", payment.id.value)
    assert payment.ledger == ()
    assert payment.status is PaymentStatus.NONE
    assert calls.sent == []
