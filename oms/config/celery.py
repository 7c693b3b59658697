"""The Celery application. ``celery -A oms.config.celery worker`` with no ``-Q`` consumes every queue."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")

app = Celery("oms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def serve_metrics(**_kwargs: object) -> None:
    """A worker serves its own /metrics on METRICS_PORT (threads pool: one process holds every metric)."""
    port = os.environ.get("METRICS_PORT")
    if port:
        from prometheus_client import start_http_server  # noqa: PLC0415  (only worker processes need it)

        start_http_server(int(port))
