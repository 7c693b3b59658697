"""The composition root: settings, URLs, WSGI and the Celery app. The only place that knows every context."""

from oms.config.celery import app as celery_app

__all__ = ["celery_app"]
