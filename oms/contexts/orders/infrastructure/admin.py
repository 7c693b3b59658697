from django.contrib import admin

from oms.contexts.orders.infrastructure.models import OrdersInbox, OrdersOutbox
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin

admin.site.register(OrdersOutbox, OutboxAdmin)
admin.site.register(OrdersInbox, InboxAdmin)
