"""The provider rotates its signing key: new tokens work at once, the old key's stop once it is gone."""

import time
from collections.abc import Iterator

import pytest

from tests.contexts.identity.support.jwks_server import JwksServer
from tests.contexts.identity.support.keys import rsa_key
from tests.oidc.conftest import trust
from tests.oidc.process import OidcProvider
from tests.oidc.tokens import robot_token

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
CACHE_SECONDS = 1.0
REFETCH_SECONDS = 0.5


@pytest.fixture
def jwks_counter(settings, own_oidc_provider: OidcProvider) -> Iterator[JwksServer]:
    """The provider's JWKS, passed through a counter of the OMS's fetches."""
    counter = JwksServer([], upstream=own_oidc_provider.url("/jwks"))
    counter.start()
    trust(settings, own_oidc_provider)
    settings.OIDC_OP_JWKS_ENDPOINT = counter.url
    settings.OIDC_JWKS_CACHE_SECONDS = CACHE_SECONDS
    settings.OIDC_JWKS_MIN_REFETCH_SECONDS = REFETCH_SECONDS
    try:
        yield counter
    finally:
        counter.stop()


def status(api_client, token):
    return api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code


def test_rotation_without_restarting_the_oms(api_client, own_oidc_provider, jwks_counter):
    old_key, new_key = rsa_key("old"), rsa_key("new")
    own_oidc_provider.start([old_key])
    old_token = robot_token(own_oidc_provider)
    assert status(api_client, old_token) == 200

    own_oidc_provider.restart([new_key, old_key])  # the new key signs; the old one is still published
    new_token = robot_token(own_oidc_provider)

    assert status(api_client, new_token) == 200  # an unknown kid: the keys are fetched again at once
    assert status(api_client, old_token) == 200
    assert jwks_counter.fetches == 2

    own_oidc_provider.restart([new_key])  # the old key is retired; the OMS learns it when its cache expires
    time.sleep(CACHE_SECONDS + 0.1)

    assert status(api_client, old_token) == 401
    assert status(api_client, new_token) == 200
    assert jwks_counter.fetches == 3


def test_tokens_with_made_up_kids_fetch_the_keys_at_most_once_per_interval(
    api_client, own_oidc_provider, jwks_counter
):
    own_oidc_provider.start([rsa_key("real")])
    assert status(api_client, robot_token(own_oidc_provider)) == 200
    forged = [rsa_key(f"made-up-{n}") for n in range(3)]

    statuses = [status(api_client, key.sign({"sub": "x", "aud": "urn:oms:api"})) for key in forged * 10]

    assert set(statuses) == {401}
    assert jwks_counter.fetches == 2
