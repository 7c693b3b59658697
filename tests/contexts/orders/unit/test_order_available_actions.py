import pytest

from oms.contexts.orders.domain.status import OrderStatus
from tests.contexts.orders.unit.builders import T0, order_in

S = OrderStatus
NOBODY: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("status", "roles", "is_owner", "expected"),
    [
        (S.PENDING, {"customer"}, True, ["cancel"]),
        (S.CONFIRMED, {"customer"}, True, ["cancel"]),
        (S.CONFIRMED, {"customer"}, False, []),
        (S.SHIPPED, {"customer"}, True, []),
        (S.CONFIRMED, {"support"}, False, ["cancel"]),
        (S.CONFIRMED, {"warehouse"}, False, ["ship"]),
        (S.SHIPPED, {"warehouse"}, False, ["deliver"]),
        (S.SHIPPED, {"support"}, False, []),
        (S.CONFIRMED, {"admin"}, False, ["cancel", "ship"]),
        (S.SHIPPED, {"admin"}, False, ["deliver"]),
        (S.CANCELLED, {"admin"}, False, []),
        (S.REJECTED, {"admin", "customer"}, True, []),
        (S.CONFIRMED, set(), True, []),
    ],
)
def test_the_actions_offered_follow_the_state_and_the_callers_roles(
    status: OrderStatus, roles: set[str], is_owner: bool, expected: list[str]
) -> None:
    assert order_in(status).available_actions(frozenset(roles), is_owner) == expected


def test_support_may_refund_once_the_payment_is_captured_and_until_it_is_refunded_in_full() -> None:
    order = order_in(S.DELIVERED)
    order.mark_payment_captured(at=T0)

    assert order.available_actions(frozenset({"support"}), False) == ["refund"]
    assert order.available_actions(frozenset({"warehouse"}), False) == []
    assert order_in(S.REFUNDED).available_actions(frozenset({"support"}), False) == []


def test_nobody_without_a_role_is_offered_anything() -> None:
    assert order_in(S.CONFIRMED).available_actions(NOBODY, False) == []
