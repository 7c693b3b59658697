"""The Celery app of the worker subprocesses: the OMS app, with the sample handler subscribed.

Run as ``celery -A tests.platform.messaging.processes.worker_app worker``. With
``SAMPLE_HANDLER_STARTED`` set, the handler touches that file on entry; with
``SAMPLE_HANDLER_BLOCK_SECONDS`` set as well, it then sleeps that long, mid-handler, inside the
inbox transaction, so a test can SIGKILL the worker at exactly that point.
"""

import os
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")
django.setup()

from oms.config.celery import app  # noqa: E402  (Django must be set up before models are imported)
from oms.platform.messaging.registry import registry  # noqa: E402
from tests.platform.messaging import sample  # noqa: E402


class ObservableHandler(sample.FlakyHandler):
    def __call__(self, message: sample.PingSent) -> None:
        started = os.environ.get("SAMPLE_HANDLER_STARTED")
        if started:
            with Path(started).open("a") as marker:
                marker.write(f"{message.ping_id}\n")
            time.sleep(float(os.environ.get("SAMPLE_HANDLER_BLOCK_SECONDS", "0")))
        super().__call__(message)


registry.register(sample.PongSent)
sample.subscribe(ObservableHandler())

__all__ = ["app"]
