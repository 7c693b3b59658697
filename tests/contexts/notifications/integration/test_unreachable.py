"""When what a notification needs is unreachable: retried, parked when it stays so, nothing half-made."""

import pytest

from oms.contexts.notifications.infrastructure.mail import MailSender
from oms.contexts.notifications.infrastructure.mapper import to_notification
from oms.contexts.notifications.infrastructure.models import WebhookSubscriptionRecord
from oms.contexts.notifications.infrastructure.transports import EmailTransport, email_message
from oms.contexts.orders import facade as orders
from oms.platform.messaging.consumer import Outcome, consume
from tests.contexts.notifications.integration.conftest import (
    HANDLERS,
    deliver,
    envelope,
    notifications,
    shipped,
)
from tests.contexts.notifications.integration.smtp_server import free_port

pytestmark = pytest.mark.django_db


def test_an_smtp_server_that_is_down_is_retried_and_the_email_parked_after_the_last_try(
    settings, order, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    email = notifications("email")[0]
    assert (email.status, email.attempts) == ("dead", 3)
    assert email.last_error.startswith("ConnectionRefusedError")
    assert notifications("in_app")[0].status == "sent"


def test_a_temporary_smtp_reply_is_retried_and_a_permanent_one_parks_the_email(
    smtp, order, django_capture_on_commit_callbacks
):
    smtp.data_refusals = ["451 4.3.0 Queue full, try later", "554 5.7.1 Rejected as spam"]

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    email = notifications("email")[0]
    assert (email.status, email.attempts) == ("dead", 2)
    assert [a.error for a in email.attempt_log.all()] == [
        "SMTP 451: 4.3.0 Queue full, try later",
        "SMTP 554: 5.7.1 Rejected as spam",
    ]


def test_a_webhook_receiver_that_is_down_is_retried_then_parked(order, django_capture_on_commit_callbacks):
    WebhookSubscriptionRecord.objects.create(
        name="Down", url=f"http://127.0.0.1:{free_port()}/hooks", event_types=["order.shipped"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [hook] = notifications("webhook")
    assert (hook.status, hook.attempts) == ("dead", 3)
    assert hook.last_error.startswith("ConnectError")


def test_a_subscription_with_an_unusable_secret_is_parked_at_once(
    receiver, order, django_capture_on_commit_callbacks
):
    WebhookSubscriptionRecord.objects.create(
        name="Typo", url=receiver.url, event_types=["order.shipped"], secret="whsec_tooshort"
    )

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [hook] = notifications("webhook")
    assert (hook.status, hook.attempts) == ("dead", 1)
    assert hook.last_error.startswith("The subscription's secret is unusable")
    assert receiver.requests == []


def test_an_orders_context_that_fails_leaves_the_event_to_be_handled_again_with_nothing_stored(
    monkeypatch, order
):
    def unreachable(**question):
        raise ConnectionError("orders are down")

    monkeypatch.setattr(orders, "get_order", unreachable)
    event = shipped(order)

    outcome = consume(envelope(event), HANDLERS[type(event)], attempt=1, final=False)

    assert outcome is Outcome.RETRY
    assert notifications() == []


def test_without_reuse_every_message_opens_its_own_connection(
    smtp, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))
    sender = EmailTransport(MailSender(reuse=False))
    email = notifications("email")[0]

    for _ in range(2):
        sender.send(to_notification(email, []))

    assert len(smtp.received) == 3
    assert smtp.connections() == 3
    assert email_message(to_notification(email, [])).extra_headers["Auto-Submitted"] == "auto-generated"
