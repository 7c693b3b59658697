import pytest
from django.urls import path
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue, NotFound


class QuantitySerializer(serializers.Serializer):
    quantity = serializers.IntegerField(min_value=1)


@api_view(["POST"])
@permission_classes([AllowAny])
def validate(request):
    QuantitySerializer(data=request.data).is_valid(raise_exception=True)
    return Response({})


def raising(exc: Exception):
    @api_view(["GET"])
    @permission_classes([AllowAny])
    def view(request):
        raise exc

    return view


urlpatterns = [
    path("validate/", validate),
    path(
        "rule/",
        raising(
            BusinessRuleViolation("Stock cannot go below what is reserved.", rule="stock_below_reserved")
        ),
    ),
    path("missing/", raising(NotFound("No such order."))),
    path("invalid/", raising(InvalidValue("'XXX' is not an ISO 4217 currency code"))),
    path("private/", api_view(["GET"])(lambda request: Response({}))),
]

pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


def assert_problem(response, status: int, type_: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"] == type_
    assert body["title"]
    assert body["detail"]
    return body


def test_a_validation_error_is_a_problem_with_errors_by_field(api_client):
    response = api_client.post("/validate/", {"quantity": 0}, format="json")

    body = assert_problem(response, 400, "/problems/validation-error")
    assert "quantity" in body["errors"]


def test_malformed_json_is_a_400_problem_not_a_500(api_client):
    response = api_client.post("/validate/", "{not json", content_type="application/json")

    assert_problem(response, 400, "/problems/parse-error")


def test_a_broken_business_rule_is_a_409_problem_naming_the_rule(api_client):
    body = assert_problem(api_client.get("/rule/"), 409, "/problems/stock-below-reserved")
    assert body["detail"] == "Stock cannot go below what is reserved."


def test_a_domain_not_found_is_a_404_problem(api_client):
    assert_problem(api_client.get("/missing/"), 404, "/problems/not-found")


def test_an_invalid_value_is_a_400_problem(api_client):
    body = assert_problem(api_client.get("/invalid/"), 400, "/problems/validation-error")
    assert "ISO 4217" in body["errors"]["non_field_errors"][0]


def test_an_anonymous_caller_gets_a_problem_for_a_protected_view(api_client):
    response = api_client.get("/private/")

    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"


def test_the_browsable_api_keeps_html_for_errors(api_client):
    response = api_client.get("/rule/", HTTP_ACCEPT="text/html")

    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")
