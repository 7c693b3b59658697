from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "oms.contexts.orders.infrastructure"
    label = "orders"
    verbose_name = "Orders"

    def ready(self) -> None:
        # Imported here, once the models are loaded.
        from oms.contexts.orders.infrastructure import messaging, metrics  # noqa: PLC0415

        messaging.wire()
        metrics.register_collector()
