"""Local validation of the provider's JWTs (access tokens and ID tokens) against its cached JWKS.

Only the configured asymmetric algorithms are accepted, checked before any key is looked up, so
``alg: none`` and HMAC tokens signed with the public key are refused without a second look.
"""

from dataclasses import dataclass
from functools import partial
from typing import Any

import jwt
from django.conf import settings

from oms.contexts.identity.infrastructure.signing_keys import (
    SigningKeys,
    UnknownSigningKey,
    fetch_jwks,
)

ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]


class TokenRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, kw_only=True)
class TokenPolicy:
    issuer: str
    audience: str
    algorithms: frozenset[str]
    leeway_seconds: int


def validate_jwt(token: str, *, keys: SigningKeys, policy: TokenPolicy) -> dict[str, Any]:
    """The token's claims, or TokenRefused with a reason a client developer can act on."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise TokenRefused("The token is not a well-formed JWT.") from None
    algorithm, kid = header.get("alg"), header.get("kid")
    if algorithm not in policy.algorithms:
        raise TokenRefused("The token's signing algorithm is not accepted.")
    if kid is not None and not isinstance(kid, str):
        raise TokenRefused("The token is not a well-formed JWT.")
    try:
        key = keys.key_for(kid, algorithm)
    except UnknownSigningKey:
        raise TokenRefused("The token is signed with a key the provider does not publish.") from None
    try:
        return jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=policy.audience,
            issuer=policy.issuer,
            leeway=policy.leeway_seconds,
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.PyJWTError as error:
        raise TokenRefused(_reason(error)) from None


def _reason(error: jwt.PyJWTError) -> str:
    reasons: list[tuple[type[jwt.PyJWTError], str]] = [
        (jwt.ExpiredSignatureError, "The token has expired."),
        (jwt.ImmatureSignatureError, "The token is not valid yet."),
        (jwt.InvalidIssuerError, "The token was issued by another issuer."),
        (jwt.InvalidAudienceError, "The token is meant for another audience."),
        (jwt.InvalidSignatureError, "The token's signature does not verify."),
        (jwt.MissingRequiredClaimError, "The token lacks a required claim."),
    ]
    return next((text for kind, text in reasons if isinstance(error, kind)), "The token is not valid.")


def access_token_policy() -> TokenPolicy:
    return _policy(audience=settings.OIDC_AUDIENCE)


def id_token_policy() -> TokenPolicy:
    return _policy(audience=settings.OIDC_RP_CLIENT_ID)


def _policy(*, audience: str) -> TokenPolicy:
    return TokenPolicy(
        issuer=settings.OIDC_OP_ISSUER,
        audience=audience,
        algorithms=frozenset(settings.OIDC_ALLOWED_ALGORITHMS) & ASYMMETRIC_ALGORITHMS,
        leeway_seconds=settings.OIDC_CLOCK_SKEW_SECONDS,
    )


_current: tuple[tuple[str, float, float, float], SigningKeys] | None = None


def current_signing_keys() -> SigningKeys:
    """The process's key cache for the configured JWKS endpoint; a new one when the settings change."""
    global _current  # noqa: PLW0603  (one cache per process is the point)
    config = (
        settings.OIDC_OP_JWKS_ENDPOINT,
        settings.OIDC_JWKS_CACHE_SECONDS,
        settings.OIDC_JWKS_MIN_REFETCH_SECONDS,
        settings.OIDC_TIMEOUT,
    )
    if _current is None or _current[0] != config:
        url, ttl, interval, timeout = config
        keys = SigningKeys(partial(fetch_jwks, url, timeout=timeout), ttl=ttl, min_refetch_interval=interval)
        _current = (config, keys)
    return _current[1]
