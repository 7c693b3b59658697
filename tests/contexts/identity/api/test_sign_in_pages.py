"""The browser's sign-in and sign-out pages, with and without an OIDC provider configured."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group

from oms.contexts.identity.infrastructure.models import User

pytestmark = pytest.mark.django_db
PROVIDER = "https://id.example.test"


@pytest.fixture
def provider_configured(settings):
    settings.OIDC_RP_CLIENT_ID = "oms"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{PROVIDER}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{PROVIDER}/token"
    settings.OIDC_OP_LOGOUT_ENDPOINT = f"{PROVIDER}/session/end"


def user(*roles):
    created = User.objects.create_user(f"sub-{'-'.join(roles)}", email="u@example.test")
    created.groups.set(Group.objects.filter(name__in=roles))
    created.is_staff = bool({"support", "warehouse", "admin"} & set(roles))
    created.save()
    return created


def test_without_a_provider_the_admin_and_the_api_offer_password_sign_in(client):
    assert b'name="password"' in client.get("/admin/login/").content
    assert b'name="password"' in client.get("/api/auth/login/").content
    assert client.get("/oidc/authenticate/").status_code == 404


def test_with_a_provider_the_admin_sends_the_browser_there(client, provider_configured):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/oidc/authenticate/?next=%2Fadmin%2F"


def test_with_a_provider_the_password_form_signs_no_one_in(client, provider_configured):
    demo = User.objects.create_user("demo|admin", password="demo")
    demo.groups.set([Group.objects.get(name="admin")])

    client.post("/admin/login/", {"username": "demo|admin", "password": "demo"})

    assert client.get("/admin/").status_code == 302


def test_the_browsable_apis_sign_in_link_leads_to_the_provider(client, provider_configured):
    response = client.get("/api/auth/login/?next=/api/v1/me/")

    assert response["Location"] == "/oidc/authenticate/?next=%2Fapi%2Fv1%2Fme%2F"


def test_sign_in_starts_the_code_flow_with_pkce_state_and_nonce(client, provider_configured):
    response = client.get("/oidc/authenticate/?next=/admin/")

    location = urlsplit(response["Location"])
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{PROVIDER}/auth"
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert query["state"]
    assert query["nonce"]
    assert query["scope"] == "openid email profile"
    saved = client.session["oidc_states"][query["state"]]
    assert saved["nonce"] == query["nonce"]
    assert len(saved["code_verifier"]) >= 43


def test_a_signed_in_customer_at_the_admin_is_refused_rather_than_sent_round_in_circles(
    client, provider_configured
):
    client.force_login(user("customer"))

    assert client.get("/admin/login/?next=/admin/").status_code == 403


def test_signing_out_ends_the_session_here_and_at_the_provider(client, provider_configured):
    client.force_login(user("support"))
    session = client.session
    session["oidc_id_token"] = "the-id-token"
    session.save()

    response = client.post("/admin/logout/")

    location = urlsplit(response["Location"])
    query = parse_qs(location.query)
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{PROVIDER}/session/end"
    assert query["id_token_hint"] == ["the-id-token"]
    assert query["post_logout_redirect_uri"] == ["http://testserver/api/v1/"]
    assert client.get("/api/v1/me/").status_code == 401


def test_without_a_provider_signing_out_ends_the_local_session_only(client):
    client.force_login(user("support"))

    response = client.post("/api/auth/logout/")

    assert response["Location"] == "http://testserver/api/v1/"
    assert client.get("/api/v1/me/").status_code == 401


def test_a_get_never_signs_anyone_out(client):
    client.force_login(user("support"))

    assert client.get("/api/auth/logout/").status_code == 405
    assert client.get("/api/v1/me/").status_code == 200


def test_a_sign_in_that_failed_at_the_provider_answers_401_with_a_problem(client):
    response = client.get("/oidc/failed/")

    assert response.status_code == 401
    assert response.json()["type"] == "/problems/sign-in-failed"
