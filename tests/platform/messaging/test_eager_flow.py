import pytest

from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from tests.platform.messaging import sample


@pytest.mark.django_db(transaction=True)
def test_in_embedded_mode_a_committed_message_is_handled_in_process_after_commit(flaky_handler):
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping("p-eager"), aggregate_id="p-eager")
        uow.commit()

    assert flaky_handler.calls == 1
    assert sample.pongs() == 1
    assert NotificationsInbox.objects.filter(handler=sample.HANDLER_NAME, status="processed").count() == 1
    assert not NotificationsOutbox.objects.filter(published_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_commits_while_a_relay_run_is_queued_do_not_queue_another(flaky_handler):
    from django.core.cache import cache

    from oms.platform.messaging.nudge import nudge_flag_key

    cache.add(nudge_flag_key(), 1, timeout=10)  # as if a run were waiting in the queue
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping("p-muted"), aggregate_id="p-muted")
        uow.commit()

    assert flaky_handler.calls == 0
    assert NotificationsOutbox.objects.filter(published_at__isnull=True).count() == 1
