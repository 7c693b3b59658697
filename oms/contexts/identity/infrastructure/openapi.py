"""How the OpenAPI schema (and so Swagger UI's Authorize button) describes bearer tokens.

Its own module, imported once the apps are ready: drf-spectacular imports DRF's views, which import
the authentication classes, so defining this beside the class would be a circular import.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class BearerTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "oms.contexts.identity.infrastructure.bearer.BearerTokenAuthentication"
    name = "oidcAccessToken"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
