from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "oms.contexts.orders.infrastructure"
    label = "orders"
    verbose_name = "Orders"
