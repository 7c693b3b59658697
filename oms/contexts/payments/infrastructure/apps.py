from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "oms.contexts.payments.infrastructure"
    label = "payments"
    verbose_name = "Payments"

    def ready(self) -> None:
        from oms.contexts.payments.infrastructure import messaging  # noqa: PLC0415  (models are loaded now)

        messaging.wire()
