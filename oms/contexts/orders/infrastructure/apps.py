from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "oms.contexts.orders.infrastructure"
    label = "orders"
    verbose_name = "Orders"

    def ready(self) -> None:
        from oms.contexts.orders.infrastructure import messaging  # noqa: PLC0415  (models are loaded now)

        messaging.wire()
