"""Guarantee 5, with processes: two relays running at once publish every message, none twice.

Each relay claims its batch with SELECT ... FOR UPDATE SKIP LOCKED, so the two share the backlog
without waiting on each other. The broker's queue is the witness: one delivery per message.
"""

import base64
import json
import re
from pathlib import Path

import pytest

from oms.contexts.notifications.infrastructure.models import NotificationsOutbox
from tests.platform.messaging import sample
from tests.platform.messaging.processes.support import child_env, script_command, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
MESSAGES = 2000


def delivered_message_ids(client) -> list[str]:
    """The envelope ids of the deliveries waiting in the notifications queue (Celery protocol 2)."""
    ids = []
    for raw in client.lrange("notifications", 0, -1):
        args, _kwargs, _embed = json.loads(base64.b64decode(json.loads(raw)["body"]))
        ids.append(args[0]["id"])
    return ids


def published_count(output: str) -> int:
    match = re.search(r"published (\d+) message", output)
    assert match, output
    return int(match[1])


def start_relay(processes, name: str, go: Path, broker_url: str):
    """A relay_outbox process that signals when it is ready, then waits for ``go`` to start relaying."""
    ready = go.with_name(f"{name}-ready")
    command = script_command("relay_command.py", str(ready), str(go), "--batch", "50")
    return processes.start(name, command, child_env(broker_url=broker_url)), ready


def test_two_relays_at_once_publish_every_message_exactly_once(
    processes, own_broker, flaky_handler, tmp_path
):
    with sample.SampleUnitOfWork() as uow:
        for number in range(MESSAGES):
            uow.publish(sample.ping(f"p-{number}", count=number), aggregate_id=f"p-{number}")
        uow.commit()
    go = tmp_path / "go"
    relays = {name: start_relay(processes, name, go, own_broker.url) for name in ("relay-a", "relay-b")}
    wait_until(lambda: all(ready.exists() for _, ready in relays.values()), timeout=30)

    go.touch()
    for relay, _ in relays.values():
        relay.wait(timeout=60)

    outputs = {name: processes.output(name) for name in relays}
    assert all(relay.returncode == 0 for relay, _ in relays.values()), outputs
    shares = [published_count(output) for output in outputs.values()]
    assert sum(shares) == MESSAGES
    assert all(share > 0 for share in shares), f"the relays did not overlap: {shares}"
    ids = delivered_message_ids(own_broker.client())
    assert len(ids) == MESSAGES
    assert len(set(ids)) == MESSAGES
    assert not NotificationsOutbox.objects.filter(published_at__isnull=True).exists()
