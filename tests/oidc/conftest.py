"""A real OpenID Connect provider on loopback, and the OMS configured to trust it."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings

from tests.contexts.identity.support.keys import rsa_key
from tests.oidc.process import AUDIENCE, OidcProvider


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    """One provider for the session, which knows the live server's callback and sign-out URLs."""
    provider = OidcProvider(
        tmp_path_factory.mktemp("oidc"),
        redirect_uris=(f"{live_server.url}/oidc/callback/", f"{live_server.url}/api/v1/"),
    )
    provider.start([rsa_key("session-key")])
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture
def own_oidc_provider(tmp_path: Path) -> Iterator[OidcProvider]:
    """A provider of this test's own, to restart with other keys."""
    provider = OidcProvider(tmp_path)
    try:
        yield provider
    finally:
        provider.stop()


def trust(settings: LazySettings, provider: OidcProvider) -> None:
    settings.OIDC_OP_ISSUER = provider.issuer
    settings.OIDC_OP_JWKS_ENDPOINT = provider.url("/jwks")
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = provider.url("/auth")
    settings.OIDC_OP_TOKEN_ENDPOINT = provider.url("/token")
    settings.OIDC_OP_USER_ENDPOINT = provider.url("/me")
    settings.OIDC_OP_LOGOUT_ENDPOINT = provider.url("/session/end")
    settings.OIDC_RP_CLIENT_ID = "oms"
    settings.OIDC_RP_CLIENT_SECRET = "oms-secret"
    settings.OIDC_AUDIENCE = AUDIENCE
    # The live server speaks plain HTTP on loopback; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def oms_trusts_provider(settings: LazySettings, oidc_provider: OidcProvider) -> OidcProvider:
    trust(settings, oidc_provider)
    return oidc_provider
