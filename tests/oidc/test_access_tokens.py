"""API calls with access tokens the real provider issued: for users (code flow) and machines."""

import pytest

from oms.contexts.identity.infrastructure.models import User
from tests.oidc.tokens import robot_token, user_tokens

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
ME = "/api/v1/me/"


def me(api_client, token):
    return api_client.get(ME, HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.parametrize("role", ["customer", "support", "warehouse", "admin"])
def test_a_users_access_token_calls_the_api_with_their_role(api_client, oms_trusts_provider, role):
    token = user_tokens(oms_trusts_provider, role)["access_token"]

    response = me(api_client, token)

    assert response.status_code == 200
    assert response.json()["roles"] == [role]
    assert response.json()["email"] == f"{role}@example.test"


def test_a_machine_clients_token_calls_the_api_with_the_roles_it_was_given(api_client, oms_trusts_provider):
    response = me(api_client, robot_token(oms_trusts_provider))

    assert response.status_code == 200
    assert response.json()["roles"] == ["warehouse"]
    assert User.objects.get(subject="oms-robot").is_staff


def test_a_token_the_provider_issued_for_another_api_is_refused(api_client, oms_trusts_provider):
    token = robot_token(oms_trusts_provider, resource="urn:example:another-api")

    response = me(api_client, token)

    assert response.status_code == 401
    assert response.json()["detail"] == "The token is meant for another audience."


def test_an_id_token_is_no_access_token(api_client, oms_trusts_provider):
    id_token = user_tokens(oms_trusts_provider, "admin")["id_token"]

    response = me(api_client, id_token)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="oms", error="invalid_token"'
