from django.contrib import admin

from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin

admin.site.register(NotificationsOutbox, OutboxAdmin)
admin.site.register(NotificationsInbox, InboxAdmin)
