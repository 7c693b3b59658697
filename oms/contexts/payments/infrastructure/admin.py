from django.contrib import admin

from oms.contexts.payments.infrastructure.models import PaymentsInbox, PaymentsOutbox
from oms.platform.messaging.admin import InboxAdmin, OutboxAdmin

admin.site.register(PaymentsOutbox, OutboxAdmin)
admin.site.register(PaymentsInbox, InboxAdmin)
