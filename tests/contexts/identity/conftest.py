from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import LazySettings

from tests.contexts.identity.support.jwks_server import JwksServer
from tests.contexts.identity.support.keys import AUDIENCE, ISSUER, SigningKey, claims_for, shared_rsa_key


class LocalProvider:
    """The provider's side of bearer tokens: its keys on a loopback JWKS endpoint, and tokens it signs."""

    def __init__(self, server: JwksServer) -> None:
        self.server = server

    @property
    def signing_key(self) -> SigningKey:
        return self.server.keys[0]

    def token(self, role: str | None = "customer", **claims: Any) -> str:
        return self.signing_key.sign(claims_for(role, **claims))


@pytest.fixture
def local_provider(settings: LazySettings) -> Iterator[LocalProvider]:
    server = JwksServer([shared_rsa_key()])
    server.start()
    settings.OIDC_OP_ISSUER = ISSUER
    settings.OIDC_OP_JWKS_ENDPOINT = server.url
    settings.OIDC_AUDIENCE = AUDIENCE
    settings.OIDC_JWKS_CACHE_SECONDS = 300.0
    settings.OIDC_JWKS_MIN_REFETCH_SECONDS = 30.0
    try:
        yield LocalProvider(server)
    finally:
        server.stop()
