from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "oms.contexts.inventory.infrastructure"
    label = "inventory"
    verbose_name = "Inventory"
