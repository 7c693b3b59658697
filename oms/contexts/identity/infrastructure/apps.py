from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "oms.contexts.identity.infrastructure"
    label = "identity"
    verbose_name = "Identity"

    def ready(self) -> None:
        from oms.contexts.identity.infrastructure import messaging  # noqa: PLC0415  (models are loaded now)

        messaging.wire()
