"""The back office's view of payments: every ledger line, and the provider events received. Read only."""

from django.contrib import admin

from oms.contexts.payments.infrastructure.models import (
    LedgerEntryRecord,
    PaymentRecord,
    PaymentsInbox,
    PaymentsOutbox,
    WebhookEventRecord,
)
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin, ReadOnlyAdmin

LEDGER_FIELDS = (
    "sequence",
    "operation",
    "entry_type",
    "amount",
    "currency",
    "idempotency_key",
    "provider_reference",
    "failure_kind",
    "reason",
    "refund_id",
    "actor",
    "at",
)


class LedgerEntryInline(admin.TabularInline):  # type: ignore[type-arg]
    """The ledger is evidence of what moved at the provider: it is never edited by hand."""

    model = LedgerEntryRecord
    fields = LEDGER_FIELDS
    readonly_fields = LEDGER_FIELDS
    extra = 0
    can_delete = False
    ordering = ("sequence",)

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(PaymentRecord)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ("id", "order_id", "status", "currency", "created_at", "updated_at")
    list_filter = ("status", "currency")
    search_fields = ("id", "order_id", "entries__provider_reference", "entries__idempotency_key")
    date_hierarchy = "created_at"
    inlines = [LedgerEntryInline]


@admin.register(WebhookEventRecord)
class WebhookEventAdmin(ReadOnlyAdmin):
    list_display = ("event_id", "provider", "received_at")
    list_filter = ("provider",)
    search_fields = ("event_id",)


admin.site.register(PaymentsOutbox, OutboxAdmin)
admin.site.register(PaymentsInbox, InboxAdmin)
