"""POST /api/v1/orders/: place an order (customers), with every refusal a problem and never a 500."""

import pytest

from oms.contexts.orders.api.views import OrderCollectionView
from oms.contexts.orders.infrastructure.models import OrderRecord, OrdersOutbox
from tests.contexts.orders.api.conftest import ORDERS, a_basket, client_for, problem_of

pytestmark = pytest.mark.django_db


def test_a_customer_places_an_order_and_gets_it_back_pending_with_where_it_lives(shelves, customer):
    response = client_for(customer).post(ORDERS, a_basket(), format="json")

    assert response.status_code == 201
    order = response.json()
    assert response["Location"].endswith(f"{ORDERS}{order['id']}/")
    assert (order["status"], order["payment_status"], order["customer_id"]) == (
        "pending",
        "none",
        str(customer.pk),
    )
    assert order["number"].startswith("ORD-")
    assert order["lines"][0] == {
        "sku": "MUG",
        "quantity": 2,
        "unit_price": {"amount": "12.50", "currency": "EUR"},
        "line_total": {"amount": "25.00", "currency": "EUR"},
    }
    assert order["total"] == {"amount": "37.50", "currency": "EUR"}
    assert order["available_actions"] == ["cancel"]
    [placed] = order["timeline"]
    assert (placed["to_status"], placed["actor"]) == ("pending", f"customer:{customer.pk}")
    assert placed["at"].endswith("Z") or "+" in placed["at"]


def test_only_customers_place_orders(shelves, as_role, api_client):
    assert problem_of(as_role("support").post(ORDERS, a_basket(), format="json"), 403)
    assert problem_of(api_client.post(ORDERS, a_basket(), format="json"), 401)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"items": []}, "items"),
        ({"items": "MUG"}, "items"),
        ({"items": [{"sku": "MUG", "quantity": 0}]}, "items"),
        ({"items": [{"sku": "MUG", "quantity": "two"}]}, "items"),
        ({"items": [{"sku": {"a": 1}, "quantity": 1}]}, "items"),
        ({"items": [{"sku": "MUG", "quantity": 1}] * 101}, "items"),
        ({"currency": 12}, "currency"),
        ({"payment": "tok_visa"}, "payment"),
        ({"shipping_address": {"name": "Ada"}}, "shipping_address"),
        ({"metadata": ["not", "an", "object"]}, "metadata"),
    ],
)
def test_malformed_input_answers_400_with_errors_by_field(shelves, customer, change, field):
    body = problem_of(client_for(customer).post(ORDERS, a_basket(**change), format="json"), 400)

    assert field in body["errors"]
    assert OrderRecord.objects.count() == 0


def test_a_body_that_is_not_json_at_all_answers_400(shelves, customer):
    response = client_for(customer).post(ORDERS, "{not json", content_type="application/json")

    assert problem_of(response, 400)


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"currency": "XYZ"}, {"currency": ["'XYZ' is not an ISO 4217 currency code (such as 'EUR')."]}),
        (
            {"items": [{"sku": "MUG", "quantity": 1}, {"sku": "NOPE", "quantity": 1}]},
            {"items": [{}, {"sku": ["No product has SKU NOPE."]}]},
        ),
    ],
)
def test_what_cannot_be_ordered_answers_400_naming_the_field(shelves, customer, change, errors):
    body = problem_of(client_for(customer).post(ORDERS, a_basket(**change), format="json"), 400)

    assert body["errors"] == errors


def test_an_undeliverable_country_is_refused_on_the_address_field(shelves, customer):
    address = a_basket()["shipping_address"] | {"country": "XX"}
    body = problem_of(
        client_for(customer).post(ORDERS, a_basket(shipping_address=address), format="json"), 400
    )

    assert list(body["errors"]["shipping_address"]) == ["country"]


def test_stock_short_at_submit_time_answers_409_at_once_and_creates_nothing(shelves, customer):
    basket = a_basket(items=[{"sku": "MUG", "quantity": 11}])

    body = problem_of(client_for(customer).post(ORDERS, basket, format="json"), 409)

    assert body["shortages"] == [{"sku": "MUG", "requested": 11, "available": 10}]
    assert (OrderRecord.objects.count(), OrdersOutbox.objects.count()) == (0, 0)


def test_the_same_idempotency_key_and_body_places_one_order_and_replays_the_first_answer(shelves, customer):
    client = client_for(customer)

    first = client.post(ORDERS, a_basket(), format="json", HTTP_IDEMPOTENCY_KEY="basket-1")
    again = client.post(ORDERS, a_basket(), format="json", HTTP_IDEMPOTENCY_KEY="basket-1")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again["Location"] == first["Location"]
    assert OrderRecord.objects.count() == 1


def test_the_same_idempotency_key_with_another_body_answers_422(shelves, customer):
    client = client_for(customer)
    client.post(ORDERS, a_basket(), format="json", HTTP_IDEMPOTENCY_KEY="basket-2")

    other = a_basket(items=[{"sku": "CUP", "quantity": 1}])
    assert problem_of(client.post(ORDERS, other, format="json", HTTP_IDEMPOTENCY_KEY="basket-2"), 422)
    assert OrderRecord.objects.count() == 1


def test_placing_has_its_own_rate_limit(shelves, customer, settings):
    if not any("Scoped" in throttle.__name__ for throttle in OrderCollectionView.throttle_classes):
        pytest.skip("settings name no scoped throttle in DEFAULT_THROTTLE_CLASSES: nothing applies the scope")
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        | {"orders.place": "2/min"}
    }
    client = client_for(customer)

    codes = [client.post(ORDERS, a_basket(), format="json").status_code for _ in range(3)]

    assert codes == [201, 201, 429]
    assert client.get(ORDERS).status_code == 200  # reading is not placing
