"""E-mail against a real SMTP server on loopback: MIME parts, subject, recipient, and never twice."""

import logging
import uuid

import pytest

from oms.contexts.notifications.infrastructure import tasks
from oms.platform.messaging.consumer import Outcome
from tests.contexts.notifications.integration.conftest import deliver, delivered, notifications, shipped
from tests.contexts.notifications.integration.smtp_server import Mailbox, serving

pytestmark = pytest.mark.django_db


def test_an_order_shipped_is_emailed_as_plain_text_and_html_with_its_lines_and_total(
    smtp, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(shipped(order)) is Outcome.HANDLED

    [mail] = smtp.received
    message = mail.message
    assert (mail.rcpt_tos, message["To"]) == (["ada@example.com"], "ada@example.com")
    assert message["From"] == "Mugs & Co <orders@mugs.example>"
    assert message["Subject"] == f"Your order {order.number} is on its way"
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Tracking number: JD014600006281230000" in text
    assert "2 x MUG-BLUE at 12.50 EUR = 25.00 EUR" in text
    assert "Total: 32.90 EUR" in text
    assert "<td>TEA-EARL</td>" in html
    assert "32.90 EUR</th>" in html
    [email] = notifications("email")
    assert message["Message-ID"] == f"<{email.id}@mugs.example>"
    assert (email.status, email.attempts) == ("sent", 1)


def test_an_event_delivered_twice_is_emailed_once(smtp, order, django_capture_on_commit_callbacks):
    event, message_id = shipped(order), uuid.uuid4()

    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [deliver(event, message_id=message_id), deliver(event, message_id=message_id)]

    assert outcomes == [Outcome.HANDLED, Outcome.DUPLICATE]
    assert len(smtp.received) == 1
    assert len(notifications("email")) == 1


def test_a_send_task_run_again_for_a_sent_email_sends_nothing(
    smtp, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))
    [email] = notifications("email")

    again = tasks.send_notification.apply(args=(str(email.id),)).get()

    assert again == "nothing to do"
    assert len(smtp.received) == 1


def test_messages_in_a_row_share_one_smtp_connection(smtp, order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))
        deliver(delivered(order))

    assert len(smtp.received) == 2
    assert smtp.connections() == 1


def test_a_connection_the_server_dropped_while_idle_is_reopened_and_the_message_sent_once(
    settings, order, django_capture_on_commit_callbacks, caplog
):
    mailbox = Mailbox()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with serving(mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", mailbox.port
        with django_capture_on_commit_callbacks(execute=True):
            deliver(shipped(order))
    # The server restarted: the connection kept for the next message is dead.
    with serving(mailbox), django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.INFO):
        deliver(delivered(order))

    assert [m.message["Subject"].split()[-1] for m in mailbox.received] == ["way", "delivered"]
    assert [n.status for n in notifications("email")] == ["sent", "sent"]
    assert "the SMTP server dropped the idle connection; sending on a new one" in caplog.messages


def test_a_temporary_refusal_is_retried_and_the_email_delivered_once(
    smtp, order, django_capture_on_commit_callbacks
):
    smtp.refusals = ["451 4.3.0 Mailbox busy, try again later"]

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    [email] = notifications("email")
    assert len(smtp.received) == 1
    assert (email.status, email.attempts) == ("sent", 2)
    assert [(a.outcome, a.error) for a in email.attempt_log.all()] == [
        ("failed", "The recipient was refused (SMTP 451)."),
        ("sent", ""),
    ]


def test_a_refused_address_is_parked_at_once_without_personal_data_in_logs_while_in_app_goes_through(
    smtp, order, django_capture_on_commit_callbacks, caplog
):
    smtp.refusals = ["550 5.1.1 <ada@example.com>: no such user here"]

    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    email, in_app = notifications("email")[0], notifications("in_app")[0]
    assert (email.status, email.attempts, email.last_error) == (
        "dead",
        1,
        "The recipient was refused (SMTP 550).",
    )
    assert in_app.status == "sent"
    assert smtp.received == []
    assert caplog.records, "the failure was not logged at all"
    assert not [r for r in caplog.records if "ada@example.com" in r.getMessage() + str(r.exc_text or "")]
