from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "oms.contexts.payments.infrastructure"
    label = "payments"
    verbose_name = "Payments"
