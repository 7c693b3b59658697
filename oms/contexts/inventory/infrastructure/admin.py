"""The inventory's back office: products (admin_products), and stock, reservations and the ledger
read only: those change through the use cases (an adjustment, the saga), never by hand."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from oms.contexts.inventory.infrastructure import admin_products, image_tasks  # noqa: F401  (registers)
from oms.contexts.inventory.infrastructure.image_records import ProductImageRecord
from oms.contexts.inventory.infrastructure.images import remove_image
from oms.contexts.inventory.infrastructure.models import (
    InventoryInbox,
    InventoryOutbox,
    ReservationRecord,
    StockLevel,
    StockMovementRecord,
)
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin, ReadOnlyAdmin

admin.site.register(InventoryOutbox, OutboxAdmin)
admin.site.register(InventoryInbox, InboxAdmin)


@admin.register(StockLevel)
class StockLevelAdmin(ReadOnlyAdmin):
    list_display = ("sku", "on_hand", "reserved", "reserved_as_of", "updated_at")
    search_fields = ("sku",)


@admin.register(ReservationRecord)
class ReservationAdmin(ReadOnlyAdmin):
    list_display = ("order_id", "status", "expires_at", "created_at", "updated_at")
    list_filter = ("status",)
    search_fields = ("order_id",)
    date_hierarchy = "created_at"


@admin.register(StockMovementRecord)
class StockMovementAdmin(ReadOnlyAdmin):
    list_display = ("occurred_at", "sku", "delta", "on_hand_after", "reason", "actor", "correlation_id")
    list_filter = ("reason",)
    search_fields = ("sku", "actor", "correlation_id", "order_id")
    date_hierarchy = "occurred_at"


@admin.register(ProductImageRecord)
class ProductImageAdmin(ReadOnlyAdmin):
    """Images are added on their product's page; removing one here removes its files too."""

    list_display = ("id", "product", "content_type", "width", "height", "created_at")
    search_fields = ("product__sku",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.has_perm("inventory.delete_productimagerecord"))

    def delete_model(self, request: HttpRequest, obj: ProductImageRecord) -> None:
        self.delete_queryset(request, ProductImageRecord.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ProductImageRecord]) -> None:
        # The same removal the API's DELETE makes: the row under a lock, the files after commit.
        for image in queryset.select_related("product"):
            remove_image(sku=image.product.sku, image_id=image.id)
