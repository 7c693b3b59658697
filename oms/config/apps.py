from django.apps import AppConfig


class CompositionRootConfig(AppConfig):
    """Holds the operator commands that span contexts (they call each context's facade)."""

    name = "oms.config"
    label = "config"
    verbose_name = "OMS"
