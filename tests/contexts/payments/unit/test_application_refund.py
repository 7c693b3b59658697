"""Refunds: known by the saga's refund id, so a resent command never refunds twice."""

import uuid

import pytest

from oms.contexts.payments.application.authorize import authorize_payment
from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.application.refund import refund_payment
from oms.contexts.payments.application.sending import send_request
from oms.contexts.payments.application.settle import capture_payment
from oms.contexts.payments.contracts.commands import CapturePayment, RefundPayment
from oms.contexts.payments.contracts.events import PaymentOperationFailed, PaymentRefunded
from oms.contexts.payments.domain.ids import OrderId, RefundId
from oms.contexts.payments.domain.payment import Payment
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.messages import MoneyPayload
from oms.shared_kernel.money import Money
from tests.contexts.payments.unit.fakes import (
    ORDER,
    FakeClock,
    FakeGateway,
    authorize_command,
)


def answer_last(uow, calls, answer: GatewayAnswer) -> None:
    payment_id, key = calls.sent[-1]
    send_request(payment_id, key, uow=uow, gateway=FakeGateway(answer), clock=FakeClock(), calls=calls)


@pytest.fixture
def captured(uow, calls) -> Payment:
    authorize_payment(authorize_command("100.00"), uow=uow, clock=FakeClock(), calls=calls)
    answer_last(uow, calls, GatewayAnswer.approved("pi_1"))
    capture_payment(CapturePayment(order_id=ORDER), uow=uow, clock=FakeClock(), calls=calls)
    answer_last(uow, calls, GatewayAnswer.approved("ch_1"))
    uow.published.clear()
    payment = uow.payments.for_order(OrderId(ORDER))
    assert payment is not None
    return payment


def refund(uow, calls, amount: str, refund_id: uuid.UUID) -> None:
    command = RefundPayment(
        order_id=ORDER,
        refund_id=refund_id,
        amount=MoneyPayload(amount=amount, currency="EUR"),
        reason="damaged",
    )
    refund_payment(command, uow=uow, clock=FakeClock(), calls=calls)


def test_a_refund_is_requested_under_its_refund_id_and_published_with_it_and_the_totals(uow, calls, captured):
    refund_id = uuid.uuid4()
    refund(uow, calls, "30.00", refund_id)

    answer_last(uow, calls, GatewayAnswer.approved("re_1"))

    assert uow.published == [
        PaymentRefunded(
            order_id=ORDER,
            payment_id=captured.id.value,
            refund_id=refund_id,
            amount=MoneyPayload(amount="30.00", currency="EUR"),
            total_refunded=MoneyPayload(amount="30.00", currency="EUR"),
            fully_refunded=False,
        )
    ]


def test_a_refund_resent_while_in_flight_goes_out_again_under_the_same_key(uow, calls, captured):
    refund_id = uuid.uuid4()
    refund(uow, calls, "30.00", refund_id)

    refund(uow, calls, "30.00", refund_id)

    assert calls.sent[-1] == calls.sent[-2]
    assert captured.refund_in_progress_amount.amount == 30


def test_a_refund_resent_after_its_answer_is_answered_again_and_refunds_nothing_more(uow, calls, captured):
    refund_id = uuid.uuid4()
    refund(uow, calls, "100.00", refund_id)
    answer_last(uow, calls, GatewayAnswer.approved("re_1"))
    sent = len(calls.sent)

    refund(uow, calls, "100.00", refund_id)

    assert uow.published[0] == uow.published[1]
    assert isinstance(uow.published[1], PaymentRefunded)
    assert uow.published[1].fully_refunded
    assert len(calls.sent) == sent


def test_two_refunds_may_be_in_flight_side_by_side(uow, calls, captured):
    refund(uow, calls, "30.00", uuid.uuid4())
    refund(uow, calls, "20.00", uuid.uuid4())

    assert [key for _, key in calls.sent[-2:]] == [f"{captured.id}:refund:1", f"{captured.id}:refund:2"]


def test_a_refund_of_more_than_was_captured_is_reported_as_a_failed_operation(uow, calls, captured):
    refund(uow, calls, "100.01", uuid.uuid4())

    [failed] = uow.published
    assert isinstance(failed, PaymentOperationFailed)
    assert failed.operation == "refund"
    assert failed.reason.startswith("Only 100.00 EUR can still be refunded")


def test_a_refund_the_provider_refuses_is_published_as_a_failed_operation(uow, calls, captured):
    refund(uow, calls, "10.00", uuid.uuid4())

    answer_last(uow, calls, GatewayAnswer.declined("charge disputed"))

    [failed] = uow.published
    assert isinstance(failed, PaymentOperationFailed)
    assert (failed.operation, failed.reason) == ("refund", "declined: charge disputed")


def test_the_ledger_refuses_a_second_request_under_one_refund_id(captured):
    refund_id = RefundId.new()
    captured.request_refund(
        amount=Money("1.00", "EUR"), reason="r", actor="saga", at=captured.ledger[-1].at, refund_id=refund_id
    )

    with pytest.raises(InvalidValue, match="already requested"):
        captured.request_refund(
            amount=Money("1.00", "EUR"),
            reason="r",
            actor="saga",
            at=captured.ledger[-1].at,
            refund_id=refund_id,
        )
