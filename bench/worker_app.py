"""The Celery app of benchmark workers: the OMS app with the bench subscription.

``celery -A bench.worker_app worker -Q bench`` (handlers) or ``-Q platform`` (the relay).
"""

from bench import common

common.configure_environment()

import django  # noqa: E402  (the environment must be set before Django reads its settings)

django.setup()

from bench import message  # noqa: E402
from oms.config.celery import app  # noqa: E402

message.subscribe()

__all__ = ["app"]
