"""Which integrators hear of a topic: the active webhook subscriptions that asked for it."""

from oms.contexts.notifications.application.ports import WebhookEndpoint
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.infrastructure.models import WebhookSubscriptionRecord


class DjangoSubscriptions:
    def listening_to(self, topic: Topic) -> list[WebhookEndpoint]:
        # Filtered here, not with a JSON lookup: SQLite (the embedded mode) has no JSON containment.
        rows = WebhookSubscriptionRecord.objects.filter(active=True).order_by("created_at", "id")
        return [
            WebhookEndpoint(subscription_id=row.id, url=row.url)
            for row in rows
            if topic.value in row.event_types
        ]
