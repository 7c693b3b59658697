"""Stock over HTTP: staff read levels; the warehouse and admins adjust them, never below what is reserved."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory.infrastructure.models import StockLevel, StockMovementRecord
from tests.contexts.inventory.integration.conftest import reserve_in_the_past

pytestmark = pytest.mark.django_db
STOCK = "/api/v1/products/MUG/stock/"
ADJUST = "/api/v1/products/MUG/stock/adjustments/"


@pytest.mark.parametrize(
    ("role", "status"), [("warehouse", 200), ("support", 200), ("admin", 200), ("customer", 403)]
)
def test_staff_read_a_skus_stock_level(as_role, catalog, role, status):
    response = as_role(role).get(STOCK)

    assert response.status_code == status
    if status == 200:
        assert response.json() == {"sku": "MUG", "on_hand": 5, "reserved": 0, "available": 5}


def test_an_anonymous_caller_may_not_read_stock_levels(api_client, catalog):
    assert api_client.get(STOCK).status_code == 401


def test_the_stock_of_an_unknown_product_is_a_404_problem(as_role, db):
    assert as_role("support").get("/api/v1/products/LAMP/stock/").status_code == 404


def test_reserved_stock_is_shown_apart_from_what_is_available(as_role, catalog):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=3)

    assert as_role("warehouse").get(STOCK).json() == {
        "sku": "MUG",
        "on_hand": 5,
        "reserved": 3,
        "available": 2,
    }


def test_an_adjustment_is_a_ledger_entry_naming_the_caller_and_the_request(as_role, catalog):
    client = as_role("warehouse")

    response = client.post(
        ADJUST, {"delta": 10, "reason": "restock"}, format="json", HTTP_X_REQUEST_ID="req-42"
    )

    assert response.status_code == 201
    assert response.json() | {"occurred_at": None} == {
        "sku": "MUG",
        "delta": 10,
        "reason": "restock",
        "actor": f"warehouse:{client.user.pk}",
        "on_hand": 15,
        "reserved": 0,
        "available": 15,
        "occurred_at": None,
    }
    entry = StockMovementRecord.objects.filter(sku="MUG").order_by("-id").first()
    assert (entry.delta, entry.actor, entry.correlation_id) == (10, f"warehouse:{client.user.pk}", "req-42")


def test_an_adjustment_below_what_is_reserved_is_a_409_problem_and_changes_nothing(as_role, catalog):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=4)
    entries = StockMovementRecord.objects.count()

    response = as_role("admin").post(ADJUST, {"delta": -2, "reason": "damage"}, format="json")

    assert response.status_code == 409
    assert response.json()["type"] == "/problems/stock-never-below-reserved"
    assert StockLevel.objects.get(sku="MUG").on_hand == 5
    assert StockMovementRecord.objects.count() == entries


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"delta": 0, "reason": "count"}, "delta"),
        ({"delta": "ten", "reason": "count"}, "delta"),
        ({"delta": 1.5, "reason": "count"}, "delta"),
        ({"delta": 10**7, "reason": "count"}, "delta"),
        ({"reason": "count"}, "delta"),
        ({"delta": 1}, "reason"),
        ({"delta": 1, "reason": ""}, "reason"),
        ({"delta": 1, "reason": "r" * 256}, "reason"),
    ],
)
def test_a_malformed_adjustment_is_a_400_problem_with_errors_by_field(as_role, catalog, body, field):
    response = as_role("warehouse").post(ADJUST, body, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert StockLevel.objects.get(sku="MUG").on_hand == 5


@pytest.mark.parametrize(("role", "status"), [("support", 403), ("customer", 403)])
def test_only_the_warehouse_and_admins_adjust_stock(as_role, catalog, role, status):
    assert as_role(role).post(ADJUST, {"delta": 1, "reason": "count"}, format="json").status_code == status
    assert StockLevel.objects.get(sku="MUG").on_hand == 5


def test_adjusting_an_unknown_product_is_a_404_problem(as_role, db):
    response = as_role("admin").post("/api/v1/products/LAMP/stock/adjustments/", {"delta": 1, "reason": "x"})

    assert response.status_code == 404


def test_a_repeated_idempotency_key_adjusts_once(as_role, catalog):
    client = as_role("warehouse")
    body = {"delta": 3, "reason": "restock"}

    first = client.post(ADJUST, body, format="json", HTTP_IDEMPOTENCY_KEY="restock-7")
    again = client.post(ADJUST, body, format="json", HTTP_IDEMPOTENCY_KEY="restock-7")

    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert StockLevel.objects.get(sku="MUG").on_hand == 8
