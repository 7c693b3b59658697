"""Guarantee 6: with the broker stopped, writes succeed, messages wait in the outbox, and the backlog
drains once the broker is back.

There is no write endpoint in the API yet, so the write goes through a unit of work, which is what
every endpoint will call; the HTTP-level version of this test comes with the first write endpoint.
"""

import time

import pytest
from kombu.exceptions import OperationalError

from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.relay import relay_pending
from oms.platform.messaging.tasks import send_delivery
from tests.platform.messaging import sample
from tests.platform.messaging.processes.support import child_env, wait_until, worker_command

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PINGS = ("p-down-1", "p-down-2", "p-down-3")


def place_pings() -> None:
    with sample.SampleUnitOfWork() as uow:
        for ping_id in PINGS:
            uow.publish(sample.ping(ping_id), aggregate_id=ping_id)
        uow.commit()


def backlog() -> int:
    return NotificationsOutbox.objects.filter(published_at__isnull=True).count()


def test_with_the_broker_down_writes_succeed_and_the_backlog_drains_when_it_is_back(
    processes, own_broker, flaky_handler
):
    own_broker.stop()

    started = time.monotonic()
    place_pings()  # the nudge fails after the commit, quietly and at once
    took = time.monotonic() - started
    assert took < 1.0, f"a write waited {took:.2f} s for a broker that is down"
    assert backlog() == len(PINGS)

    with pytest.raises(OperationalError):  # a relay run while the broker is away publishes nothing...
        relay_pending(send=send_delivery)
    assert backlog() == len(PINGS)  # ...and marks nothing as published

    own_broker.start()
    assert relay_pending(send=send_delivery) == len(PINGS)
    assert backlog() == 0
    assert own_broker.client().llen("notifications") == len(PINGS)

    processes.start("worker", worker_command(), child_env(broker_url=own_broker.url))
    wait_until(lambda: sample.pongs() == len(PINGS), timeout=30)
    assert NotificationsInbox.objects.filter(status="processed").count() == len(PINGS)
    assert flaky_handler.calls == 0  # every handling happened in the worker process
