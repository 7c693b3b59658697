import pytest

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_is_served(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def test_the_interactive_docs_are_served(client):
    assert client.get("/api/docs/").status_code == 200


def test_the_browsable_api_root_lists_resources(client):
    response = client.get("/api/v1/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"Api Root" in response.content


def test_prometheus_metrics_include_the_outbox_backlog(client):
    response = client.get("/metrics")

    assert response.status_code == 200
    assert b"oms_outbox_backlog" in response.content
    assert b"django_http_requests" in response.content


def test_the_admin_asks_staff_to_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
