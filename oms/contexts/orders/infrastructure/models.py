"""Persistence records of the orders context; tables are prefixed `orders_`.

Records, not aggregates: the repositories map them to and from the domain. No relation leaves the
context: the customer is a UUID and a product a SKU. The saga's row sits beside its order's and is
changed in the same transactions; relations inside the context (lines, timeline, saga) are fine.
"""

import uuid
from enum import StrEnum

from django.db import models
from django.db.models import Q
from django.utils import timezone

from oms.contexts.orders.domain.saga_state import Authorization, Reservation, SagaState, SagaStep
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.platform.messaging.models import InboxMessage, OutboxMessage

# Amounts have four places: enough for every currency's minor units (ISO 4217 has none finer).


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ")) for member in enum]


class OrdersOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "orders_outbox"


class OrdersInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "orders_inbox"


class OrderRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.CharField(max_length=20, unique=True)
    customer_id = models.UUIDField(db_index=True)
    currency = models.CharField(max_length=3)
    total_amount = models.DecimalField(max_digits=18, decimal_places=4)
    refunded_amount = models.DecimalField(max_digits=18, decimal_places=4, default=0)
    status = models.CharField(max_length=20, choices=_choices(OrderStatus))
    payment_status = models.CharField(max_length=20, choices=_choices(PaymentStatus))
    status_reason = models.TextField(blank=True)
    ship_name = models.CharField("recipient", max_length=200)
    ship_line1 = models.CharField("address line 1", max_length=200)
    ship_line2 = models.CharField("address line 2", max_length=200, blank=True)
    ship_city = models.CharField("city", max_length=100)
    ship_region = models.CharField("region", max_length=100, blank=True)
    ship_postal_code = models.CharField("postal code", max_length=20)
    ship_country = models.CharField("country", max_length=2)
    external_reference = models.CharField(max_length=100, blank=True, null=True)  # noqa: DJ001  (None: not given)
    metadata = models.JSONField(default=dict, blank=True)
    carrier = models.CharField(max_length=100, blank=True)
    tracking_number = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "orders_order"
        ordering = ["-created_at"]
        verbose_name = "order"
        indexes = [
            # A customer's own list, newest first; staff lists filtered by status, newest first.
            models.Index(fields=["customer_id", "-created_at"], name="orders_customer_recent"),
            models.Index(fields=["status", "-created_at"], name="orders_status_recent"),
        ]

    def __str__(self) -> str:
        return self.number


class OrderLineRecord(models.Model):
    order = models.ForeignKey(OrderRecord, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    sku = models.CharField(max_length=64, db_index=True)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=18, decimal_places=4)
    line_total = models.DecimalField(max_digits=18, decimal_places=4)

    class Meta:
        db_table = "orders_order_line"
        ordering = ["order", "position"]
        verbose_name = "line"
        constraints = [
            models.UniqueConstraint(fields=["order", "position"], name="orders_line_position_once"),
            models.UniqueConstraint(fields=["order", "sku"], name="orders_line_sku_once"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="orders_line_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.sku}"


class TimelineEntryRecord(models.Model):
    order = models.ForeignKey(OrderRecord, on_delete=models.CASCADE, related_name="timeline")
    position = models.PositiveIntegerField()
    from_status = models.CharField(max_length=20, choices=_choices(OrderStatus), blank=True)
    to_status = models.CharField(max_length=20, choices=_choices(OrderStatus))
    payment_status = models.CharField(max_length=20, choices=_choices(PaymentStatus))
    reason = models.TextField()
    actor = models.CharField(max_length=200)
    at = models.DateTimeField()

    class Meta:
        db_table = "orders_timeline_entry"
        ordering = ["order", "position"]
        verbose_name = "timeline entry"
        verbose_name_plural = "timeline"
        constraints = [
            models.UniqueConstraint(fields=["order", "position"], name="orders_timeline_position_once"),
        ]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status} by {self.actor}"


class SagaRecord(models.Model):
    order = models.OneToOneField(OrderRecord, on_delete=models.CASCADE, primary_key=True, related_name="saga")
    state = models.CharField(max_length=30, choices=_choices(SagaState))
    reservation = models.CharField(max_length=20, choices=_choices(Reservation))
    authorization = models.CharField(max_length=20, choices=_choices(Authorization))
    current_step = models.CharField(max_length=30, choices=_choices(SagaStep), blank=True)
    deadline = models.DateTimeField(null=True, blank=True)
    steps = models.JSONField(default=dict)  # {step: {"attempts": n, "last_error": text or null}}
    needs_attention = models.BooleanField(default=False, db_index=True)
    attention_reason = models.TextField(blank=True)
    attention_step = models.CharField(max_length=30, choices=_choices(SagaStep), blank=True)
    payment_token = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "orders_saga"
        verbose_name = "saga"
        indexes = [
            # The sweeper's only question: which waits are overdue. Most sagas wait for nothing.
            models.Index(fields=["deadline"], name="orders_saga_due", condition=Q(deadline__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"saga of {self.order_id}: {self.state}"


class SagaJournalRecord(models.Model):
    saga = models.ForeignKey(SagaRecord, on_delete=models.CASCADE, related_name="journal")
    at = models.DateTimeField()
    direction = models.CharField(max_length=10)
    message_type = models.CharField(max_length=200)
    detail = models.TextField(blank=True)

    class Meta:
        db_table = "orders_saga_journal"
        ordering = ["saga", "id"]
        verbose_name = "saga journal entry"
        verbose_name_plural = "saga journal"

    def __str__(self) -> str:
        return f"{self.direction} {self.message_type}"


class OrderNumberCounter(models.Model):
    """The embedded mode's order numbers (SQLite has no sequences); PostgreSQL uses a real sequence."""

    name = models.CharField(max_length=40, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        db_table = "orders_number_counter"

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"
