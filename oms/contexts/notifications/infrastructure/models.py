"""Persistence records of the notifications context; tables are prefixed `notifications_`."""

import uuid

from django.db import models
from django.utils import timezone

from oms.contexts.notifications.infrastructure.signatures import new_secret
from oms.platform.messaging.models import InboxMessage, OutboxMessage


class NotificationsOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "notifications_outbox"


class NotificationsInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "notifications_inbox"


class ChannelChoice(models.TextChoices):
    EMAIL = "email"
    IN_APP = "in_app", "in-app"
    WEBHOOK = "webhook"


class StatusChoice(models.TextChoices):
    PENDING = "pending"
    SENDING = "sending"
    FAILED = "failed", "failed (will retry)"
    SENT = "sent"
    DEAD = "dead"


class NotificationRecord(models.Model):
    """One notification for one destination: its content as rendered, and how far its delivery came."""

    id = models.UUIDField(primary_key=True, editable=False)
    message_id = models.UUIDField(help_text="The event that caused it.")
    topic = models.CharField(max_length=64)
    order_id = models.UUIDField()
    order_number = models.CharField(max_length=64)
    channel = models.CharField(max_length=16, choices=ChannelChoice.choices)
    target = models.CharField(max_length=64, help_text="The customer's id, or the webhook subscription's id.")
    address = models.CharField(max_length=500, blank=True, help_text="The e-mail address or webhook URL.")
    recipient_id = models.UUIDField(null=True, blank=True, help_text="The customer who may read it.")
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=StatusChoice.choices, default=StatusChoice.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    resend_of = models.UUIDField(null=True, blank=True)

    class Meta:
        db_table = "notifications_notification"
        verbose_name = "notification"
        ordering = ["-created_at"]
        constraints = [
            # An event notifies each destination once, whatever redelivers it; resends are the exception.
            models.UniqueConstraint(
                fields=["message_id", "channel", "target"],
                condition=models.Q(resend_of__isnull=True),
                name="notifications_once_per_event",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient_id", "-created_at"], name="notifications_by_recipient"),
            # The sweeper's question: what is waiting, and since when.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status__in=["pending", "failed", "sending"]),
                name="notifications_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.order_number} by {self.channel} ({self.status})"


class DeliveryAttemptRecord(models.Model):
    notification = models.ForeignKey(NotificationRecord, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    outcome = models.CharField(max_length=16, choices=[("sent", "sent"), ("failed", "failed")])
    error = models.TextField(blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        db_table = "notifications_delivery_attempt"
        verbose_name = "delivery attempt"
        ordering = ["notification", "number"]
        constraints = [
            models.UniqueConstraint(fields=["notification", "number"], name="notifications_attempt_once"),
        ]

    def __str__(self) -> str:
        return f"attempt {self.number}: {self.outcome}"


class WebhookSubscriptionRecord(models.Model):
    """An integrator's endpoint, managed by staff in the back office."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=100)
    url = models.URLField(max_length=500, help_text="Where events are POSTed (https in production).")
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text="Standard Webhooks signing secret (whsec_ and base64); give it to the integrator.",
    )
    event_types = models.JSONField(default=list, blank=True, help_text="The topics it receives.")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "notifications_webhook_subscription"
        verbose_name = "webhook subscription"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
