import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings

from oms.contexts.notifications.infrastructure.models import NotificationsInbox
from oms.platform.messaging.consumer import consume
from oms.platform.messaging.dead_letters import replay_dead_letters
from oms.platform.messaging.tasks import deliver
from tests.platform.messaging import sample
from tests.platform.messaging.test_consumer import envelope_for

pytestmark = pytest.mark.django_db


def _park(handler: sample.FlakyHandler, message) -> dict:
    handler.failures = 1
    raw = envelope_for(message)
    consume(raw, sample.HANDLER_NAME, final=True)
    return raw


@override_settings(MESSAGING_MAX_RETRIES=2)
def test_the_delivery_task_retries_then_parks_the_message_as_dead(flaky_handler):
    flaky_handler.failures = 10

    deliver.apply(args=[envelope_for(sample.ping()), sample.HANDLER_NAME])

    assert flaky_handler.calls == 3  # the first try and two retries
    assert NotificationsInbox.objects.get().status == "dead"


@override_settings(MESSAGING_MAX_RETRIES=3)
def test_the_delivery_task_succeeds_when_a_retry_does(flaky_handler):
    flaky_handler.failures = 2

    result = deliver.apply(args=[envelope_for(sample.ping()), sample.HANDLER_NAME])

    assert result.get() == "handled"
    assert sample.pongs() == 1


def test_a_dead_message_is_replayed_successfully_once_the_handler_is_fixed(flaky_handler):
    _park(flaky_handler, sample.ping())

    report = replay_dead_letters()

    assert (report.handled, report.still_dead) == (1, 0)
    row = NotificationsInbox.objects.get()
    assert row.status == "processed"
    assert row.attempts == 2
    assert sample.pongs() == 1


def test_a_replay_that_fails_again_keeps_the_message_dead_with_the_new_error(flaky_handler):
    _park(flaky_handler, sample.ping())
    flaky_handler.failures = 1

    report = replay_dead_letters()

    assert (report.handled, report.still_dead) == (0, 1)
    assert "failing on purpose" in report.errors[0]


def test_replay_can_be_limited_to_one_type_or_one_message(flaky_handler):
    first = _park(flaky_handler, sample.ping("p-1"))
    _park(flaky_handler, sample.ping("p-2"))

    assert replay_dead_letters(message_type="sample.Other.v1").handled == 0
    assert replay_dead_letters(message_id=uuid.UUID(first["id"])).handled == 1
    assert replay_dead_letters(message_type="sample.PingSent.v1").handled == 1


def test_the_replay_command_reports_and_fails_while_messages_stay_dead(flaky_handler, capsys):
    _park(flaky_handler, sample.ping())
    flaky_handler.failures = 1

    with pytest.raises(SystemExit):
        call_command("replay_dead_letters", "--type", "sample.PingSent.v1")
    call_command("replay_dead_letters")

    assert "1 handled, 0 still dead" in capsys.readouterr().out


def test_the_replay_command_refuses_an_id_that_is_not_a_uuid():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a UUID"):
        call_command("replay_dead_letters", "--id", "nope")
