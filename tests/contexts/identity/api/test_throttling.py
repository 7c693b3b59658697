"""Rate limits: per address for anonymous callers, per user once signed in, stricter for placing orders."""

import uuid

import pytest
from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.config.urls import urlpatterns as oms_urlpatterns

pytestmark = pytest.mark.django_db


class PlaceOrder(APIView):
    throttle_scope = "orders.place"

    def post(self, request):
        return Response(status=201)


urlpatterns = [path("test/orders/", PlaceOrder.as_view()), *oms_urlpatterns]


@pytest.fixture
def rates(settings):
    def set_rates(**rates):
        configured = settings.REST_FRAMEWORK
        merged = {
            **configured["DEFAULT_THROTTLE_RATES"],
            **{k.replace("_", "."): v for k, v in rates.items()},
        }
        settings.REST_FRAMEWORK = {**configured, "DEFAULT_THROTTLE_RATES": merged}

    return set_rates


def an_address():
    return f"2001:db8::{uuid.uuid4().hex[:4]}"  # the counters live in a shared cache: one address per test


def assert_throttled(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/throttled"


def test_an_anonymous_caller_over_the_rate_gets_429_with_retry_after(api_client, rates):
    rates(anon="3/min")
    address = an_address()

    statuses = [api_client.get("/api/v1/", REMOTE_ADDR=address).status_code for _ in range(3)]

    assert statuses == [200, 200, 200]
    assert_throttled(api_client.get("/api/v1/", REMOTE_ADDR=address))
    assert api_client.get("/api/v1/", REMOTE_ADDR=an_address()).status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(api_client, rates):
    rates(anon="2/min")
    address = an_address()

    for n in range(2):
        api_client.get("/api/v1/", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")

    assert_throttled(api_client.get("/api/v1/", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR="198.51.100.99"))


def test_a_signed_in_user_is_counted_apart_from_anonymous_callers(api_client, rates, local_provider):
    rates(anon="1/min", user="2/min")
    address = an_address()
    token = f"Bearer {local_provider.token('customer')}"

    statuses = [
        api_client.get("/api/v1/me/", REMOTE_ADDR=address, HTTP_AUTHORIZATION=token).status_code
        for _ in range(2)
    ]

    assert statuses == [200, 200]
    assert_throttled(api_client.get("/api/v1/me/", REMOTE_ADDR=address, HTTP_AUTHORIZATION=token))


@pytest.mark.urls(__name__)
def test_placing_orders_has_a_stricter_limit_than_the_rest_of_the_api(api_client, rates, local_provider):
    rates(user="100/min", orders_place="1/min")
    token = f"Bearer {local_provider.token('customer')}"

    assert api_client.post("/test/orders/", HTTP_AUTHORIZATION=token).status_code == 201
    assert_throttled(api_client.post("/test/orders/", HTTP_AUTHORIZATION=token))
    assert api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=token).status_code == 200
