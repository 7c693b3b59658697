"""POST /api/v1/payments/webhooks/{provider}/: signed by the provider, idempotent by event id."""

import json
import time
import uuid
from typing import Any

import pytest
from rest_framework.test import APIClient

from oms.contexts.payments import facade
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord, PaymentsOutbox, WebhookEventRecord
from oms.contexts.payments.infrastructure.signatures import sign
from tests.contexts.payments.api.conftest import WEBHOOK_SECRET
from tests.contexts.payments.integration.conftest import authorize, deliver

pytestmark = pytest.mark.django_db
URL = "/api/v1/payments/webhooks/stripe/"


def intent_event(payment_id: uuid.UUID, kind: str, intent: str = "pi_late", event_id: str = "evt_1") -> bytes:
    return json.dumps(
        {
            "id": event_id,
            "type": kind,
            "data": {
                "object": {
                    "id": intent,
                    "object": "payment_intent",
                    "metadata": {"oms_payment_id": str(payment_id)},
                }
            },
        }
    ).encode()


def post(body: bytes, *, secret: str = WEBHOOK_SECRET, at: float | None = None, url: str = URL) -> Any:
    # CSRF is enforced for this client, as a browser's would be: the webhook must not need it.
    client = APIClient(enforce_csrf_checks=True)
    signature = sign(body, secret=secret, timestamp=int(at or time.time()))
    return client.post(url, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature)


@pytest.fixture
def pending_payment(sandbox, django_capture_on_commit_callbacks) -> uuid.UUID:
    """A payment whose authorization request was recorded but whose call never came back."""
    order = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=False):
        deliver(authorize(order))
    payment = facade.payment_for_order(order_id=order)
    assert payment is not None
    return payment.id


def status_of(payment_id: uuid.UUID) -> str:
    payment = facade.get_payment(payment_id=payment_id)
    assert payment is not None
    return payment.status


def test_a_signed_event_answers_the_pending_authorization(
    pending_payment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(intent_event(pending_payment, "payment_intent.amount_capturable_updated"))

    assert response.status_code == 200
    assert response.json() == {"event_id": "evt_1", "duplicate": False}
    assert status_of(pending_payment) == "authorized"
    assert PaymentsOutbox.objects.filter(type="payments.PaymentAuthorized.v1").count() == 1


def test_the_same_event_delivered_twice_is_acknowledged_and_changes_nothing_more(pending_payment):
    body = intent_event(pending_payment, "payment_intent.payment_failed")
    post(body)
    lines = LedgerEntryRecord.objects.count()

    response = post(body)

    assert response.json() == {"event_id": "evt_1", "duplicate": True}
    assert (LedgerEntryRecord.objects.count(), status_of(pending_payment)) == (lines, "failed")


@pytest.mark.parametrize(
    ("secret", "age"),
    [("whsec_forged", 0), (WEBHOOK_SECRET, 301), (WEBHOOK_SECRET, -301)],
    ids=["bad signature", "replayed after the tolerance", "from the future"],
)
def test_an_unproven_event_is_a_400_problem_and_changes_nothing(pending_payment, secret, age):
    response = post(
        intent_event(pending_payment, "payment_intent.amount_capturable_updated"),
        secret=secret,
        at=time.time() - age,
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/invalid-signature"
    assert status_of(pending_payment) == "none"
    assert WebhookEventRecord.objects.count() == 0


def test_a_body_changed_after_signing_is_refused(pending_payment):
    body = intent_event(pending_payment, "payment_intent.amount_capturable_updated")
    signature = sign(body, secret=WEBHOOK_SECRET, timestamp=int(time.time()))
    tampered = body.replace(b"pi_late", b"pi_evil")

    response = APIClient().post(
        URL, tampered, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )

    assert response.status_code == 400


def test_a_missing_signature_is_refused(pending_payment):
    body = intent_event(pending_payment, "payment_intent.amount_capturable_updated")

    assert APIClient().post(URL, body, content_type="application/json").status_code == 400


def test_a_provider_we_do_not_know_is_a_404(pending_payment):
    body = intent_event(pending_payment, "payment_intent.amount_capturable_updated")

    assert post(body, url="/api/v1/payments/webhooks/paypal/").status_code == 404


def test_a_late_authorization_after_a_gateway_timeout_is_voided_at_the_provider(
    sandbox, django_capture_on_commit_callbacks
):
    order = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        deliver(authorize(order, token="tok_gatewayTimeout"))
    payment = facade.payment_for_order(order_id=order)
    assert payment is not None

    with django_capture_on_commit_callbacks(execute=True):
        post(intent_event(payment.id, "payment_intent.amount_capturable_updated", intent="pi_stray"))

    assert sandbox.charges[f"{payment.id}:void-stray:pi_stray"] == 1
    assert status_of(payment.id) == "failed"  # the first answer stands; the saga was told once
    assert PaymentsOutbox.objects.filter(type="payments.PaymentFailed.v1").count() == 1
    assert not PaymentsOutbox.objects.filter(type="payments.PaymentAuthorized.v1").exists()


def test_a_refund_settled_later_is_recorded_on_the_refund_it_names(
    sandbox, django_capture_on_commit_callbacks
):
    from oms.contexts.payments.contracts.commands import CapturePayment
    from tests.contexts.payments.integration.conftest import refund

    order = uuid.uuid4()
    for message in (authorize(order), CapturePayment(order_id=order)):
        with django_capture_on_commit_callbacks(execute=True):
            deliver(message)
    with django_capture_on_commit_callbacks(execute=False):  # the provider said "pending"
        deliver(refund(order, "5.00"))
    payment = facade.payment_for_order(order_id=order)
    assert payment is not None
    key = payment.refunds[0].idempotency_key
    refunded = {
        "id": "re_9",
        "status": "succeeded",
        "metadata": {"oms_payment_id": str(payment.id), "oms_idempotency_key": key},
    }
    body = json.dumps(
        {"id": "evt_r", "type": "charge.refunded", "data": {"object": {"refunds": {"data": [refunded]}}}}
    )

    post(body.encode())

    after = facade.get_payment(payment_id=payment.id)
    assert after is not None
    assert (after.status, after.refunds[0].status, after.refunds[0].provider_reference) == (
        "partially_refunded",
        "succeeded",
        "re_9",
    )
