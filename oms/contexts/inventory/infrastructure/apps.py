from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "oms.contexts.inventory.infrastructure"
    label = "inventory"
    verbose_name = "Inventory"

    def ready(self) -> None:
        from oms.contexts.inventory.infrastructure import messaging  # noqa: PLC0415  (models are loaded now)

        messaging.wire()
