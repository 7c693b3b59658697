import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from oms.contexts.notifications.infrastructure.models import NotificationsOutbox
from oms.platform.messaging.relay import relay_batch, relay_pending
from tests.platform.messaging import sample


def _commit_pings(count: int) -> None:
    with sample.SampleUnitOfWork() as uow:
        for number in range(count):
            uow.publish(sample.ping(f"p-{number}"), aggregate_id=f"p-{number}")
        uow.commit()


class Recorder:
    def __init__(self, delay: float = 0.0) -> None:
        self.sent: list[tuple[str, str]] = []
        self.delay = delay
        self._lock = threading.Lock()

    def __call__(self, envelope, subscription) -> None:
        time.sleep(self.delay)
        with self._lock:
            self.sent.append((str(envelope.id), subscription.name))


@pytest.mark.django_db
def test_the_relay_sends_one_delivery_per_subscriber_oldest_first_and_marks_rows_published(flaky_handler):
    with sample.SampleUnitOfWork() as uow:
        for number in range(3):
            uow.publish(sample.ping(f"p-{number}"), aggregate_id=f"p-{number}")
        uow.commit()
    rows = list(NotificationsOutbox.objects.order_by("created_at"))
    send = Recorder()

    published = relay_batch(NotificationsOutbox, send=send, batch_size=10)

    assert published == 3
    assert [message_id for message_id, _ in send.sent] == [str(row.id) for row in rows]
    assert not NotificationsOutbox.objects.filter(published_at__isnull=True).exists()


@pytest.mark.django_db
def test_the_relay_works_in_batches_and_stops_after_one_batch_when_asked(flaky_handler):
    _commit_pings(5)

    assert relay_pending(send=Recorder(), batch_size=2, max_batches=1) == 2
    assert relay_pending(send=Recorder(), batch_size=2) == 3


@pytest.mark.django_db
def test_a_message_nobody_subscribes_to_is_marked_published_without_a_delivery():
    _commit_pings(1)
    send = Recorder()

    assert relay_batch(NotificationsOutbox, send=send) == 1
    assert send.sent == []


@pytest.mark.django_db
def test_a_failed_send_leaves_the_rows_unpublished_for_the_next_run(flaky_handler):
    _commit_pings(2)

    def broker_down(envelope, subscription) -> None:
        raise ConnectionError("broker unreachable")

    with pytest.raises(ConnectionError):
        relay_batch(NotificationsOutbox, send=broker_down)
    assert NotificationsOutbox.objects.filter(published_at__isnull=True).count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_relays_at_once_publish_every_message_and_none_twice(flaky_handler, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED is the point; SQLite has no row locks")
    settings.MESSAGING_NUDGE_ON_COMMIT = False
    _commit_pings(60)
    send = Recorder(delay=0.002)
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        try:
            relay_pending(send=send, batch_size=5)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    ids = [message_id for message_id, _ in send.sent]
    assert len(ids) == 60
    assert len(set(ids)) == 60


@pytest.mark.django_db
def test_the_relay_command_publishes_and_reports(flaky_handler, capsys):
    _commit_pings(0)
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping("p-cmd"), aggregate_id="p-cmd")
        uow.commit()

    call_command("relay_outbox", "--once", "--batch", "10")

    assert "published" in capsys.readouterr().out
    assert sample.pongs() == 1


@pytest.mark.django_db
def test_the_relay_command_refuses_a_batch_below_one():
    with pytest.raises(SystemExit):
        call_command("relay_outbox", "--batch", "0")


def test_each_context_queue_has_its_own_routing_so_a_message_lands_in_one_queue_only():
    from oms.config.queues import task_queues

    queues = task_queues()
    keys = [queue.routing_key for queue in queues]
    assert keys == [queue.name for queue in queues]
    assert len({queue.exchange.name for queue in queues}) == len(queues)
