import pytest
from django.contrib.auth.models import Group
from django.test import Client

from oms.contexts.identity.infrastructure.models import User

pytestmark = pytest.mark.django_db


def test_me_answers_a_session_user_with_their_profile(client):
    ada = User.objects.create_user("sub-ada", email="ada@example.test", name="Ada")
    ada.groups.set([Group.objects.get(name="support")])
    client.force_login(ada)

    body = client.get("/api/v1/me/").json()

    assert body["id"] == str(ada.pk)
    assert body["email"] == "ada@example.test"
    assert body["name"] == "Ada"
    assert body["roles"] == ["support"]
    assert "identity.view_user" in body["permissions"]
    assert "identity.change_user" not in body["permissions"]


def test_the_api_root_links_to_me(client):
    assert client.get("/api/v1/").json()["me"].endswith("/api/v1/me/")


def test_the_schema_describes_me_and_bearer_tokens(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    assert schema["components"]["securitySchemes"]["oidcAccessToken"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    me = schema["paths"]["/api/v1/me/"]["get"]
    assert {"oidcAccessToken": []} in me["security"]
    assert set(schema["components"]["schemas"]["Me"]["properties"]) == {
        "id",
        "email",
        "name",
        "roles",
        "permissions",
    }


def test_a_session_caller_must_send_the_csrf_token_for_unsafe_methods(django_user_model):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(django_user_model.objects.create_user("sub-ada"))

    response = browser.post("/api/v1/me/")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_bearer_caller_needs_no_csrf_token(local_provider):
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {local_provider.token('customer')}"
    )

    assert response.status_code == 405
