"""Callers of the orders API by role, and orders brought to a state through the saga's handlers."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from rest_framework.test import APIClient

from oms.contexts.identity.infrastructure.models import User
from oms.contexts.inventory.contracts.events import StockReserved
from oms.contexts.payments.contracts.events import PaymentAuthorized, PaymentCaptured
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.orders.integration.conftest import deliver, stock_up

ORDERS = "/api/v1/orders/"


def a_user(*roles: str) -> User:
    user = User.objects.create_user(subject=f"sub-{uuid.uuid4().hex[:10]}", email="someone@example.test")
    user.groups.set([Group.objects.get_or_create(name=role)[0] for role in roles])
    return user


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def a_basket(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "items": [{"sku": "MUG", "quantity": 2}, {"sku": "CUP", "quantity": 1}],
        "shipping_address": {
            "name": "Ada Lovelace",
            "line1": "12 St James's Square",
            "city": "London",
            "postal_code": "SW1Y 4JH",
            "country": "GB",
        },
        "currency": "EUR",
        "payment": {"token": "tok_visa"},
    }
    return body | changes


@pytest.fixture
def shelves(db: None) -> None:
    stock_up(MUG=10, CUP=5)


@pytest.fixture
def customer(db: None) -> User:
    return a_user("customer")


@pytest.fixture
def as_role(db: None) -> Callable[..., APIClient]:
    return lambda *roles: client_for(a_user(*roles))


@pytest.fixture
def placed(shelves: None, customer: User) -> dict[str, Any]:
    response = client_for(customer).post(ORDERS, a_basket(), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def confirm(order_id: str) -> None:
    """What the inventory and payments would answer, delivered to the saga's handlers."""
    total = MoneyPayload(amount="37.50", currency="EUR")
    deliver(
        StockReserved(order_id=uuid.UUID(order_id), expires_at=timezone.now()), "orders.on_stock_reserved"
    )
    authorized = PaymentAuthorized(order_id=uuid.UUID(order_id), payment_id=uuid.uuid4(), amount=total)
    deliver(authorized, "orders.on_payment_authorized")


def capture(order_id: str) -> None:
    total = MoneyPayload(amount="37.50", currency="EUR")
    captured = PaymentCaptured(order_id=uuid.UUID(order_id), payment_id=uuid.uuid4(), amount=total)
    deliver(captured, "orders.on_payment_captured")


def problem_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body
