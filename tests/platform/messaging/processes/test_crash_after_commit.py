"""Guarantee 2: a crash after the commit and before the publish loses nothing."""

import signal

import pytest
from django.core.management import call_command

from oms.contexts.notifications.infrastructure.models import NotificationsOutbox
from tests.platform.messaging import sample
from tests.platform.messaging.processes.support import child_env, script_command

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_process_killed_between_commit_and_publish_leaves_the_message_for_the_relay(
    processes, flaky_handler
):
    # The child runs eagerly: had it survived to nudge, its message would be published already.
    env = child_env(eager=True)
    child = processes.start("crashing-writer", script_command("crash_after_commit.py", "p-crash"), env)
    child.wait(timeout=60)

    assert child.returncode == -signal.SIGKILL, processes.output("crashing-writer")
    assert "killing myself before the nudge" in processes.output("crashing-writer")
    waiting = NotificationsOutbox.objects.get(type=sample.PingSent.message_type)
    assert waiting.published_at is None
    assert sample.pongs() == 0

    call_command("relay_outbox", "--once")

    waiting.refresh_from_db()
    assert waiting.published_at is not None
    assert flaky_handler.calls == 1
    assert sample.pongs() == 1
