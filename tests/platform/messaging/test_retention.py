from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.consumer import consume
from oms.platform.messaging.relay import relay_pending
from oms.platform.messaging.retention import parse_retention
from tests.platform.messaging import sample
from tests.platform.messaging.test_consumer import envelope_for

pytestmark = pytest.mark.django_db


def age_everything(days: int) -> None:
    past = timezone.now() - timedelta(days=days)
    NotificationsOutbox.objects.exclude(published_at=None).update(published_at=past)
    NotificationsInbox.objects.update(processed_at=past, received_at=past)


def test_old_handled_messages_are_purged_and_dead_and_unpublished_ones_stay(flaky_handler, capsys):
    consume(envelope_for(sample.ping("p-old")), sample.HANDLER_NAME)
    relay_pending(send=lambda envelope, subscription: None)
    age_everything(10)
    flaky_handler.failures = 1
    consume(envelope_for(sample.ping("p-dead")), sample.HANDLER_NAME, final=True)
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping("p-waiting"), aggregate_id="p-waiting")
        uow.commit()

    call_command("purge_processed_messages", "--older-than", "7d", "--batch", "1")

    assert "purged 1 outbox and 1 inbox message(s)" in capsys.readouterr().out
    assert list(NotificationsInbox.objects.values_list("status", flat=True)) == ["dead"]
    assert NotificationsOutbox.objects.filter(published_at=None).count() == 1


def test_recent_handled_messages_are_kept(flaky_handler):
    consume(envelope_for(sample.ping()), sample.HANDLER_NAME)

    call_command("purge_processed_messages", "--older-than", "1d")

    assert NotificationsInbox.objects.count() == 1


@pytest.mark.parametrize(("text", "days"), [("7d", 7), ("36h", 1.5), ("2880m", 2)])
def test_retention_reads_days_hours_and_minutes(text, days):
    assert parse_retention(text) == timedelta(days=days)


@pytest.mark.parametrize("text", ["12h", "0d", "seven days", "-3d"])
def test_retention_under_a_day_or_unreadable_is_refused(text):
    with pytest.raises(CommandError):
        call_command("purge_processed_messages", "--older-than", text)


def test_a_batch_below_one_is_refused():
    with pytest.raises(CommandError):
        call_command("purge_processed_messages", "--batch", "0")


def test_the_beat_task_purges_with_the_configured_retention(flaky_handler):
    from oms.platform.messaging.tasks import purge_processed_messages

    consume(envelope_for(sample.ping()), sample.HANDLER_NAME)
    age_everything(10)

    assert purge_processed_messages.apply(kwargs={"older_than": "7d"}).get() == {"outbox": 0, "inbox": 1}
