"""One Celery queue per context, so each context's workers scale, and later move, on their own."""

from kombu import Queue

CONTEXT_QUEUES = ("identity", "inventory", "orders", "payments", "notifications")


def task_queues() -> tuple[Queue, ...]:
    """The platform's queue (the relay) and one per context; a worker with no -Q consumes them all."""
    return tuple(Queue(name) for name in ("platform", *CONTEXT_QUEUES))
