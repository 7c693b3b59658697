"""Sending a recorded request: the provider's answer becomes the event the saga waits for."""

import pytest

from oms.contexts.payments.application.authorize import authorize_payment
from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.application.sending import send_request
from oms.contexts.payments.application.settle import capture_payment
from oms.contexts.payments.contracts.commands import CapturePayment
from oms.contexts.payments.contracts.events import PaymentAuthorized, PaymentCaptured, PaymentFailed
from oms.contexts.payments.domain.ids import OrderId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.payments.unit.fakes import (
    ORDER,
    FakeClock,
    FakeGateway,
    FakeGatewayCalls,
    FakeUnitOfWork,
    authorize_command,
)


def requested(uow: FakeUnitOfWork, calls: FakeGatewayCalls) -> Payment:
    authorize_payment(authorize_command("25.50"), uow=uow, clock=FakeClock(), calls=calls)
    payment = uow.payments.for_order(OrderId(ORDER))
    assert payment is not None
    return payment


def send(uow, calls, gateway: FakeGateway, index: int = -1) -> GatewayAnswer | None:
    payment_id, key = calls.sent[index]
    return send_request(payment_id, key, uow=uow, gateway=gateway, clock=FakeClock(), calls=calls)


def test_an_approved_authorization_is_recorded_and_published_with_its_amount(uow, calls):
    payment = requested(uow, calls)

    send(uow, calls, FakeGateway(GatewayAnswer.approved("pi_42")))

    assert payment.status is PaymentStatus.AUTHORIZED
    assert payment.ledger[-1].provider_reference == "pi_42"
    assert uow.published == [
        PaymentAuthorized(
            order_id=ORDER, payment_id=payment.id.value, amount=MoneyPayload(amount="25.50", currency="EUR")
        )
    ]


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (GatewayAnswer.declined("Your card was declined."), "declined"),
        (GatewayAnswer.unavailable("timed out (after 3 attempts)"), "gateway_unavailable"),
    ],
)
def test_a_failed_authorization_says_whether_the_card_or_the_gateway_failed(uow, calls, answer, kind):
    payment = requested(uow, calls)

    send(uow, calls, FakeGateway(answer))

    [failed] = uow.published
    assert isinstance(failed, PaymentFailed)
    assert (failed.kind, failed.reason) == (kind, answer.reason)
    assert payment.status is PaymentStatus.FAILED


def test_a_request_answered_before_it_was_sent_is_not_sent_at_all(uow, calls):
    requested(uow, calls)
    send(uow, calls, FakeGateway())
    gateway = FakeGateway()

    assert send(uow, calls, gateway) is None

    assert gateway.calls == {}
    assert len(uow.published) == 1


def test_an_answer_still_in_progress_records_nothing_and_waits_for_the_webhook(uow, calls):
    payment = requested(uow, calls)

    send(uow, calls, FakeGateway(GatewayAnswer.in_progress("pi_slow")))

    assert len(payment.ledger) == 1
    assert uow.published == []


def test_a_capture_is_sent_with_the_authorizations_reference_and_its_amount(uow, calls):
    payment = requested(uow, calls)
    send(uow, calls, FakeGateway(GatewayAnswer.approved("pi_42")))
    capture_payment(CapturePayment(order_id=ORDER), uow=uow, clock=FakeClock(), calls=calls)
    gateway = FakeGateway(GatewayAnswer.approved("ch_1"))

    send(uow, calls, gateway)

    [(operation, details)] = gateway.asked
    assert (operation, details["authorization"], str(details["amount"])) == ("capture", "pi_42", "25.50 EUR")
    assert isinstance(uow.published[-1], PaymentCaptured)
    assert payment.status is PaymentStatus.CAPTURED
