"""Back-office views of every context's outbox and inbox: read-only, with replay for dead letters."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from oms.platform.messaging.dead_letters import replay
from oms.platform.messaging.models import InboxMessage, InboxStatus


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Messages are evidence: staff may read them, never edit or delete them by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OutboxAdmin(ReadOnlyAdmin):
    list_display = ("type", "aggregate_id", "created_at", "published_at", "correlation_id")
    list_filter = ("type", ("published_at", admin.EmptyFieldListFilter))
    search_fields = ("id", "aggregate_id", "correlation_id")
    date_hierarchy = "created_at"


class InboxAdmin(ReadOnlyAdmin):
    list_display = ("type", "handler", "status", "attempts", "received_at", "processed_at")
    list_filter = ("status", "type", "handler")
    search_fields = ("message_id", "handler")
    actions = ["replay_dead_letters"]

    @admin.action(description="Replay the selected dead messages")
    def replay_dead_letters(self, request: HttpRequest, queryset: QuerySet[InboxMessage]) -> None:
        report = replay(list(queryset.filter(status=InboxStatus.DEAD)))
        self.message_user(
            request, f"{report.handled} handled, {report.still_dead} still dead.", messages.INFO
        )
        for error in report.errors:
            self.message_user(request, error, messages.WARNING)
