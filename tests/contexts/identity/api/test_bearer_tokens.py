"""API calls with bearer tokens: validated locally, users provisioned just in time from the claims."""

import hashlib
import hmac
import json
import time

import jwt
import pytest
from jwt.utils import base64url_encode

from oms.contexts.identity.infrastructure.models import User
from tests.contexts.identity.support.keys import claims_for, ec_key, rsa_key

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"


def me(api_client, token):
    return api_client.get(ME, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_a_valid_token_signs_the_caller_in_with_the_roles_it_names(api_client, local_provider):
    response = me(api_client, local_provider.token("support", subject="sub-sam", email="sam@example.test"))

    assert response.status_code == 200
    body = response.json()
    assert body["email"] == "sam@example.test"
    assert body["roles"] == ["support"]
    assert "identity.view_user" in body["permissions"]
    assert body["id"] == str(User.objects.get(subject="sub-sam").pk)


def test_the_first_token_of_a_subject_provisions_the_user_and_later_ones_update_them(
    api_client, local_provider
):
    me(api_client, local_provider.token("customer", subject="sub-ada", name="Ada"))
    me(api_client, local_provider.token("warehouse", subject="sub-ada", name="Ada Lovelace"))

    ada = User.objects.get(subject="sub-ada")
    assert ada.name == "Ada Lovelace"
    assert list(ada.groups.values_list("name", flat=True)) == ["warehouse"]
    assert ada.is_staff
    assert not ada.is_superuser


def test_a_token_without_email_keeps_the_email_already_known(api_client, local_provider):
    me(api_client, local_provider.token("customer", subject="sub-ada", email="ada@example.test"))
    claims = claims_for("customer", subject="sub-ada")
    del claims["email"]

    response = me(api_client, local_provider.signing_key.sign(claims))

    assert response.json()["email"] == "ada@example.test"


def test_roles_the_oms_does_not_know_are_ignored(api_client, local_provider):
    response = me(api_client, local_provider.token(None, roles=["superhero", "customer"]))

    assert response.json()["roles"] == ["customer"]


def test_a_user_disabled_in_the_back_office_is_refused_despite_a_valid_token(api_client, local_provider):
    token = local_provider.token("customer", subject="sub-gone")
    me(api_client, token)
    User.objects.filter(subject="sub-gone").update(is_active=False)

    response = me(api_client, token)

    assert response.status_code == 401
    assert response.json()["detail"] == "The account is disabled."


def test_a_token_within_the_clock_skew_is_accepted(api_client, local_provider):
    now = int(time.time())
    token = local_provider.token("customer", iat=now + 20, nbf=now + 20, exp=now - 20 + 300)

    assert me(api_client, token).status_code == 200


def test_an_ec_signed_token_is_accepted_when_its_algorithm_is(api_client, local_provider, settings):
    key = ec_key()
    local_provider.server.keys.append(key)
    settings.OIDC_ALLOWED_ALGORITHMS = ["RS256", "ES256"]

    assert me(api_client, key.sign(claims_for("customer"))).status_code == 200


def test_a_misconfigured_algorithm_list_still_cannot_let_hmac_in(api_client, local_provider, settings):
    settings.OIDC_ALLOWED_ALGORITHMS = ["RS256", "HS256"]

    response = me(api_client, _hmac_with_the_public_key(local_provider))

    assert response.status_code == 401


def _expired(provider):
    now = int(time.time())
    return provider.token("admin", iat=now - 600, exp=now - 31)


def _not_yet_valid(provider):
    now = int(time.time())
    return provider.token("admin", nbf=now + 120)


def _issued_in_the_future(provider):
    return provider.token("admin", iat=int(time.time()) + 120)


def _alg_none(provider):
    return jwt.encode(claims_for("admin"), None, algorithm="none", headers={"kid": provider.signing_key.kid})


def _hmac_with_the_public_key(provider):
    # The classic confusion: a verifier that trusts the header's alg would use the PEM as an HMAC secret.
    # PyJWT refuses to make such a token, so it is assembled by hand.
    header = {"alg": "HS256", "typ": "JWT", "kid": provider.signing_key.kid}
    signing_input = f"{_segment(header)}.{_segment(claims_for('admin'))}"
    mac = hmac.new(provider.signing_key.public_pem(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64url_encode(mac).decode()}"


def _segment(part):
    return base64url_encode(json.dumps(part).encode()).decode()


def _unknown_key(provider):
    return rsa_key(provider.signing_key.kid).sign(claims_for("admin"))


def _unknown_kid(provider):
    return rsa_key("never-published").sign(claims_for("admin"))


def _tampered(provider):
    header, _, signature = provider.token("customer").split(".")
    return f"{header}.{_segment(claims_for('admin'))}.{signature}"


NEGATIVE_TOKENS = {
    "expired": (_expired, "The token has expired."),
    "not yet valid": (_not_yet_valid, "The token is not valid yet."),
    "issued in the future": (_issued_in_the_future, "The token is not valid yet."),
    "wrong issuer": (
        lambda p: p.token("admin", iss="https://evil.example"),
        "The token was issued by another issuer.",
    ),
    "wrong audience": (
        lambda p: p.token("admin", aud="urn:other:api"),
        "The token is meant for another audience.",
    ),
    "no audience": (lambda p: p.token("admin", aud=None), "The token lacks a required claim."),
    "alg none": (_alg_none, "The token's signing algorithm is not accepted."),
    "HS256 with the public key": (
        _hmac_with_the_public_key,
        "The token's signing algorithm is not accepted.",
    ),
    "signed by an unknown key": (_unknown_key, "The token's signature does not verify."),
    "unknown kid": (_unknown_kid, "The token is signed with a key the provider does not publish."),
    "tampered payload": (_tampered, "The token's signature does not verify."),
    "no subject": (lambda p: p.token("admin", sub=None), "The token lacks a required claim."),
    "no expiry": (lambda p: p.token("admin", exp=None), "The token lacks a required claim."),
    "garbage": (lambda p: "not-a-jwt", "The token is not a well-formed JWT."),
    "three garbage parts": (lambda p: "a.b.c", "The token is not a well-formed JWT."),
}


@pytest.mark.parametrize("case", NEGATIVE_TOKENS)
def test_a_refused_token_answers_401_with_a_problem_and_a_bearer_challenge(api_client, local_provider, case):
    make, reason = NEGATIVE_TOKENS[case]

    response = me(api_client, make(local_provider))

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == 'Bearer realm="oms", error="invalid_token"'
    assert response.json() == {
        "type": "/problems/invalid-token",
        "title": "Unauthorized",
        "status": 401,
        "detail": reason,
    }
    assert not User.objects.exists()  # a refused token provisions no one


def test_an_authorization_header_that_is_not_bearer_token_shaped_is_refused(api_client, local_provider):
    response = api_client.get(ME, HTTP_AUTHORIZATION="Bearer two parts")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="oms", error="invalid_token"'


def test_a_call_without_credentials_gets_a_plain_bearer_challenge(api_client, local_provider):
    response = api_client.get(ME)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="oms"'
    assert response.json()["type"] == "/problems/not-authenticated"


def test_without_a_configured_provider_bearer_tokens_are_refused(api_client, local_provider, settings):
    settings.OIDC_OP_JWKS_ENDPOINT = ""

    response = me(api_client, local_provider.token("admin"))

    assert response.status_code == 401
    assert local_provider.server.fetches == 0
