from django.contrib import admin

from oms.contexts.inventory.infrastructure.models import InventoryInbox, InventoryOutbox
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin

admin.site.register(InventoryOutbox, OutboxAdmin)
admin.site.register(InventoryInbox, InboxAdmin)
