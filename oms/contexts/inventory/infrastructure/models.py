"""Persistence records of the inventory context; tables are prefixed `inventory_`.

Records, not aggregates: the repositories map them to and from the domain. The CHECK constraints
repeat the stock invariants in the database, the last line of defence should a bug or a hand-written
UPDATE get past the aggregates and the row locks.
"""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.platform.messaging.models import InboxMessage, OutboxMessage

SKU_LENGTH = 64


class InventoryOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "inventory_outbox"


class InventoryInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "inventory_inbox"


class ProductRecord(models.Model):
    sku = models.CharField(max_length=SKU_LENGTH, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    # Four places hold every currency's minor units (ISO 4217 has none finer).
    price_amount = models.DecimalField(max_digits=16, decimal_places=4)
    price_currency = models.CharField(max_length=3)
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "inventory_product"
        ordering = ["sku"]
        verbose_name = "product"
        constraints = [
            models.CheckConstraint(condition=Q(price_amount__gt=0), name="inventory_product_price_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"


class StockLevel(models.Model):
    """One row per SKU, locked (in SKU order) by every change of its stock.

    ``reserved`` is a cache: what the live holds set aside at ``reserved_as_of``, the moment of the
    last write. The holds are the truth (a hold lapses without a write); reconcile_inventory checks.
    """

    sku = models.CharField(max_length=SKU_LENGTH, primary_key=True)
    on_hand = models.IntegerField(default=0)
    reserved = models.IntegerField(default=0)
    reserved_as_of = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "inventory_stock_level"
        ordering = ["sku"]
        constraints = [
            models.CheckConstraint(condition=Q(on_hand__gte=0), name="inventory_stock_on_hand_not_negative"),
            models.CheckConstraint(
                condition=Q(reserved__gte=0), name="inventory_stock_reserved_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(reserved__lte=F("on_hand")), name="inventory_stock_reserved_within_on_hand"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku}: {self.on_hand} on hand, {self.reserved} reserved"


class StockHold(models.Model):
    """Units of one SKU set aside for one order: part of the SKU's stock, so it may refer to it."""

    stock = models.ForeignKey(
        StockLevel, on_delete=models.CASCADE, related_name="holds", db_column="sku", db_index=False
    )
    order_id = models.UUIDField()
    quantity = models.PositiveIntegerField()
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "inventory_stock_hold"
        indexes = [
            # Which holds lapsed between two moments: how a counter is brought up to date.
            models.Index(fields=["stock", "expires_at"], name="inventory_hold_deadline"),
        ]
        constraints = [
            # Also the index an order's own holds are read through.
            models.UniqueConstraint(fields=["stock", "order_id"], name="inventory_hold_once_per_order"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="inventory_hold_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} of {self.stock_id} for order {self.order_id}"


class ReservationRecord(models.Model):
    order_id = models.UUIDField(primary_key=True)
    status = models.CharField(max_length=16, choices=[(s.value, s.value) for s in ReservationStatus])
    expires_at = models.DateTimeField(null=True, blank=True)
    lines = models.JSONField()
    shortages = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "inventory_reservation"
        ordering = ["-created_at"]
        verbose_name = "reservation"
        indexes = [
            # The sweeper's question, kept small: only active reservations have a deadline to pass.
            models.Index(
                fields=["expires_at"], name="inventory_reservation_lapsing", condition=Q(status="active")
            ),
        ]

    def __str__(self) -> str:
        return f"reservation of order {self.order_id} ({self.status})"


class StockMovementRecord(models.Model):
    """The ledger: appended to, never changed."""

    sku = models.CharField(max_length=SKU_LENGTH)
    delta = models.IntegerField()
    on_hand_after = models.IntegerField()
    reason = models.CharField(max_length=255)
    actor = models.CharField(max_length=255)
    correlation_id = models.CharField(max_length=128)
    order_id = models.UUIDField(null=True, blank=True)
    occurred_at = models.DateTimeField()

    class Meta:
        db_table = "inventory_stock_movement"
        ordering = ["-occurred_at", "-id"]
        verbose_name = "stock movement"
        indexes = [models.Index(fields=["sku", "occurred_at"], name="inventory_movement_sku")]
        constraints = [
            models.CheckConstraint(condition=~Q(delta=0), name="inventory_movement_changes_stock"),
            models.CheckConstraint(
                condition=Q(on_hand_after__gte=0), name="inventory_movement_not_below_zero"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.delta:+d} ({self.reason})"


# The image record lives in its own module (it is about files, not stock); Django finds models here.
from oms.contexts.inventory.infrastructure.image_records import ProductImageRecord  # noqa: E402

__all__ = ["ProductImageRecord"]
