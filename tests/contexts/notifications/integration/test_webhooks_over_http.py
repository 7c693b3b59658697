"""Outbound webhooks against a real HTTP receiver on loopback: signed, retried, parked when dead."""

import json

import pytest
from standardwebhooks import Webhook

from oms.contexts.notifications.infrastructure.models import WebhookSubscriptionRecord
from tests.contexts.notifications.integration.conftest import deliver, delivered, notifications, shipped
from tests.contexts.notifications.integration.webhook_receiver import TIMEOUT

pytestmark = pytest.mark.django_db


def test_the_receiver_verifies_the_signature_with_the_subscriptions_secret(
    receiver, subscription, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [request] = receiver.requests
    payload = Webhook(subscription.secret).verify(request.body, request.headers)
    assert (payload["type"], payload["data"]["number"]) == ("order.shipped", order.number)
    assert payload["data"]["tracking_number"] == "JD014600006281230000"
    assert payload["data"]["total"] == {"amount": "32.90", "currency": "EUR"}
    assert (request.path, request.headers["content-type"]) == ("/hooks/oms", "application/json")
    [hook] = notifications("webhook")
    assert (hook.status, request.headers["webhook-id"]) == ("sent", str(hook.id))


def test_a_500_and_a_timeout_are_retried_and_the_third_try_delivers_the_same_message(
    receiver, subscription, order, django_capture_on_commit_callbacks
):
    receiver.script = [500, TIMEOUT]

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [hook] = notifications("webhook")
    assert (hook.status, hook.attempts) == ("sent", 3)
    assert [(a.number, a.outcome, a.error) for a in hook.attempt_log.all()] == [
        (1, "failed", "The receiver answered HTTP 500."),
        (2, "failed", "The receiver did not answer within 0.3 s."),
        (3, "sent", ""),
    ]
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == 1
    assert len({r.body for r in receiver.requests}) == 1
    assert all(Webhook(subscription.secret).verify(r.body, r.headers) for r in receiver.requests)


def test_the_third_failure_parks_the_delivery_as_dead(
    receiver, subscription, order, django_capture_on_commit_callbacks
):
    receiver.script = [500, 502, 503, 200]

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [hook] = notifications("webhook")
    assert (hook.status, hook.attempts, hook.last_error) == ("dead", 3, "The receiver answered HTTP 503.")
    assert len(receiver.requests) == 3
    assert notifications("email")[0].status == notifications("in_app")[0].status == "sent"


def test_only_active_subscriptions_to_the_topic_receive_it(
    receiver, order, django_capture_on_commit_callbacks
):
    WebhookSubscriptionRecord.objects.create(
        name="Refunds only", url=receiver.url, event_types=["order.refunded"]
    )
    WebhookSubscriptionRecord.objects.create(
        name="Paused", url=receiver.url, event_types=["order.shipped"], active=False
    )
    listening = WebhookSubscriptionRecord.objects.create(
        name="ERP", url=receiver.url, event_types=["order.shipped"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    assert [hook.target for hook in notifications("webhook")] == [str(listening.id)]
    assert len(receiver.requests) == 1


def test_a_subscription_deactivated_before_the_try_parks_the_delivery_without_calling_it(
    receiver, subscription, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        deliver(delivered(order))
    WebhookSubscriptionRecord.objects.filter(pk=subscription.pk).update(active=False)
    for callback in callbacks:
        callback()

    [hook] = notifications("webhook")
    assert (hook.status, hook.attempts) == ("dead", 1)
    assert "deactivated" in hook.last_error
    assert receiver.requests == []


def test_the_payload_is_exactly_what_was_stored_when_the_event_was_handled(
    receiver, subscription, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [hook] = notifications("webhook")
    assert receiver.requests[0].body == hook.body.encode()
    assert json.loads(hook.body)["data"]["lines"][0]["sku"] == "MUG-BLUE"
