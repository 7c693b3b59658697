from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "oms.contexts.notifications.infrastructure"
    label = "notifications"
    verbose_name = "Notifications"
