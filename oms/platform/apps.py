from django.apps import AppConfig


class PlatformConfig(AppConfig):
    name = "oms.platform"
    label = "platform"
    verbose_name = "Platform"
