"""The back office's view of orders: read-only records, with the saga beside each order.

Nothing is edited by hand: every change goes through the application layer (admin_actions), so the
domain's rules, the timeline and the outbox apply to staff exactly as they do to the API.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from oms.contexts.orders.infrastructure import admin_actions as actions
from oms.contexts.orders.infrastructure.models import (
    OrderLineRecord,
    OrderRecord,
    OrdersInbox,
    OrdersOutbox,
    SagaJournalRecord,
    SagaRecord,
    TimelineEntryRecord,
)
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin, ReadOnlyAdmin

admin.site.register(OrdersOutbox, OutboxAdmin)
admin.site.register(OrdersInbox, InboxAdmin)


class ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class LineInline(ReadOnlyInline):
    model = OrderLineRecord
    fields = ("sku", "quantity", "unit_price", "line_total")


class TimelineInline(ReadOnlyInline):
    model = TimelineEntryRecord
    fields = ("at", "from_status", "to_status", "payment_status", "reason", "actor")


class SagaInline(admin.StackedInline):  # type: ignore[type-arg]
    model = SagaRecord
    can_delete = False
    fields = (
        "state",
        "current_step",
        "deadline",
        "needs_attention",
        "attention_reason",
        "reservation",
        "authorization",
        "steps",
        "version",
    )

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OrderRecord)
class OrderAdmin(ReadOnlyAdmin):
    list_display = ("number", "status", "payment_status", "total", "customer_id", "created_at", "attention")
    list_filter = (
        "status",
        "payment_status",
        ("created_at", admin.DateFieldListFilter),
        "saga__needs_attention",
    )
    list_select_related = ("saga",)
    search_fields = ("=id", "number", "=customer_id", "lines__sku", "external_reference")
    date_hierarchy = "created_at"
    inlines = (LineInline, TimelineInline, SagaInline)
    actions = ("cancel", "ship", "refund", "resolve_attention")

    @admin.display(description="total")
    def total(self, record: OrderRecord) -> str:
        return f"{record.total_amount.normalize():f} {record.currency}"

    @admin.display(description="needs attention", boolean=True)
    def attention(self, record: OrderRecord) -> bool:
        saga = getattr(record, "saga", None)
        return bool(saga and saga.needs_attention)

    @admin.action(description="Cancel the selected orders")
    def cancel(self, request: HttpRequest, records: QuerySet[OrderRecord]) -> TemplateResponse | None:
        return actions.ask(
            self, request, records, actions.CancelForm, actions.cancelling, action="cancel", title="Cancel"
        )

    @admin.action(description="Ship the selected orders")
    def ship(self, request: HttpRequest, records: QuerySet[OrderRecord]) -> TemplateResponse | None:
        return actions.ask(
            self, request, records, actions.ShipForm, actions.shipping, action="ship", title="Ship"
        )

    @admin.action(description="Refund the selected orders")
    def refund(self, request: HttpRequest, records: QuerySet[OrderRecord]) -> TemplateResponse | None:
        refunding = actions.refunding(lambda order_id: records.get(pk=order_id.value).currency)
        return actions.ask(
            self, request, records, actions.RefundForm, refunding, action="refund", title="Refund"
        )

    @admin.action(description="Mark the selected orders' attention flags as resolved")
    def resolve_attention(self, request: HttpRequest, records: QuerySet[OrderRecord]) -> None:
        actions.run(self, request, records, actions.resolving)


@admin.register(SagaJournalRecord)
class SagaJournalAdmin(ReadOnlyAdmin):
    list_display = ("at", "saga", "direction", "message_type", "detail")
    list_filter = ("direction", "message_type")
    search_fields = ("=saga__order__id", "saga__order__number")
