from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate


class IdentityConfig(AppConfig):
    name = "oms.contexts.identity.infrastructure"
    label = "identity"
    verbose_name = "Identity"

    def ready(self) -> None:
        # Imported once the models are loaded; importing openapi registers the bearer scheme.
        from oms.contexts.identity.infrastructure import (  # noqa: PLC0415
            checks as identity_checks,
        )
        from oms.contexts.identity.infrastructure import (  # noqa: PLC0415
            messaging,
            openapi,  # noqa: F401
            role_permissions,
        )

        messaging.wire()
        checks.register(identity_checks.check_identity_settings, checks.Tags.security)
        post_migrate.connect(role_permissions.sync_role_permissions, dispatch_uid="identity.role_permissions")
