"""ID tokens from the browser sign-in are checked like access tokens, with the client as audience."""

import pytest
from django.core.exceptions import SuspiciousOperation

from oms.contexts.identity.infrastructure.oidc import OidcBackend
from tests.contexts.identity.support.keys import claims_for


@pytest.fixture
def backend(settings, local_provider):
    settings.OIDC_RP_CLIENT_ID = "oms"
    return OidcBackend()


def id_token(provider, **claims):
    return provider.signing_key.sign(claims_for("customer", **{"aud": "oms", "nonce": "n-1", **claims}))


def test_an_id_token_for_this_client_with_this_sign_ins_nonce_is_accepted(backend, local_provider):
    claims = backend.verify_token(id_token(local_provider, subject="sub-ada"), nonce="n-1")

    assert claims["sub"] == "sub-ada"


def test_an_id_token_with_another_sign_ins_nonce_is_refused(backend, local_provider):
    with pytest.raises(SuspiciousOperation, match="nonce"):
        backend.verify_token(id_token(local_provider), nonce="n-2")


@pytest.mark.parametrize(
    ("claims", "reason"),
    [({"aud": "another-client"}, "another audience"), ({"iss": "https://evil.example"}, "another issuer")],
)
def test_an_id_token_meant_for_someone_else_is_refused(backend, local_provider, claims, reason):
    with pytest.raises(SuspiciousOperation, match=reason):
        backend.verify_token(id_token(local_provider, **claims), nonce="n-1")


def test_without_a_userinfo_endpoint_the_id_tokens_claims_are_used(backend, settings):
    settings.OIDC_OP_USER_ENDPOINT = ""
    payload = {"sub": "sub-ada", "roles": ["support"]}

    assert OidcBackend().get_userinfo("access", "id", payload) == payload
