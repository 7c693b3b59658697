"""One Celery queue per context, so each context's workers scale, and later move, on their own."""

from kombu import Queue

CONTEXT_QUEUES = ("identity", "inventory", "orders", "payments", "notifications")
CELERY_TASK_QUEUES = tuple(Queue(name) for name in ("platform", *CONTEXT_QUEUES))
