"""Commits a PingSent through a unit of work, then dies by SIGKILL after the commit, before the nudge.

Run as a script by the crash test, with the test database in DATABASE_URL and Celery eager, and with
the sample handler subscribed: had the process lived to nudge the relay, the ping would have been
published and answered in process. Usage: ``crash_after_commit.py PING_ID``.
"""

import os
import signal
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")
django.setup()

from django.db import transaction  # noqa: E402  (Django must be set up before models are imported)

from oms.platform.messaging.registry import registry  # noqa: E402
from tests.platform.messaging import sample  # noqa: E402


def die_like_a_crash() -> None:
    print("committed; killing myself before the nudge", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def main(ping_id: str) -> None:
    registry.register(sample.PongSent)
    sample.subscribe(sample.FlakyHandler())
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping(ping_id), aggregate_id=ping_id)
        # on_commit hooks run in the order they were registered: this one runs before the nudge that
        # uow.commit() registers, so the process dies in the window between commit and publish.
        transaction.on_commit(die_like_a_crash)
        uow.commit()
    print("still alive: the crash did not happen", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
