"""Capture and void are state-guarded: a repeat is answered again, an illegal move is reported."""

import pytest

from oms.contexts.payments.application.authorize import authorize_payment
from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.application.sending import send_request
from oms.contexts.payments.application.settle import capture_payment, void_payment
from oms.contexts.payments.contracts.commands import CapturePayment, VoidPayment
from oms.contexts.payments.contracts.events import PaymentCaptured, PaymentOperationFailed, PaymentVoided
from oms.contexts.payments.domain.ids import OrderId
from oms.contexts.payments.domain.payment import Payment
from tests.contexts.payments.unit.fakes import (
    ORDER,
    FakeClock,
    FakeGateway,
    authorize_command,
)

CAPTURE, VOID = CapturePayment(order_id=ORDER), VoidPayment(order_id=ORDER, reason="cancelled")


def answer_last(uow, calls, answer: GatewayAnswer) -> None:
    payment_id, key = calls.sent[-1]
    send_request(payment_id, key, uow=uow, gateway=FakeGateway(answer), clock=FakeClock(), calls=calls)


def authorized(uow, calls, answer: GatewayAnswer | None = None) -> Payment:
    authorize_payment(authorize_command(), uow=uow, clock=FakeClock(), calls=calls)
    answer_last(uow, calls, answer or GatewayAnswer.approved("pi_1"))
    payment = uow.payments.for_order(OrderId(ORDER))
    assert payment is not None
    uow.published.clear()
    return payment


def run(command: CapturePayment | VoidPayment, uow, calls) -> None:
    handler = capture_payment if isinstance(command, CapturePayment) else void_payment
    handler(command, uow=uow, clock=FakeClock(), calls=calls)


@pytest.mark.parametrize("command", [CAPTURE, VOID])
def test_settling_an_authorized_payment_records_the_request_and_sends_it(uow, calls, command):
    payment = authorized(uow, calls)

    run(command, uow, calls)

    assert calls.sent[-1] == (payment.id, payment.ledger[-1].idempotency_key)
    assert uow.published == []


def test_a_capture_resent_while_in_flight_goes_out_again_under_the_same_key(uow, calls):
    authorized(uow, calls)
    run(CAPTURE, uow, calls)

    run(CAPTURE, uow, calls)

    assert calls.sent[-1] == calls.sent[-2]


@pytest.mark.parametrize(("command", "event"), [(CAPTURE, PaymentCaptured), (VOID, PaymentVoided)])
def test_settling_twice_answers_the_first_outcome_again_without_calling_the_provider(
    uow, calls, command, event
):
    authorized(uow, calls)
    run(command, uow, calls)
    answer_last(uow, calls, GatewayAnswer.approved("ref"))
    sent = len(calls.sent)

    run(command, uow, calls)

    assert [type(message) for message in uow.published] == [event, event]
    assert len(calls.sent) == sent


@pytest.mark.parametrize(
    ("first", "then", "reason"),
    [
        (CAPTURE, VOID, "A payment that is captured cannot be voided."),
        (VOID, CAPTURE, "A payment that is voided cannot be captured."),
    ],
)
def test_settling_the_other_way_after_the_first_is_reported_as_a_failed_operation(
    uow, calls, first, then, reason
):
    payment = authorized(uow, calls)
    run(first, uow, calls)
    answer_last(uow, calls, GatewayAnswer.approved("ref"))
    uow.published.clear()

    run(then, uow, calls)

    operation = "void" if then is VOID else "capture"
    assert uow.published == [
        PaymentOperationFailed(
            order_id=ORDER, payment_id=payment.id.value, operation=operation, reason=reason
        )
    ]


def test_capturing_a_payment_not_authorized_yet_is_reported_and_sends_nothing(uow, calls):
    authorize_payment(authorize_command(), uow=uow, clock=FakeClock(), calls=calls)

    run(CAPTURE, uow, calls)

    [failed] = uow.published
    assert isinstance(failed, PaymentOperationFailed)
    assert failed.reason == "A payment that is not authorized yet cannot be captured."
    assert len(calls.sent) == 1


def test_voiding_a_payment_whose_authorization_failed_is_quietly_nothing_to_do(uow, calls):
    authorized(uow, calls, GatewayAnswer.declined("no"))

    run(VOID, uow, calls)

    assert uow.published == []


def test_a_failed_capture_is_published_as_a_failed_operation_and_may_be_tried_again(uow, calls):
    payment = authorized(uow, calls)
    run(CAPTURE, uow, calls)
    answer_last(uow, calls, GatewayAnswer.unavailable("timeout"))

    run(CAPTURE, uow, calls)

    [failed] = uow.published
    assert isinstance(failed, PaymentOperationFailed)
    assert (failed.operation, failed.reason) == ("capture", "gateway_unavailable: timeout")
    assert calls.sent[-1] == (payment.id, f"{payment.id}:capture:2")


@pytest.mark.parametrize("command", [CAPTURE, VOID])
def test_a_command_for_an_order_without_a_payment_is_ignored(uow, calls, command):
    run(command, uow, calls)

    assert (uow.published, calls.sent) == ([], [])
