"""GET /api/v1/payments/ and /api/v1/payments/{id}/: support and admin see payments and their ledgers."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db
LIST = "/api/v1/payments/"


@pytest.mark.parametrize(
    ("role", "status"), [("support", 200), ("admin", 200), ("customer", 403), ("warehouse", 403)]
)
def test_only_support_and_admin_may_see_payments(as_role, role, status):
    assert as_role(role).get(LIST).status_code == status


def test_anonymous_callers_are_refused(api_client):
    response = api_client.get(LIST)

    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"


def test_the_api_root_links_to_the_payments(api_client):
    assert api_client.get("/api/v1/").json()["payments"].endswith(LIST)


def test_a_payment_shows_its_figures_attempts_and_refunds(as_role, pay):
    order = pay(capture=True, refunds=("10.00",))

    [payment] = as_role("support").get(LIST, {"order": order}).json()["results"]

    assert (payment["order_id"], payment["status"], payment["method"]) == (
        str(order),
        "partially_refunded",
        "tok_visa",
    )
    assert payment["captured"] == {"amount": "49.90", "currency": "EUR"}
    assert payment["refunded"] == {"amount": "10.00", "currency": "EUR"}
    assert [(a["operation"], a["entry_type"]) for a in payment["attempts"]] == [
        ("authorize", "request"),
        ("authorize", "success"),
        ("capture", "request"),
        ("capture", "success"),
        ("refund", "request"),
        ("refund", "success"),
    ]
    [refund] = payment["refunds"]
    assert (refund["status"], refund["amount"]["amount"], refund["reason"]) == (
        "succeeded",
        "10.00",
        "damaged",
    )


def test_one_payment_is_read_by_its_id(as_role, pay):
    client = as_role("admin")
    [listed] = client.get(LIST, {"order": pay()}).json()["results"]

    response = client.get(f"{LIST}{listed['id']}/")

    assert response.status_code == 200
    assert response.json() == listed


def test_an_unknown_payment_is_a_404_problem(as_role):
    response = as_role("admin").get(f"{LIST}{uuid.uuid4()}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_payments_are_filtered_by_status_and_paginated_newest_first(as_role, pay):
    declined = [pay("tok_chargeDeclined") for _ in range(3)]
    pay()
    client = as_role("support")

    first = client.get(LIST, {"status": "failed", "page_size": 2}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 3
    assert first["previous"] is None
    assert [p["order_id"] for p in first["results"] + second["results"]] == [
        str(o) for o in reversed(declined)
    ]
    assert second["next"] is None


@pytest.mark.parametrize("query", [{"status": "paid"}, {"order": "not-a-uuid"}, {"page": 0}])
def test_a_bad_filter_is_a_400_problem_never_a_500(as_role, query):
    response = as_role("support").get(LIST, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_listing_costs_the_same_queries_for_two_payments_as_for_six(as_role, pay):
    client = as_role("support")
    client.get(LIST)  # the caller's roles are read once and remembered
    for _ in range(2):
        pay(capture=True)
    with CaptureQueriesContext(connection) as two:
        client.get(LIST)
    for _ in range(4):
        pay(capture=True)

    with CaptureQueriesContext(connection) as six:
        assert len(client.get(LIST).json()["results"]) == 6

    assert len(six) == len(two) == 3  # the page, its ledgers, the count
