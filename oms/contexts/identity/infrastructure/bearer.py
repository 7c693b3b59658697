"""``Authorization: Bearer <JWT>`` for the API: access tokens validated locally, users provisioned.

A refused token answers 401 with a problem body and ``WWW-Authenticate: Bearer error="invalid_token"``
(RFC 6750); a request without a token falls through to the session, and without either answers 401
with a plain ``Bearer`` challenge.
"""

from typing import Any

from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from oms.contexts.identity.domain.identity import InvalidClaims
from oms.contexts.identity.infrastructure.models import User
from oms.contexts.identity.infrastructure.signing_keys import SigningKeysUnavailable
from oms.contexts.identity.infrastructure.token_users import user_for_claims
from oms.contexts.identity.infrastructure.tokens import (
    TokenRefused,
    access_token_policy,
    current_signing_keys,
    validate_jwt,
)

REALM = "oms"
REFUSED = "_oms_bearer_refused"


class InvalidToken(exceptions.AuthenticationFailed):
    default_code = "invalid_token"
    default_detail = "The access token is not valid."


class KeysUnavailable(exceptions.APIException):
    status_code = 503
    default_code = "identity_provider_unavailable"
    default_detail = "Access tokens cannot be checked now: the identity provider's keys are unavailable."


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, dict[str, Any]] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != b"bearer":
            return None
        setattr(request, REFUSED, True)  # until the token proves good
        if len(parts) != 2:
            raise InvalidToken("The Authorization header must be 'Bearer <token>'.")
        if not settings.OIDC_OP_JWKS_ENDPOINT:
            raise InvalidToken("Bearer tokens are not accepted: no identity provider is configured.")
        try:
            claims = validate_jwt(
                parts[1].decode("ascii"), keys=current_signing_keys(), policy=access_token_policy()
            )
            user = user_for_claims(claims)
        except (UnicodeDecodeError, InvalidClaims):
            raise InvalidToken from None
        except TokenRefused as refused:
            raise InvalidToken(refused.reason) from None
        except SigningKeysUnavailable:
            raise KeysUnavailable from None
        if not user.is_active:
            raise InvalidToken("The account is disabled.")
        setattr(request, REFUSED, False)
        return user, claims

    def authenticate_header(self, request: Request) -> str:
        if getattr(request, REFUSED, False):
            return f'Bearer realm="{REALM}", error="invalid_token"'
        return f'Bearer realm="{REALM}"'
