"""One Celery queue per context, so each context's workers scale, and later move, on their own."""

from kombu import Exchange, Queue

CONTEXT_QUEUES = ("identity", "inventory", "orders", "payments", "notifications")


def task_queues() -> tuple[Queue, ...]:
    """The platform's queue (the relay) and one per context; a worker with no -Q consumes them all."""
    # Each queue gets its own exchange and routing key: sharing the default ones would bind every
    # queue to the same key and copy each message into all of them.
    return tuple(
        Queue(name, Exchange(name, type="direct"), routing_key=name) for name in ("platform", *CONTEXT_QUEUES)
    )
