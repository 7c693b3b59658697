from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "oms.contexts.notifications.infrastructure"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from oms.contexts.notifications.infrastructure import messaging  # noqa: PLC0415  (models are loaded now)

        messaging.wire()
