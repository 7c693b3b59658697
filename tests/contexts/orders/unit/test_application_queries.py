import uuid

import pytest

from oms.contexts.orders.application import queries
from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.contracts.dtos import OrderListQuery
from oms.contexts.orders.contracts.errors import ActionNotPermitted
from oms.contexts.orders.domain.identifiers import OrderId
from oms.shared_kernel.errors import NotFound
from tests.contexts.orders.unit.application_fakes import (
    ADMIN,
    ANOTHER_CUSTOMER,
    CUSTOMER,
    SUPPORT,
    WAREHOUSE,
    FakeReader,
    FakeUnitOfWork,
    a_confirmed_order,
)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def test_the_owner_sees_their_order_with_what_they_may_do_to_it(uow):
    order = a_confirmed_order(uow)

    view = queries.get_order(order.id, caller=CUSTOMER, reader=FakeReader(uow))

    assert (view.id, view.number, view.status, view.payment_status) == (
        order.id.value,
        order.number,
        "confirmed",
        "authorized",
    )
    assert view.total.amount == "29.00"
    assert view.available_actions == ("cancel",)
    assert [entry.to_status for entry in view.timeline] == ["pending", "awaiting_payment", "confirmed"]


@pytest.mark.parametrize(
    ("caller", "actions"), [(SUPPORT, ("cancel",)), (WAREHOUSE, ("ship",)), (ADMIN, ("cancel", "ship"))]
)
def test_staff_see_any_order_and_the_actions_of_their_roles(uow, caller, actions):
    order = a_confirmed_order(uow)

    assert queries.get_order(order.id, caller=caller, reader=FakeReader(uow)).available_actions == actions


def test_another_customer_and_someone_with_no_role_are_told_it_does_not_exist(uow):
    order = a_confirmed_order(uow)

    for stranger in (ANOTHER_CUSTOMER, Caller(uuid.uuid4(), frozenset())):
        with pytest.raises(NotFound):
            queries.get_order(order.id, caller=stranger, reader=FakeReader(uow))


def test_a_customers_list_is_narrowed_to_their_own_orders_whatever_they_ask(uow):
    reader = FakeReader(uow)

    queries.list_orders(OrderListQuery(customer_id=ANOTHER_CUSTOMER.user_id), caller=CUSTOMER, reader=reader)
    queries.list_orders(OrderListQuery(customer_id=ANOTHER_CUSTOMER.user_id), caller=SUPPORT, reader=reader)

    assert [query.customer_id for query in reader.asked] == [CUSTOMER.user_id, ANOTHER_CUSTOMER.user_id]


def test_someone_with_no_role_may_not_list_orders(uow):
    with pytest.raises(ActionNotPermitted):
        queries.list_orders(
            OrderListQuery(), caller=Caller(uuid.uuid4(), frozenset()), reader=FakeReader(uow)
        )


def test_staff_see_the_saga_with_its_steps_and_journal_and_customers_do_not(uow):
    order = a_confirmed_order(uow)

    saga = queries.get_saga(order.id, caller=SUPPORT, reader=FakeReader(uow))

    assert (saga.state, saga.current_step, saga.needs_attention) == ("confirmed", None, False)
    assert {(s.step, s.attempts) for s in saga.steps} >= {("reserve_stock", 1), ("authorize_payment", 1)}
    assert [e.message_type for e in saga.log][:2] == [
        "inventory.ReserveStock.v1",
        "inventory.StockReserved.v1",
    ]
    with pytest.raises(NotFound):
        queries.get_saga(order.id, caller=CUSTOMER, reader=FakeReader(uow))
    with pytest.raises(NotFound):
        queries.get_saga(OrderId(uuid.uuid4()), caller=ADMIN, reader=FakeReader(uow))
