import pytest
from django.test import RequestFactory

from oms.platform.http import problems


@pytest.mark.django_db
def test_an_unknown_address_answers_a_404_problem(client):
    response = client.get("/no/such/place/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/not-found"


@pytest.mark.parametrize(
    ("handler", "status"),
    [
        (problems.server_error, 500),
        (lambda request: problems.bad_request(request, None), 400),
        (lambda request: problems.permission_denied(request, None), 403),
    ],
)
def test_django_error_handlers_answer_problems(handler, status):
    response = handler(RequestFactory().get("/"))

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
