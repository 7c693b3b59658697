"""System checks (``manage.py check``, and so ``check --deploy``) for the identity settings."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error

from oms.contexts.identity.infrastructure.tokens import ASYMMETRIC_ALGORITHMS


def check_identity_settings(**kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    refused = set(settings.OIDC_ALLOWED_ALGORITHMS) - ASYMMETRIC_ALGORITHMS
    if refused or not settings.OIDC_ALLOWED_ALGORITHMS:
        errors.append(
            Error(
                f"OIDC_ALLOWED_ALGORITHMS may name only asymmetric algorithms; not {sorted(refused)}.",
                hint=f"Choose among {sorted(ASYMMETRIC_ALGORITHMS)}; 'none' and HS* are never accepted.",
                id="identity.E001",
            )
        )
    if settings.OIDC_OP_JWKS_ENDPOINT and not (settings.OIDC_OP_ISSUER and settings.OIDC_AUDIENCE):
        errors.append(
            Error(
                "Bearer tokens need OIDC_OP_ISSUER and OIDC_AUDIENCE (or OIDC_RP_CLIENT_ID) beside the JWKS.",
                id="identity.E002",
            )
        )
    return errors
