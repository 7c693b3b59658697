"""GET /api/v1/orders/ and /api/v1/orders/{id}/: a customer sees their own orders, staff see all."""

import uuid

import pytest

from oms.contexts.orders.infrastructure.models import OrderRecord
from tests.contexts.orders.api.conftest import ORDERS, a_basket, a_user, client_for, confirm, problem_of

pytestmark = pytest.mark.django_db


def place_for(user, **changes):
    response = client_for(user).post(ORDERS, a_basket(**changes), format="json")
    assert response.status_code == 201
    return response.json()


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [order["id"] for order in response.json()["results"]]


def test_the_owner_reads_the_order_as_it_is_now_with_its_timeline_and_actions(placed, customer):
    confirm(placed["id"])

    order = client_for(customer).get(f"{ORDERS}{placed['id']}/").json()

    assert (order["status"], order["payment_status"], order["status_reason"]) == (
        "confirmed",
        "authorized",
        "Payment authorized",
    )
    assert [(e["from_status"], e["to_status"], e["actor"]) for e in order["timeline"]] == [
        (None, "pending", f"customer:{customer.pk}"),
        ("pending", "awaiting_payment", "system"),
        ("awaiting_payment", "confirmed", "system"),
    ]
    assert order["available_actions"] == ["cancel"]
    assert order["shipping_address"]["country"] == "GB"


def test_another_customer_asking_for_an_order_is_told_it_does_not_exist(placed, as_role):
    body = problem_of(as_role("customer").get(f"{ORDERS}{placed['id']}/"), 404)

    assert body["type"] == "/problems/not-found"


@pytest.mark.parametrize(
    ("role", "actions"), [("support", ["cancel"]), ("warehouse", []), ("admin", ["cancel"])]
)
def test_staff_read_any_order_with_the_actions_their_role_allows(placed, as_role, role, actions):
    order = as_role(role).get(f"{ORDERS}{placed['id']}/").json()

    assert (order["id"], order["available_actions"]) == (placed["id"], actions)


def test_an_unknown_order_or_a_malformed_id_is_not_found_and_a_stranger_is_unauthorized(
    placed, as_role, api_client
):
    assert problem_of(as_role("admin").get(f"{ORDERS}{uuid.uuid4()}/"), 404)
    assert as_role("admin").get(f"{ORDERS}not-a-uuid/").status_code == 404
    assert problem_of(api_client.get(f"{ORDERS}{placed['id']}/"), 401)
    assert problem_of(as_role().get(f"{ORDERS}{placed['id']}/"), 403)


def test_a_customer_lists_only_their_own_orders_even_when_asking_for_someone_elses(shelves, customer):
    mine = place_for(customer)
    other = a_user("customer")
    place_for(other)

    assert ids(client_for(customer).get(ORDERS)) == [mine["id"]]
    assert ids(client_for(customer).get(ORDERS, {"customer": str(other.pk)})) == [mine["id"]]


def test_staff_list_every_order_and_filter_by_customer_status_and_time(shelves, customer, as_role):
    first, second = place_for(customer), place_for(customer)
    stranger = place_for(a_user("customer"))
    confirm(first["id"])
    support = as_role("support")

    assert set(ids(support.get(ORDERS))) == {first["id"], second["id"], stranger["id"]}
    assert ids(support.get(ORDERS, {"customer": str(customer.pk), "ordering": "created_at"})) == [
        first["id"],
        second["id"],
    ]
    assert ids(support.get(ORDERS, {"status": "confirmed"})) == [first["id"]]
    assert set(ids(support.get(ORDERS, {"status": "confirmed,pending"}))) == {
        first["id"],
        second["id"],
        stranger["id"],
    }
    later = OrderRecord.objects.get(pk=stranger["id"]).created_at.isoformat()
    assert ids(support.get(ORDERS, {"created_after": later})) == [stranger["id"]]
    assert stranger["id"] not in ids(support.get(ORDERS, {"created_before": later}))


def test_lists_are_paginated_with_a_next_link(shelves, customer):
    for _ in range(3):
        place_for(customer)
    client = client_for(customer)

    page_1 = client.get(ORDERS, {"page_size": 2}).json()
    page_2 = client.get(page_1["next"]).json()

    assert (page_1["count"], len(page_1["results"]), page_1["previous"]) == (3, 2, None)
    assert (len(page_2["results"]), page_2["next"]) == (1, None)
    assert page_2["previous"] is not None
    assert page_1["results"][0]["url"].endswith(f"{ORDERS}{page_1['results'][0]['id']}/")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"ordering": "total; DROP TABLE"}, "ordering"),
        ({"page_size": 1000}, "page_size"),
        ({"page": 0}, "page"),
        ({"customer": "me"}, "customer"),
        ({"created_after": "yesterday"}, "created_after"),
    ],
)
def test_a_bad_filter_answers_400_naming_it(customer, params, field):
    body = problem_of(client_for(customer).get(ORDERS, params), 400)

    assert list(body["errors"]) == [field]


def test_the_lists_queries_do_not_grow_with_the_page(shelves, as_role, django_assert_max_num_queries):
    customer = a_user("customer")
    for _ in range(20):
        place_for(customer, items=[{"sku": "MUG", "quantity": 1}, {"sku": "CUP", "quantity": 1}])
    support = as_role("support")

    with django_assert_max_num_queries(5):
        response = support.get(ORDERS, {"page_size": 20})

    assert len(response.json()["results"]) == 20
    assert all(len(order["lines"]) == 2 for order in response.json()["results"])
