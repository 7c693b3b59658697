import threading
import uuid

import pytest
from django.db import connection
from django.utils import timezone

from oms.contexts.notifications.infrastructure.models import NotificationsInbox
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.registry import registry
from tests.platform.messaging import sample


def envelope_for(message, *, message_id: uuid.UUID | None = None) -> dict:
    return Envelope(
        id=message_id or uuid.uuid4(),
        type=message.message_type,
        occurred_at=timezone.now(),
        aggregate_id=message.ping_id,
        correlation_id="req-1",
        causation_id=None,
        payload=registry.serialize(message),
    ).to_dict()


@pytest.mark.django_db
def test_a_message_delivered_twice_is_handled_once(flaky_handler):
    raw = envelope_for(sample.ping())

    assert consume(raw, sample.HANDLER_NAME) is Outcome.HANDLED
    assert consume(raw, sample.HANDLER_NAME) is Outcome.DUPLICATE

    assert flaky_handler.calls == 1
    assert sample.pongs() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_deliveries_of_one_message_take_effect_once(flaky_handler):
    if connection.vendor != "postgresql":
        pytest.skip("needs real row locks")
    raw = envelope_for(sample.ping())
    barrier = threading.Barrier(4)
    outcomes: list[Outcome] = []

    def deliver() -> None:
        barrier.wait()
        try:
            outcomes.append(consume(raw, sample.HANDLER_NAME))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcome.value for outcome in outcomes) == ["duplicate"] * 3 + ["handled"]
    assert sample.pongs() == 1


@pytest.mark.django_db
def test_the_handled_message_is_recorded_in_the_consumers_inbox(flaky_handler):
    raw = envelope_for(sample.ping())

    consume(raw, sample.HANDLER_NAME)

    row = NotificationsInbox.objects.get()
    assert (str(row.message_id), row.handler, row.status) == (raw["id"], sample.HANDLER_NAME, "processed")


@pytest.mark.django_db
def test_what_the_handler_publishes_points_back_at_the_message_that_caused_it(flaky_handler):
    from oms.contexts.notifications.infrastructure.models import NotificationsOutbox

    raw = envelope_for(sample.ping())
    consume(raw, sample.HANDLER_NAME)

    pong = NotificationsOutbox.objects.get(type=sample.PongSent.message_type)
    assert (pong.correlation_id, pong.causation_id) == ("req-1", raw["id"])


@pytest.mark.django_db
def test_a_failing_handler_asks_for_a_retry_and_its_effects_are_rolled_back(flaky_handler):
    flaky_handler.failures = 1
    raw = envelope_for(sample.ping())

    assert consume(raw, sample.HANDLER_NAME, attempt=1, final=False) is Outcome.RETRY
    assert not NotificationsInbox.objects.exists()
    assert consume(raw, sample.HANDLER_NAME, attempt=2, final=False) is Outcome.HANDLED
    assert sample.pongs() == 1


@pytest.mark.django_db
def test_after_the_last_try_a_failing_message_is_parked_as_dead_with_its_error(flaky_handler):
    flaky_handler.failures = 5
    raw = envelope_for(sample.ping())

    assert consume(raw, sample.HANDLER_NAME, attempt=6, final=True) is Outcome.DEAD

    dead = NotificationsInbox.objects.get()
    assert dead.status == "dead"
    assert dead.attempts == 6
    assert "failing on purpose" in dead.last_error
    assert dead.envelope == raw
    assert sample.pongs() == 0


@pytest.mark.django_db
def test_a_payload_that_breaks_its_contract_is_parked_at_once_without_calling_the_handler(flaky_handler):
    raw = envelope_for(sample.ping())
    raw["payload"]["count"] = "1"

    assert consume(raw, sample.HANDLER_NAME, final=False) is Outcome.DEAD

    assert flaky_handler.calls == 0
    assert "payload does not match sample.PingSent.v1: count" in NotificationsInbox.objects.get().last_error


@pytest.mark.django_db
def test_something_that_is_not_an_envelope_is_parked_not_crashed_on(flaky_handler):
    assert consume({"garbage": True}, sample.HANDLER_NAME) is Outcome.DEAD

    assert "not a message envelope" in NotificationsInbox.objects.get().last_error


@pytest.mark.django_db
def test_an_unknown_message_type_is_parked(flaky_handler):
    raw = envelope_for(sample.ping())
    raw["type"] = "sample.Unheard.v1"

    assert consume(raw, sample.HANDLER_NAME) is Outcome.DEAD
    assert "unknown message type" in NotificationsInbox.objects.get().last_error
