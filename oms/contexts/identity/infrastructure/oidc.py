"""Browser sign-in through mozilla-django-oidc: authorization code flow with PKCE, state and nonce.

The library drives the flow; this module decides who the user is. Users are matched on the
provider's ``sub`` (never on email, which a user can change at the provider and which two
providers' users may share), provisioned from the ID token's and userinfo's claims on every
sign-in, and given the groups of their roles. ID tokens are checked like access tokens, against
the cached JWKS, with the issuer and the client as audience, which the library does not check.
"""

import logging
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from oms.contexts.identity.application.provisioning import provision_user
from oms.contexts.identity.domain.identity import InvalidClaims, identity_from_claims
from oms.contexts.identity.infrastructure.directory import DjangoUserDirectory
from oms.contexts.identity.infrastructure.models import User
from oms.contexts.identity.infrastructure.tokens import (
    TokenRefused,
    current_signing_keys,
    id_token_policy,
    validate_jwt,
)

logger = logging.getLogger(__name__)


def oidc_configured() -> bool:
    return bool(
        settings.OIDC_RP_CLIENT_ID
        and settings.OIDC_OP_AUTHORIZATION_ENDPOINT
        and settings.OIDC_OP_TOKEN_ENDPOINT
    )


class OidcBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if not oidc_configured():
            return None
        try:
            user: User | None = super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation) as error:
            # The reason only: the library's messages may quote the provider's response body.
            logger.warning("OIDC sign-in refused: %s", type(error).__name__)
            return None
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        try:
            claims = validate_jwt(token, keys=current_signing_keys(), policy=id_token_policy())
        except TokenRefused as refused:
            raise SuspiciousOperation(f"ID token refused: {refused.reason}") from None
        if self.get_settings("OIDC_USE_NONCE", True) and claims.get("nonce") != kwargs.get("nonce"):
            raise SuspiciousOperation("ID token refused: its nonce is not this sign-in's")
        return claims

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> dict[str, Any]:
        """The ID token's claims, completed by the userinfo endpoint's when one is configured."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("userinfo describes another subject than the ID token")
            claims.update(userinfo)
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        try:
            identity_from_claims(claims, roles_claim=settings.OIDC_ROLES_CLAIM)
        except InvalidClaims:
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        return User.objects.filter(subject=claims.get("sub"))

    def create_user(self, claims: dict[str, Any]) -> User:
        return self._provision(claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return self._provision(claims)

    def _provision(self, claims: dict[str, Any]) -> User:
        identity = identity_from_claims(claims, roles_claim=settings.OIDC_ROLES_CLAIM)
        return provision_user(identity, directory=DjangoUserDirectory())


class OidcAuthenticateView(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """``/oidc/authenticate/``: absent (404) when no provider is configured, as in embedded mode."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_configured():
            raise Http404
        response: HttpResponse = super().get(request)
        return response


def provider_logout_url(request: HttpRequest) -> str:
    """Where to send the browser after the local sign-out: the provider's end_session_endpoint
    (RP-initiated logout) when it has one, so the provider's session ends too; else back home."""
    home = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    endpoint = settings.OIDC_OP_LOGOUT_ENDPOINT
    if not endpoint or not oidc_configured():
        return home
    params = {"client_id": settings.OIDC_RP_CLIENT_ID, "post_logout_redirect_uri": home}
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    return f"{endpoint}?{urlencode(params)}"
