"""POST cancel/, ship/, deliver/, refunds/ and GET saga/: roles, ownership, and the domain's 409s."""

import pytest

from oms.contexts.orders.infrastructure.models import OrdersOutbox
from tests.contexts.orders.api.conftest import ORDERS, capture, client_for, confirm, problem_of

pytestmark = pytest.mark.django_db


def url(order, action: str) -> str:
    return f"{ORDERS}{order['id']}/{action}/"


def sent(order) -> list[str]:
    return list(
        OrdersOutbox.objects.filter(aggregate_id=order["id"])
        .order_by("created_at")
        .values_list("type", flat=True)
    )


def shipped(placed, as_role):
    confirm(placed["id"])
    response = as_role("warehouse").post(
        url(placed, "ship"), {"carrier": "DHL", "tracking_number": "JD1"}, format="json"
    )
    assert response.status_code == 200, response.content
    capture(placed["id"])
    return response.json()


def test_the_owner_cancels_a_confirmed_order_which_voids_and_releases(placed, customer):
    confirm(placed["id"])

    response = client_for(customer).post(url(placed, "cancel"), {"reason": "changed my mind"}, format="json")

    assert response.status_code == 200
    order = response.json()
    assert (order["status"], order["payment_status"], order["status_reason"]) == (
        "cancelled",
        "voided",
        "changed my mind",
    )
    assert order["available_actions"] == []
    assert sent(placed)[-3:] == [
        "orders.OrderCancelled.v1",
        "payments.VoidPayment.v1",
        "inventory.ReleaseReservation.v1",
    ]


def test_another_customer_cannot_cancel_and_is_told_the_order_does_not_exist(placed, as_role):
    assert problem_of(as_role("customer").post(url(placed, "cancel"), {}, format="json"), 404)


def test_cancelling_twice_answers_409_with_the_domains_sentence(placed, customer):
    client = client_for(customer)
    client.post(url(placed, "cancel"), {}, format="json")

    body = problem_of(client.post(url(placed, "cancel"), {}, format="json"), 409)

    assert body["detail"] == "A cancelled order cannot be cancelled."
    assert body["type"] == "/problems/illegal-transition"


def test_the_owner_cannot_cancel_once_shipped_but_support_can_refund(placed, customer, as_role):
    shipped(placed, as_role)

    assert problem_of(client_for(customer).post(url(placed, "cancel"), {}, format="json"), 409)
    refund = as_role("support").post(
        url(placed, "refunds"), {"amount": {"amount": "10.00", "currency": "EUR"}}, format="json"
    )
    assert refund.status_code == 201
    assert (refund.json()["payment_status"], refund.json()["refunded"]["amount"]) == (
        "partially_refunded",
        "10.00",
    )
    assert sent(placed)[-1] == "payments.RefundPayment.v1"


def test_the_warehouse_ships_a_confirmed_order_committing_stock_and_capturing_payment(placed, as_role):
    order = shipped(placed, as_role)

    assert (order["status"], order["carrier"], order["tracking_number"]) == ("shipped", "DHL", "JD1")
    assert {"inventory.CommitReservation.v1", "payments.CapturePayment.v1"} <= set(sent(placed))


def test_shipping_a_pending_order_answers_409_and_a_customer_may_not_ship(placed, customer, as_role):
    body = {"carrier": "DHL", "tracking_number": "JD1"}

    assert problem_of(as_role("warehouse").post(url(placed, "ship"), body, format="json"), 409)
    assert problem_of(client_for(customer).post(url(placed, "ship"), body, format="json"), 403)


def test_shipping_without_a_carrier_answers_400(placed, as_role):
    body = problem_of(
        as_role("admin").post(url(placed, "ship"), {"tracking_number": "JD1"}, format="json"), 400
    )

    assert list(body["errors"]) == ["carrier"]


def test_the_warehouse_delivers_a_shipped_order(placed, as_role):
    shipped(placed, as_role)

    response = as_role("warehouse").post(url(placed, "deliver"), format="json")

    assert (response.status_code, response.json()["status"]) == (200, "delivered")
    assert problem_of(as_role("warehouse").post(url(placed, "deliver"), format="json"), 409)


@pytest.mark.parametrize(
    ("amount", "status"),
    [({"amount": "37.51", "currency": "EUR"}, 409), ({"amount": "-1", "currency": "EUR"}, 400), ("ten", 400)],
)
def test_a_refund_above_what_was_captured_or_malformed_is_refused(placed, as_role, amount, status):
    shipped(placed, as_role)

    problem_of(as_role("support").post(url(placed, "refunds"), {"amount": amount}, format="json"), status)


def test_refunds_are_for_support_and_admins_and_need_a_captured_payment(placed, as_role):
    money = {"amount": {"amount": "1.00", "currency": "EUR"}}

    assert problem_of(as_role("warehouse").post(url(placed, "refunds"), money, format="json"), 403)
    assert problem_of(as_role("admin").post(url(placed, "refunds"), money, format="json"), 409)


def test_a_replayed_cancel_answers_as_the_first_time_and_does_nothing_more(placed, customer):
    client = client_for(customer)

    first = client.post(url(placed, "cancel"), {}, format="json", HTTP_IDEMPOTENCY_KEY="cancel-1")
    again = client.post(url(placed, "cancel"), {}, format="json", HTTP_IDEMPOTENCY_KEY="cancel-1")

    assert (first.status_code, again.status_code, again["Idempotent-Replayed"]) == (200, 200, "true")
    assert sent(placed).count("orders.OrderCancelled.v1") == 1


def test_staff_see_the_saga_with_each_steps_attempts_and_its_journal(placed, customer, as_role):
    confirm(placed["id"])

    saga = as_role("support").get(url(placed, "saga")).json()

    assert (saga["state"], saga["current_step"], saga["needs_attention"]) == ("confirmed", None, False)
    assert {s["step"]: s["attempts"] for s in saga["steps"]} == {
        "reserve_stock": 1,
        "authorize_payment": 1,
        "capture_payment": 0,
    }
    assert [(e["direction"], e["message_type"]) for e in saga["log"]][:3] == [
        ("sent", "inventory.ReserveStock.v1"),
        ("received", "inventory.StockReserved.v1"),
        ("sent", "payments.AuthorizePayment.v1"),
    ]
    assert problem_of(client_for(customer).get(url(placed, "saga")), 403)
