"""The six order-event handlers as the bus runs them: inbox, notifications stored, sent after commit."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from oms.contexts.notifications.infrastructure import tasks
from oms.contexts.notifications.infrastructure.messaging import SUBSCRIPTIONS
from oms.contexts.notifications.infrastructure.models import NotificationRecord, NotificationsInbox
from oms.contexts.orders.contracts import events
from oms.platform.messaging.bus import bus
from oms.platform.messaging.consumer import Outcome
from tests.contexts.notifications.integration.conftest import deliver, notifications, shipped

pytestmark = pytest.mark.django_db


def test_each_order_event_a_customer_cares_about_has_a_handler_on_the_notifications_queue():
    names = {name for _, name in SUBSCRIPTIONS}

    assert names == {
        f"notifications.on_order_{what}"
        for what in ("confirmed", "rejected", "cancelled", "shipped", "delivered", "refunded")
    }
    for name in names:
        subscription = bus.subscription(name)
        assert (subscription.queue, subscription.inbox) == ("notifications", NotificationsInbox)


def test_notifications_are_stored_with_the_event_and_sent_only_after_the_commit(
    order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        assert deliver(shipped(order)) is Outcome.HANDLED

    assert [(n.channel, n.status) for n in notifications()] == [("email", "pending"), ("in_app", "pending")]
    assert mail.outbox == []
    for callback in after_commit:
        callback()
    assert [n.status for n in notifications()] == ["sent", "sent"]
    assert [m.to for m in mail.outbox] == [["ada@example.com"]]


def test_a_rejection_tells_the_customer_why_in_app(order, django_capture_on_commit_callbacks):
    rejected = events.OrderRejected(
        order_id=order.id, customer_id=order.customer_id, number=order.number, reason="The card was declined."
    )

    with django_capture_on_commit_callbacks(execute=True):
        deliver(rejected)

    [in_app] = notifications("in_app")
    assert in_app.subject == f"Your order {order.number} could not be completed"
    assert in_app.body == f"Order {order.number} could not be completed: The card was declined.\n"
    assert in_app.recipient_id == order.customer_id


def test_a_customer_identity_does_not_know_is_told_in_app_only(django_capture_on_commit_callbacks):
    stranger = events.OrderDelivered(order_id=uuid.uuid4(), customer_id=uuid.uuid4(), number="SO-9")

    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(stranger) is Outcome.HANDLED

    assert [n.channel for n in notifications()] == ["in_app"]


def test_a_disabled_channel_sends_nothing(settings, order, django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS_CHANNELS = ["in_app"]

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    assert [n.channel for n in notifications()] == ["in_app"]
    assert mail.outbox == []


def waiting_since(minutes: int, **state) -> NotificationRecord:
    record = notifications("email")[0]
    NotificationRecord.objects.filter(pk=record.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=minutes), **state
    )
    return record


def test_the_sweeper_sends_a_notification_whose_task_was_lost(order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # the broker was away: no task was queued
        deliver(shipped(order))
    lost = waiting_since(minutes=5)

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.resend_stalled.apply().get() == 1

    lost.refresh_from_db()
    assert lost.status == "sent"
    assert len(mail.outbox) == 1
    assert notifications("in_app")[0].status == "pending"  # its task may still come: within the grace


def test_the_sweeper_leaves_alone_what_is_on_schedule_and_what_a_live_worker_holds(
    order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        deliver(shipped(order))
    NotificationRecord.objects.update(
        status="sending", lease_until=timezone.now() + timedelta(minutes=1), next_attempt_at=timezone.now()
    )

    assert tasks.resend_stalled.apply().get() == 0


def test_a_try_whose_worker_died_is_recorded_as_lost_and_tried_again(
    order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        deliver(shipped(order))
    crashed = waiting_since(
        minutes=5, status="sending", attempts=1, lease_until=timezone.now() - timedelta(seconds=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        tasks.resend_stalled.apply()

    crashed.refresh_from_db()
    assert (crashed.status, crashed.attempts) == ("sent", 2)
    assert [a.outcome for a in crashed.attempt_log.all()] == ["failed", "sent"]


def test_operators_can_run_the_sweep_at_once(order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        deliver(shipped(order))
    waiting_since(minutes=5)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("resend_stalled_notifications", stdout=out)

    assert out.getvalue() == "1 notification(s) queued again\n"
    assert len(mail.outbox) == 1
