"""Persistence records of the payments context; tables are prefixed `payments_`.

A payment is a row and its ledger lines; amounts and status are read from the ledger by the
aggregate. The record's ``status`` is a projection written in the same transaction as the lines,
kept only so lists can be filtered by it in SQL.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.status import PaymentStatus
from oms.platform.messaging.models import InboxMessage, OutboxMessage


class PaymentsOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "payments_outbox"


class PaymentsInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "payments_inbox"


def _choices(enum: type[Operation] | type[EntryType] | type[PaymentStatus]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ")) for member in enum]


class PaymentRecord(models.Model):
    id = models.UUIDField(primary_key=True)
    order_id = models.UUIDField(unique=True)  # the orders context's id: a value, never a relation
    currency = models.CharField(max_length=3)
    method = models.CharField(max_length=255, blank=True)  # the provider's token, never card data
    status = models.CharField(max_length=24, choices=_choices(PaymentStatus), db_index=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "payments_payment"
        ordering = ["-created_at"]
        verbose_name = "payment"

    def __str__(self) -> str:
        return f"payment {self.id} of order {self.order_id} ({self.status})"


class LedgerEntryRecord(models.Model):
    id = models.BigAutoField(primary_key=True)
    payment = models.ForeignKey(PaymentRecord, on_delete=models.PROTECT, related_name="entries")
    sequence = models.PositiveIntegerField()
    idempotency_key = models.CharField(max_length=255)
    operation = models.CharField(max_length=16, choices=_choices(Operation))
    entry_type = models.CharField(max_length=16, choices=_choices(EntryType))
    amount = models.DecimalField(max_digits=23, decimal_places=4)
    currency = models.CharField(max_length=3)
    provider_reference = models.CharField(max_length=255, blank=True)
    failure_kind = models.CharField(max_length=32, blank=True)
    reason = models.TextField(blank=True)
    refund_id = models.UUIDField(null=True, blank=True)
    actor = models.CharField(max_length=200)
    at = models.DateTimeField()

    class Meta:
        db_table = "payments_ledger_entry"
        ordering = ["payment_id", "sequence"]
        verbose_name = "ledger entry"
        verbose_name_plural = "ledger entries"
        constraints = [
            models.UniqueConstraint(fields=["payment", "sequence"], name="payments_ledger_sequence_once"),
            # A key names one request and at most one answer: the database refuses a second of either.
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(entry_type="request"),
                name="payments_request_key_once",
            ),
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=~Q(entry_type="request"),
                name="payments_answer_key_once",
            ),
            models.UniqueConstraint(
                fields=["refund_id"],
                condition=Q(entry_type="request", refund_id__isnull=False),
                name="payments_refund_requested_once",
            ),
        ]
        indexes = [
            # The sweeper's question: which requests, oldest first, may still await an answer.
            models.Index(fields=["at"], condition=Q(entry_type="request"), name="payments_request_at"),
        ]

    def __str__(self) -> str:
        return f"{self.idempotency_key} {self.entry_type}"


class WebhookEventRecord(models.Model):
    """A provider event already handled: a redelivery finds it and changes nothing."""

    id = models.BigAutoField(primary_key=True)
    provider = models.CharField(max_length=32)
    event_id = models.CharField(max_length=255)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "payments_webhook_event"
        ordering = ["-received_at"]
        verbose_name = "webhook event"
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="payments_webhook_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_id}"
