"""Abstract outbox and inbox tables. Each context declares concrete ones, so its messages move with it.

The outbox row is written in the business transaction; the relay publishes it later. The inbox row,
unique on (message id, handler), is written in the handler's transaction, so a redelivered message
finds it and has no second effect. A message whose handler failed for good is parked in the inbox as
``dead`` with its error and its envelope, ready to be replayed.
"""

import uuid

from django.db import models
from django.utils import timezone


class OutboxMessage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(max_length=200)
    aggregate_id = models.CharField(max_length=100)
    correlation_id = models.CharField(max_length=128)
    causation_id = models.CharField(max_length=128, null=True, blank=True)  # noqa: DJ001  (None: no cause)
    payload = models.JSONField()
    occurred_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at"]
        indexes = [
            # The relay's only question: what is still unpublished, oldest first. Kept tiny by the
            # partial condition, however large the published history grows.
            models.Index(
                fields=["created_at"],
                name="%(app_label)s_outbox_unpub",
                condition=models.Q(published_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.id}"


class InboxStatus(models.TextChoices):
    PROCESSED = "processed", "processed"
    DEAD = "dead", "dead"


class InboxMessage(models.Model):
    id = models.BigAutoField(primary_key=True)
    message_id = models.UUIDField()
    handler = models.CharField(max_length=200)
    type = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=InboxStatus.choices)
    envelope = models.JSONField()
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["message_id", "handler"], name="%(app_label)s_inbox_once"),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.message_id} → {self.handler} ({self.status})"
