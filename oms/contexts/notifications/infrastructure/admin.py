"""The back office: notifications and their attempts (read only), webhook subscriptions (editable),
template previews, and a resend that goes through the application layer."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path

from oms.contexts.notifications.application.resending import resend_notification
from oms.contexts.notifications.domain.notification import NotificationId
from oms.contexts.notifications.infrastructure import previews
from oms.contexts.notifications.infrastructure.admin_forms import WebhookSubscriptionForm
from oms.contexts.notifications.infrastructure.models import (
    DeliveryAttemptRecord,
    NotificationRecord,
    NotificationsInbox,
    NotificationsOutbox,
    WebhookSubscriptionRecord,
)
from oms.contexts.notifications.infrastructure.tasks import CLOCK, CeleryDispatcher
from oms.contexts.notifications.infrastructure.unit_of_work import DjangoNotificationsUnitOfWork
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin, ReadOnlyAdmin
from oms.shared_kernel.errors import DomainError

ATTEMPT_FIELDS = ("number", "outcome", "error", "started_at", "finished_at")


class AttemptInline(admin.TabularInline):  # type: ignore[type-arg]
    """Attempts are evidence of what was tried: never edited by hand."""

    model = DeliveryAttemptRecord
    fields = ATTEMPT_FIELDS
    readonly_fields = ATTEMPT_FIELDS
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(NotificationRecord)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "topic", "order_number", "channel", "status", "attempts", "sent_at")
    list_filter = ("status", "channel", "topic")
    search_fields = ("id", "order_number", "=order_id", "=message_id")
    date_hierarchy = "created_at"
    inlines = [AttemptInline]
    actions = ["resend"]
    change_list_template = "notifications/admin/notification_change_list.html"

    def has_resend_permission(self, request: HttpRequest) -> bool:
        # Records are never edited, so the "change" permission is free to mean "may send again".
        return request.user.has_perm("notifications.change_notificationrecord")

    @admin.action(description="Resend the selected notifications (as new ones)", permissions=["resend"])
    def resend(self, request: HttpRequest, queryset: QuerySet[NotificationRecord]) -> None:
        done = 0
        for record in queryset.order_by("pk"):
            try:
                resend_notification(
                    NotificationId(record.pk),
                    uow=DjangoNotificationsUnitOfWork(),
                    dispatcher=CeleryDispatcher(),
                    clock=CLOCK,
                )
                done += 1
            except DomainError as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
        if done:
            self.message_user(request, f"{done} notification(s) resent.", messages.SUCCESS)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("previews/", view(previews.index(self)), name="notifications_previews"),
            path(
                "previews/<str:topic>/<str:channel>/",
                view(previews.preview(self)),
                name="notifications_preview",
            ),
            *super().get_urls(),
        ]


@admin.register(DeliveryAttemptRecord)
class DeliveryAttemptAdmin(ReadOnlyAdmin):
    list_display = ("notification", "number", "outcome", "error", "finished_at")
    list_filter = ("outcome", "notification__channel")
    search_fields = ("=notification__id",)
    list_select_related = ("notification",)


@admin.register(WebhookSubscriptionRecord)
class WebhookSubscriptionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = WebhookSubscriptionForm
    list_display = ("name", "url", "active", "created_at")
    list_filter = ("active",)
    search_fields = ("name", "url")


admin.site.register(NotificationsOutbox, OutboxAdmin)
admin.site.register(NotificationsInbox, InboxAdmin)
