"""Webhooks: asynchronous answers, once per provider event, and a stray authorization undone."""

import pytest

from oms.contexts.payments.application.authorize import authorize_payment
from oms.contexts.payments.application.notices import ProviderEvent, ProviderNotice, reconcile
from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.application.sending import send_request
from oms.contexts.payments.contracts.events import PaymentAuthorized
from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from tests.contexts.payments.unit.fakes import (
    ORDER,
    FakeClock,
    FakeGateway,
    authorize_command,
)


@pytest.fixture
def requested(uow, calls) -> Payment:
    authorize_payment(authorize_command(), uow=uow, clock=FakeClock(), calls=calls)
    payment = uow.payments.for_order(OrderId(ORDER))
    assert payment is not None
    return payment


def event(payment_id: PaymentId, answer: GatewayAnswer, event_id: str = "evt_1", **notice) -> ProviderEvent:
    notice.setdefault("operation", Operation.AUTHORIZE)
    return ProviderEvent(
        provider="stripe",
        event_id=event_id,
        notices=(ProviderNotice(payment_id=payment_id, answer=answer, **notice),),
    )


def deliver(uow, calls, provider_event: ProviderEvent) -> bool:
    return reconcile(provider_event, uow=uow, clock=FakeClock(), calls=calls)


def test_a_webhook_answers_the_pending_authorization_as_our_own_call_would(uow, calls, requested):
    assert deliver(uow, calls, event(requested.id, GatewayAnswer.approved("pi_9"))) is True

    assert requested.status is PaymentStatus.AUTHORIZED
    assert requested.ledger[-1].actor == "webhook:stripe"
    assert [type(message) for message in uow.published] == [PaymentAuthorized]


def test_the_same_provider_event_twice_changes_nothing_the_second_time(uow, calls, requested):
    deliver(uow, calls, event(requested.id, GatewayAnswer.approved("pi_9")))

    assert deliver(uow, calls, event(requested.id, GatewayAnswer.declined("late"))) is False

    assert len(requested.ledger) == 2
    assert len(uow.published) == 1


def test_an_authorization_that_succeeds_after_we_recorded_the_gateway_unavailable_is_voided_at_the_provider(
    uow, calls, requested
):
    payment_id, key = calls.sent[-1]
    timed_out = FakeGateway(GatewayAnswer.unavailable("timed out"))
    send_request(payment_id, key, uow=uow, gateway=timed_out, clock=FakeClock(), calls=calls)

    deliver(uow, calls, event(requested.id, GatewayAnswer.approved("pi_stray")))

    assert calls.stray_voids == [(requested.id, "pi_stray")]
    assert requested.status is PaymentStatus.FAILED
    assert requested.ledger[-1].entry_type is EntryType.FAILURE
    assert len(uow.published) == 1  # only the PaymentFailed the saga already acted on


def test_a_late_decline_after_a_success_is_ignored(uow, calls, requested):
    deliver(uow, calls, event(requested.id, GatewayAnswer.approved("pi_9")))

    deliver(uow, calls, event(requested.id, GatewayAnswer.declined("late"), event_id="evt_2"))

    assert requested.status is PaymentStatus.AUTHORIZED
    assert calls.stray_voids == []


@pytest.mark.parametrize("key", ["someone-else:refund:1", None])
def test_a_webhook_that_matches_no_request_is_acknowledged_and_changes_nothing(uow, calls, requested, key):
    answer = GatewayAnswer.approved("re_1")

    assert deliver(uow, calls, event(requested.id, answer, operation=Operation.REFUND, idempotency_key=key))

    assert len(requested.ledger) == 1
    assert uow.published == []


def test_a_webhook_for_an_unknown_payment_is_acknowledged_and_changes_nothing(uow, calls, requested):
    assert deliver(uow, calls, event(PaymentId.new(), GatewayAnswer.approved("pi_9")))

    assert uow.published == []
