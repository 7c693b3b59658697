from django.contrib import admin
from django.http import HttpRequest

from oms.contexts.identity.infrastructure.models import IdentityInbox, IdentityOutbox, User
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin

admin.site.register(IdentityOutbox, OutboxAdmin)
admin.site.register(IdentityInbox, InboxAdmin)


@admin.register(User)
class UserAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Who has signed in. The provider owns names, emails and roles; here a user can only be disabled."""

    list_display = ("subject", "name", "email", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_active", "groups")
    search_fields = ("subject", "name", "email")
    fields = ("subject", "name", "email", "groups", "is_staff", "is_active", "last_login", "date_joined")
    readonly_fields = ("subject", "name", "email", "groups", "is_staff", "last_login", "date_joined")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # users come from the provider, at their first sign-in
