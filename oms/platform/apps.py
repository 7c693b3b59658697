from django.apps import AppConfig


class PlatformConfig(AppConfig):
    name = "oms.platform"
    label = "platform"
    verbose_name = "Platform"

    def ready(self) -> None:
        from oms.platform.messaging.metrics import register_backlog_collector  # noqa: PLC0415

        register_backlog_collector()
