"""Guarantee 7: a worker SIGKILLed in the middle of a handler loses nothing and repeats nothing.

Deliveries are acknowledged late, so the killed worker's message stays unacknowledged in Redis; once
the visibility timeout has passed, the next worker restores it and handles it. The killed handler's
transaction never committed, so the inbox holds exactly one processed row and the effect happened once.
"""

import time

import pytest

from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.relay import relay_pending
from oms.platform.messaging.tasks import send_delivery
from tests.platform.messaging import sample
from tests.platform.messaging.processes.support import child_env, kill, wait_until, worker_command

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
VISIBILITY_TIMEOUT = 3


def test_a_worker_killed_mid_handler_has_its_message_redelivered_and_handled_once(
    processes, own_broker, flaky_handler, tmp_path
):
    stuck_started, second_started = tmp_path / "stuck-started", tmp_path / "second-started"
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping("p-killed"), aggregate_id="p-killed")
        uow.commit()
    relay_pending(send=send_delivery)
    env = child_env(broker_url=own_broker.url, CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))

    stuck = processes.start(
        "stuck-worker",
        worker_command("notifications"),
        {**env, "SAMPLE_HANDLER_STARTED": str(stuck_started), "SAMPLE_HANDLER_BLOCK_SECONDS": "60"},
    )
    wait_until(stuck_started.exists, timeout=30)
    kill(stuck)
    killed_at = time.monotonic()

    assert own_broker.client().hlen("unacked") == 1  # the message is neither lost nor acknowledged
    assert sample.pongs() == 0
    assert not NotificationsInbox.objects.exists()  # the killed handler's transaction rolled back

    # A worker restores unacknowledged messages older than the visibility timeout when it starts.
    time.sleep(max(0.0, VISIBILITY_TIMEOUT + 0.5 - (time.monotonic() - killed_at)))
    processes.start(
        "second-worker",
        worker_command("notifications"),
        {**env, "SAMPLE_HANDLER_STARTED": str(second_started)},
    )
    wait_until(lambda: sample.pongs() >= 1, timeout=30)
    wait_until(lambda: own_broker.client().hlen("unacked") == 0, timeout=10)

    assert sample.pongs() == 1
    assert NotificationsInbox.objects.filter(handler=sample.HANDLER_NAME, status="processed").count() == 1
    assert NotificationsOutbox.objects.filter(type=sample.PingSent.message_type).count() == 1
    assert second_started.read_text().splitlines() == ["p-killed"]  # redelivered to the second worker
