from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "oms.contexts.identity.infrastructure"
    label = "identity"
    verbose_name = "Identity"
