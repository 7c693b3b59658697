"""The placement saga end to end, through HTTP, with real workers: every path API.md promises.

gunicorn takes the requests; the outbox rows it commits are relayed (nudge and beat) to Redis; a
Celery worker runs the inventory's, the payments' and the orders' handlers. The test only speaks
HTTP, and reads stock through the inventory's facade. Every wait is bounded.
"""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from oms.contexts.inventory import facade as inventory
from tests.contexts.orders.integration.conftest import stock_up
from tests.e2e.conftest import Stack, eventually, quiet

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "12 St James's Square",
    "city": "London",
    "postal_code": "SW1Y 4JH",
}


@pytest.fixture
def shop(stack: Stack) -> Iterator[dict[str, Any]]:
    stock_up(MUG=5)
    run = uuid.uuid4().hex[:8]
    yield {
        role: stack.client(role, subject=f"e2e-{role}-{run}") for role in ("customer", "support", "warehouse")
    }
    quiet()


def place(shop: dict[str, Any], token: str = "tok_visa", quantity: int = 2) -> dict[str, Any]:
    body = {
        "items": [{"sku": "MUG", "quantity": quantity}],
        "shipping_address": ADDRESS | {"country": "GB"},
        "currency": "EUR",
        "payment": {"token": token},
    }
    response = shop["customer"].post(
        "/api/v1/orders/", json=body, headers={"Idempotency-Key": uuid.uuid4().hex}
    )
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "pending"
    return response.json()


def order_reaching(shop: dict[str, Any], order: dict[str, Any], status: str, payment: str) -> dict[str, Any]:
    def reached() -> dict[str, Any] | None:
        now = shop["customer"].get(f"/api/v1/orders/{order['id']}/").json()
        return now if (now["status"], now["payment_status"]) == (status, payment) else None

    return eventually(reached)


def received(shop: dict[str, Any], order: dict[str, Any]) -> list[str]:
    log = shop["support"].get(f"/api/v1/orders/{order['id']}/saga/").json()["log"]
    return [entry["message_type"] for entry in log if entry["direction"] == "received"]


def saga_heard(shop: dict[str, Any], order: dict[str, Any], *message_types: str) -> bool:
    return eventually(lambda: set(message_types) <= set(received(shop, order)))


def reserved_mugs() -> int:
    return inventory.stock_level(sku="MUG").reserved


def test_a_paid_order_is_confirmed_with_its_stock_held(shop):
    order = order_reaching(shop, place(shop), "confirmed", "authorized")

    assert [entry["to_status"] for entry in order["timeline"]] == ["pending", "awaiting_payment", "confirmed"]
    assert saga_heard(shop, order, "inventory.ReservationConfirmed.v1")
    assert reserved_mugs() == 2


def test_a_declined_card_rejects_the_order_and_releases_its_stock(shop):
    order = order_reaching(shop, place(shop, token="tok_chargeDeclined"), "rejected", "failed")

    assert order["status_reason"] == "The payment was declined: Your card was declined."
    saga_heard(shop, order, "inventory.ReservationReleased.v1")
    assert reserved_mugs() == 0


def test_stock_gone_before_the_worker_reserves_it_rejects_the_order(shop, stack, settings):
    settings.MESSAGING_NUDGE_ON_COMMIT = False  # this process must not relay the order's command itself
    with stack.worker_paused():
        order = place(shop, quantity=3)
        inventory.adjust_stock(sku="MUG", delta=-4, reason="breakage", actor="user:wh", correlation_id="e2e")

    order = order_reaching(shop, order, "rejected", "none")

    assert order["status_reason"] == "Out of stock: MUG (3 wanted, 1 available)"


def test_cancelling_a_confirmed_order_voids_the_payment_and_releases_the_stock(shop):
    order = order_reaching(shop, place(shop), "confirmed", "authorized")

    response = shop["customer"].post(
        f"/api/v1/orders/{order['id']}/cancel/", json={"reason": "changed my mind"}
    )

    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    saga_heard(shop, order, "payments.PaymentVoided.v1", "inventory.ReservationReleased.v1")
    assert reserved_mugs() == 0


def test_shipping_captures_the_payment_and_takes_the_stock_off_the_shelf(shop):
    order = order_reaching(shop, place(shop), "confirmed", "authorized")

    ship = {"carrier": "DHL", "tracking_number": "JD014600003828"}
    assert shop["warehouse"].post(f"/api/v1/orders/{order['id']}/ship/", json=ship).status_code == 200

    order_reaching(shop, order, "shipped", "captured")
    saga_heard(shop, order, "inventory.ReservationCommitted.v1")
    level = inventory.stock_level(sku="MUG")
    assert (level.on_hand, level.reserved) == (3, 0)


def test_a_partial_then_a_full_refund_refund_the_order(shop):
    order = order_reaching(shop, place(shop), "confirmed", "authorized")
    shop["warehouse"].post(
        f"/api/v1/orders/{order['id']}/ship/", json={"carrier": "DHL", "tracking_number": "1"}
    )
    order_reaching(shop, order, "shipped", "captured")
    refunds = f"/api/v1/orders/{order['id']}/refunds/"

    partial = shop["support"].post(refunds, json={"amount": {"amount": "5.00", "currency": "EUR"}})
    rest = shop["support"].post(refunds, json={"amount": {"amount": "20.00", "currency": "EUR"}})

    assert (partial.status_code, partial.json()["payment_status"]) == (201, "partially_refunded")
    assert (rest.status_code, rest.json()["status"]) == (201, "refunded")
    assert eventually(lambda: received(shop, order).count("payments.PaymentRefunded.v1") == 2)
