"""Runs ``manage.py relay_outbox`` with the sample handler subscribed, starting on a signal.

Usage: ``relay_command.py READY_FILE GO_FILE [relay_outbox options]``. The script touches READY_FILE
once Django is up, then waits for GO_FILE to appear, so that two of them start relaying together.
"""

import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402  (Django must be set up first)

from oms.platform.messaging.registry import registry  # noqa: E402
from tests.platform.messaging import sample  # noqa: E402


def main(ready: Path, go: Path, options: list[str]) -> None:
    registry.register(sample.PongSent)
    sample.subscribe(sample.FlakyHandler())
    ready.touch()
    deadline = time.monotonic() + 30
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go signal within 30 s")
        time.sleep(0.005)
    call_command("relay_outbox", *options)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
