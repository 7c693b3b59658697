"""The repositories on PostgreSQL: aggregates survive the round trip, and saving writes only changes."""

from decimal import Decimal

import pytest
from django.utils import timezone

from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.saga_state import SagaStep
from oms.contexts.orders.domain.status import OrderStatus
from oms.contexts.orders.infrastructure.models import OrderRecord
from oms.contexts.orders.infrastructure.repositories import ConcurrentUpdate
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork
from tests.contexts.orders.integration.conftest import place

pytestmark = pytest.mark.django_db


def test_an_order_and_its_saga_come_back_as_they_were_stored(shelves):
    view = place(MUG=2, CUP=1)

    with DjangoOrdersUnitOfWork() as uow:
        order = uow.orders.get_for_update(OrderId(view.id))
        saga = uow.sagas.get_for_update(OrderId(view.id))

    assert order is not None
    assert saga is not None
    assert (order.number, order.total.amount, order.status) == (
        view.number,
        Decimal("37.50"),
        OrderStatus.PENDING,
    )
    assert [(line.sku, line.quantity) for line in order.lines] == [("MUG", 2), ("CUP", 1)]
    assert order.shipping_address.city == "London"
    assert (saga.steps.current_step, saga.steps.attempts(SagaStep.RESERVE_STOCK)) == (
        SagaStep.RESERVE_STOCK,
        1,
    )
    assert saga.payment_token == "tok_visa"


def test_saving_what_did_not_change_writes_nothing(shelves, django_assert_num_queries):
    view = place()
    with DjangoOrdersUnitOfWork() as uow:
        order = uow.orders.get_for_update(OrderId(view.id))
        saga = uow.sagas.get_for_update(OrderId(view.id))
        assert order is not None
        assert saga is not None
        with django_assert_num_queries(0):
            uow.orders.save(order)
            uow.sagas.save(saga)


def test_a_change_saved_bumps_the_version_and_appends_to_the_timeline(shelves):
    view = place()
    with DjangoOrdersUnitOfWork() as uow:
        order = uow.orders.get_for_update(OrderId(view.id))
        assert order is not None
        order.mark_awaiting_payment(at=timezone.now())
        uow.orders.save(order)
        uow.commit()

    record = OrderRecord.objects.get(pk=view.id)
    assert (record.status, record.version, record.timeline.count()) == ("awaiting_payment", 1, 2)
    assert record.status_reason == "Stock reserved"


def test_a_stale_copy_is_refused_rather_than_overwriting_a_newer_one(shelves):
    view = place()
    with DjangoOrdersUnitOfWork() as uow:
        order = uow.orders.get_for_update(OrderId(view.id))
        assert order is not None
        OrderRecord.objects.filter(pk=view.id).update(version=5)  # someone else saved meanwhile
        order.mark_awaiting_payment(at=timezone.now())
        with pytest.raises(ConcurrentUpdate):
            uow.orders.save(order)
