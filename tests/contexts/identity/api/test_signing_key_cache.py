"""Bearer validation against the provider's JWKS: one fetch, then memory; rotation without a restart."""

import time

import pytest

from tests.contexts.identity.support.keys import claims_for, rsa_key

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"


def me(api_client, token):
    return api_client.get(ME, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_once_the_keys_are_cached_requests_make_no_call_to_the_provider(api_client, local_provider):
    tokens = [local_provider.token(role) for role in ("customer", "support", "warehouse", "admin") * 10]

    statuses = {me(api_client, token).status_code for token in tokens}

    assert statuses == {200}
    assert local_provider.server.fetches == 1


def test_a_rotated_key_is_picked_up_without_a_restart(api_client, local_provider):
    old_key, new_key = local_provider.signing_key, rsa_key()
    assert me(api_client, old_key.sign(claims_for("customer"))).status_code == 200

    local_provider.server.keys = [new_key, old_key]

    assert me(api_client, new_key.sign(claims_for("customer"))).status_code == 200
    assert me(api_client, old_key.sign(claims_for("customer"))).status_code == 200
    assert local_provider.server.fetches == 2


def test_tokens_of_a_retired_key_stop_working_once_the_cached_keys_expire(
    api_client, local_provider, settings
):
    settings.OIDC_JWKS_CACHE_SECONDS = 0.2
    old_key, new_key = local_provider.signing_key, rsa_key()
    old_token = old_key.sign(claims_for("customer"))
    assert me(api_client, old_token).status_code == 200

    local_provider.server.keys = [new_key]
    time.sleep(0.3)
    response = me(api_client, old_token)

    assert response.status_code == 401
    assert response.json()["detail"] == "The token is signed with a key the provider does not publish."


def test_tokens_naming_made_up_keys_refetch_the_keys_only_once_per_interval(api_client, local_provider):
    assert me(api_client, local_provider.token("customer")).status_code == 200

    statuses = {
        me(api_client, rsa_key(f"made-up-{n}").sign(claims_for("admin"))).status_code for n in range(20)
    }

    assert statuses == {401}
    assert local_provider.server.fetches == 2  # the first fetch, and one refetch for the first unknown kid


def test_an_unreachable_provider_with_no_keys_cached_answers_503_not_401(api_client, local_provider):
    local_provider.server.up = False

    response = me(api_client, local_provider.token("customer"))

    assert response.status_code == 503
    assert response.json()["type"] == "/problems/identity-provider-unavailable"
