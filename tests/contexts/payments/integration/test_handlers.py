"""The four commands as the bus runs them: inbox, request recorded, provider called after commit."""

import uuid

import pytest
from django.db import transaction

from oms.contexts.payments import facade
from oms.contexts.payments.contracts.commands import CapturePayment, VoidPayment
from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord, PaymentsInbox
from oms.contexts.payments.infrastructure.tasks import resend_pending_requests
from oms.platform.messaging.bus import bus
from oms.platform.messaging.consumer import Outcome
from tests.contexts.payments.integration.conftest import (
    AUTHORIZE,
    CAPTURE,
    REFUND,
    VOID,
    authorize,
    deliver,
    outbox,
    outbox_types,
    refund,
)

pytestmark = pytest.mark.django_db


def test_the_four_commands_are_handled_on_the_payments_queue_through_its_inbox():
    for name in (AUTHORIZE, CAPTURE, VOID, REFUND):
        subscription = bus.subscription(name)
        assert (subscription.queue, subscription.inbox) == ("payments", PaymentsInbox)


def test_authorize_payment_calls_the_provider_after_commit_and_writes_payment_authorized(
    sandbox, django_capture_on_commit_callbacks
):
    order = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(authorize(order)) is Outcome.HANDLED

    [(kind, payload)] = outbox()
    payment = facade.payment_for_order(order_id=order)
    assert payment is not None
    assert kind == "payments.PaymentAuthorized.v1"
    assert payload == {
        "order_id": str(order),
        "payment_id": str(payment.id),
        "amount": {"amount": "49.90", "currency": "EUR"},
    }
    assert (payment.status, [a.entry_type for a in payment.attempts]) == (
        "authorized",
        ["request", "success"],
    )


@pytest.mark.parametrize(
    ("token", "kind"), [("tok_chargeDeclined", "declined"), ("tok_gatewayTimeout", "gateway_unavailable")]
)
def test_a_declined_card_and_a_gateway_timeout_are_told_apart(
    sandbox, django_capture_on_commit_callbacks, token, kind
):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(authorize(uuid.uuid4(), token=token))

    [(message_type, payload)] = outbox()
    assert (message_type, payload["kind"]) == ("payments.PaymentFailed.v1", kind)


def test_a_redelivered_command_is_stopped_by_the_inbox_and_never_reaches_the_provider_twice(
    sandbox, django_capture_on_commit_callbacks
):
    message_id, command = uuid.uuid4(), authorize(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [deliver(command, message_id=message_id) for _ in range(3)]

    assert outcomes == [Outcome.HANDLED, Outcome.DUPLICATE, Outcome.DUPLICATE]
    assert sum(sandbox.calls.values()) == sum(sandbox.charges.values()) == 1
    assert outbox_types() == ["payments.PaymentAuthorized.v1"]


def test_a_command_resent_while_its_request_is_pending_reuses_the_key_and_is_charged_once(
    sandbox, django_capture_on_commit_callbacks
):
    order = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=False):  # the first call was lost (worker died)
        deliver(authorize(order))
    with django_capture_on_commit_callbacks(execute=True):
        deliver(authorize(order))  # the saga's sweeper asks again, in a new message

    [key] = sandbox.charges
    assert sandbox.charges[key] == 1
    assert LedgerEntryRecord.objects.filter(idempotency_key=key).count() == 2  # one request, one answer
    assert outbox_types() == ["payments.PaymentAuthorized.v1"]


def test_the_sweep_resends_a_request_whose_call_was_lost(
    sandbox, settings, django_capture_on_commit_callbacks
):
    settings.PAYMENT_RESEND_AFTER_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=False):
        deliver(authorize(uuid.uuid4()))

    assert resend_pending_requests() == 1

    assert outbox_types() == ["payments.PaymentAuthorized.v1"]
    assert resend_pending_requests() == 0


@pytest.fixture
def handle(django_capture_on_commit_callbacks):
    """Deliver one message and run what it left for after its commit, as a worker would."""

    def handle(message) -> Outcome:
        with django_capture_on_commit_callbacks(execute=True):
            return deliver(message)

    return handle


def test_an_order_is_authorized_captured_and_refunded_in_two_parts(sandbox, handle):
    order, first_refund = uuid.uuid4(), uuid.uuid4()
    handle(authorize(order, amount="100.00"))
    handle(CapturePayment(order_id=order))
    handle(refund(order, "30.00", first_refund))
    handle(refund(order, "30.00", first_refund))  # the same refund resent: answered again
    handle(refund(order, "70.00"))

    payment = facade.payment_for_order(order_id=order)
    assert payment is not None
    assert (payment.status, payment.refunded.amount, len(payment.refunds)) == ("refunded", "100.00", 2)
    assert [payload.get("total_refunded", {}).get("amount") for _, payload in outbox()] == [
        None,
        None,
        "30.00",
        "30.00",
        "100.00",
    ]


def test_a_void_after_capture_answers_payment_operation_failed_and_sends_nothing(sandbox, handle):
    order = uuid.uuid4()
    handle(authorize(order))
    handle(CapturePayment(order_id=order))

    handle(VoidPayment(order_id=order, reason="too late"))

    kind, payload = outbox()[-1]
    assert (kind, payload["operation"]) == ("payments.PaymentOperationFailed.v1", "void")
    assert payload["reason"] == "A payment that is captured cannot be voided."
    assert not any(":void:" in key for key in sandbox.calls)


class ProbeGateway(SandboxGateway):
    """Notes, at each call, whether a database transaction is open on this thread's connection."""

    def __init__(self) -> None:
        super().__init__()
        self.in_transaction: list[bool] = []

    def authorize(self, **kwargs):  # type: ignore[no-untyped-def]
        self.in_transaction.append(transaction.get_connection().in_atomic_block)
        return super().authorize(**kwargs)


@pytest.mark.django_db(transaction=True)
def test_the_provider_is_called_with_no_database_transaction_open():
    from oms.contexts.payments.infrastructure import gateways

    with gateways.using(ProbeGateway()) as probe:
        assert deliver(authorize(uuid.uuid4())) is Outcome.HANDLED

    assert probe.in_transaction == [False]
    assert outbox_types() == ["payments.PaymentAuthorized.v1"]
