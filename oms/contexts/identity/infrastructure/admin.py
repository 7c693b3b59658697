from django.contrib import admin

from oms.contexts.identity.infrastructure.models import IdentityInbox, IdentityOutbox
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin

admin.site.register(IdentityOutbox, OutboxAdmin)
admin.site.register(IdentityInbox, InboxAdmin)
